import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CosmosClient } from '@azure/cosmos';
import { CONTAINERS } from './cosmos.js';

/**
 * Keeps the embedded local server's data on disk, so `npm start` keeps filed reports across restarts.
 * The local server holds everything in memory; this copies every document of every container to one
 * JSON file per container (written whole, then renamed, so a crash never leaves half a file) and
 * loads them back at the next start. Real Cosmos DB never goes through here.
 */
export interface LocalSnapshot {
  /** Loads a previous snapshot; false when there is none (the caller seeds the sample data). */
  restore(): Promise<boolean>;
  /** Writes the current data, if anything changed since the last write. */
  save(): Promise<void>;
}

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts'];

type Row = Record<string, unknown>;

export function localSnapshot(client: CosmosClient, database: string, dir: string): LocalSnapshot {
  let lastWritten = '';
  const file = (container: string) => join(dir, `${container}.json`);
  const readAll = async (container: string): Promise<Row[]> => {
    const { resources } = await client.database(database).container(container).items.query<Row>('SELECT * FROM c').fetchAll();
    return resources.map(stripSystemFields).sort((a, b) => key(a).localeCompare(key(b)));
  };
  return {
    async restore() {
      if (!CONTAINERS.some((c) => existsSync(file(c)))) return false;
      for (const name of CONTAINERS) {
        if (!existsSync(file(name))) continue;
        const rows = JSON.parse(readFileSync(file(name), 'utf8')) as Row[];
        const container = client.database(database).container(name);
        for (const row of rows) await container.items.upsert(row);
      }
      lastWritten = await fingerprint(readAll);
      return true;
    },
    async save() {
      const all = await Promise.all(CONTAINERS.map(async (name) => [name, await readAll(name)] as const));
      const print = JSON.stringify(all);
      if (print === lastWritten) return;
      mkdirSync(dir, { recursive: true });
      for (const [name, rows] of all) {
        writeFileSync(`${file(name)}.tmp`, JSON.stringify(rows, null, 1));
        renameSync(`${file(name)}.tmp`, file(name));
      }
      lastWritten = print;
    },
  };
}

async function fingerprint(readAll: (container: string) => Promise<Row[]>): Promise<string> {
  return JSON.stringify(await Promise.all(CONTAINERS.map(async (name) => [name, await readAll(name)] as const)));
}

function stripSystemFields(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) if (!SYSTEM_FIELDS.includes(k)) out[k] = v;
  return out;
}

function key(row: Row): string {
  return `${String(row.departmentId)}|${String(row.id)}`;
}
