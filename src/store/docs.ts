import type { Container, JSONValue } from '@azure/cosmos';

/** Every document lives in its department's logical partition. */
export interface Doc {
  id: string;
  departmentId: string;
  [key: string]: unknown;
}

export type Stored<T> = T & { _etag: string };

export type WriteResult<C extends string> = { ok: true; etag: string } | { ok: false; code: C };

/**
 * The few document operations the repositories need, scoped to one partition per call. Kept narrow so a
 * test can wrap it (a crash after the Nth write) and so every query is forced through the partition filter.
 */
export interface PartitionStore {
  read<T extends Doc>(departmentId: string, id: string): Promise<Stored<T> | undefined>;
  /** `where` is ANDed with the partition filter: the local server ignores the partitionKey option. */
  query<T extends Doc>(departmentId: string, where: string, parameters?: Record<string, JSONValue>): Promise<Stored<T>[]>;
  create(doc: Doc): Promise<WriteResult<'exists'>>;
  /** Only if the stored document still has `etag`. */
  replace(doc: Doc, etag: string): Promise<WriteResult<'changed'>>;
  upsert(doc: Doc): Promise<string>;
  remove(departmentId: string, id: string): Promise<void>;
}

/**
 * Read-modify-write of one document under its etag, tried again when another writer got there first. `change` gives
 * the document to write from the current one (undefined when there is none yet), or undefined when nothing needs writing.
 */
export async function updateDoc<T extends Doc>(
  docs: PartitionStore,
  departmentId: string,
  id: string,
  change: (current: Stored<T> | undefined) => T | undefined,
  attempts = 10,
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await docs.read<T>(departmentId, id);
    const next = change(current);
    if (!next) return;
    const written = current ? await docs.replace(next, current._etag) : await docs.create(next);
    if (written.ok) return;
  }
  throw new Error(`${id}: too many concurrent writers`);
}

function status(e: unknown): number | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Cosmos system properties (_rid, _self, _ts, _attachments) are not ours to carry around; _etag is kept. */
function withoutSystemProps<T extends Doc>(doc: Stored<T>): Stored<T> {
  const { _rid, _self, _ts, _attachments, ...rest } = doc as Stored<T> & Record<string, unknown>;
  return rest as Stored<T>;
}

export class CosmosPartitionStore implements PartitionStore {
  constructor(private readonly container: Container) {}

  async read<T extends Doc>(departmentId: string, id: string): Promise<Stored<T> | undefined> {
    const res = await this.container.item(id, departmentId).read<Stored<T>>();
    return res.statusCode === 404 || !res.resource ? undefined : withoutSystemProps(res.resource);
  }

  async query<T extends Doc>(departmentId: string, where: string, parameters: Record<string, JSONValue> = {}): Promise<Stored<T>[]> {
    const spec = {
      query: `SELECT * FROM c WHERE c.departmentId = @departmentId AND (${where})`,
      parameters: [{ name: '@departmentId', value: departmentId }, ...Object.entries(parameters).map(([k, value]) => ({ name: `@${k}`, value }))],
    };
    const { resources } = await this.container.items.query<Stored<T>>(spec, { partitionKey: departmentId }).fetchAll();
    return resources.map(withoutSystemProps);
  }

  async create(doc: Doc): Promise<WriteResult<'exists'>> {
    try {
      const res = await this.container.items.create(doc);
      return { ok: true, etag: res.etag };
    } catch (e) {
      if (status(e) === 409) return { ok: false, code: 'exists' };
      throw e;
    }
  }

  async replace(doc: Doc, etag: string): Promise<WriteResult<'changed'>> {
    try {
      const res = await this.container.item(doc.id, doc.departmentId).replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } });
      return { ok: true, etag: res.etag };
    } catch (e) {
      if (status(e) === 412 || status(e) === 404) return { ok: false, code: 'changed' };
      throw e;
    }
  }

  async upsert(doc: Doc): Promise<string> {
    return (await this.container.items.upsert(doc)).etag;
  }

  async remove(departmentId: string, id: string): Promise<void> {
    try {
      await this.container.item(id, departmentId).delete();
    } catch (e) {
      if (status(e) !== 404) throw e;
    }
  }
}
