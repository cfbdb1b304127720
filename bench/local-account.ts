/**
 * Bench-only access to the embedded server's in-memory account, to seed hundreds of thousands of documents
 * without one HTTPS round trip each. The server is the app's own (`startLocalCosmos`); we only catch the
 * `account` object its request handler is given (lib/index.js passes it to every route handler), then call the
 * very document operations the HTTP handlers call (lib/handler/_document-operations.js: create, replace with
 * If-Match, upsert, delete, read; queries through the same query engine). The measured operations
 * never use this: they go through @azure/cosmos over HTTPS.
 */
import { createRequire } from 'node:module';
import type { JSONValue } from '@azure/cosmos';
import type { Doc, PartitionStore, Stored, WriteResult } from '../src/store/docs.js';

const require = createRequire(import.meta.url);

type Handler = (account: Account, ...rest: unknown[]) => unknown;
type Route = [params: unknown, handler: Handler] | undefined;

interface CompiledQuery {
  exec(docs: unknown[], opts: { parameters: { name: string; value: JSONValue }[] }): unknown;
}

interface ItemsLike {
  _data: Map<string, { read(): unknown }>;
  _getQuery(sql: string): CompiledQuery;
  query(params: { query: string; parameters: { name: string; value: JSONValue }[] }, opts: { maxItemCount?: number; continuation?: unknown }): unknown;
}

export interface Collection {
  documents: ItemsLike;
}

export interface Account {
  database(id: string): { collection(id: string): Collection };
}

interface OperationResult {
  statusCode: number;
  body: Record<string, unknown>;
}

type Operation<I> = (collection: Collection, input: I) => OperationResult;

interface DocumentOperations {
  createOperation: Operation<{ resourceBody: unknown }>;
  readOperation: Operation<{ partitionKey: string; id: string }>;
  replaceOperation: Operation<{ partitionKey: string; ifMatch?: string; resourceBody: unknown }>;
  upsertOperation: Operation<{ partitionKey: string; resourceBody: unknown }>;
  deleteOperation: Operation<{ partitionKey: string; id: string }>;
}

const routes = require('@vercel/cosmosdb-server/lib/routes.js') as { default: (req: unknown) => Route };
const ops = require('@vercel/cosmosdb-server/lib/handler/_document-operations.js') as DocumentOperations;

/**
 * Resolves with the server's account on the next request it routes (lib/index.js looks `routes.default` up on
 * every request, so wrapping it once is enough); the wrapper removes itself at once.
 */
export function catchAccount(): Promise<Account> {
  const original = routes.default;
  return new Promise((resolve) => {
    routes.default = (req) => {
      const route = original(req);
      if (!route) return route;
      const [params, handler] = route;
      return [
        params,
        (account, ...rest) => {
          routes.default = original;
          resolve(account);
          return handler(account, ...rest);
        },
      ];
    };
  });
}

/** What the server keeps for a document besides our fields; CosmosPartitionStore drops the same ones. */
function withoutSystemProps<T extends Doc>(doc: Record<string, unknown>): Stored<T> {
  const { _rid, _self, _ts, _attachments, ...rest } = doc;
  return rest as Stored<T>;
}

/**
 * What the server would hold after the SDK's JSON.stringify and its JSON.parse: fresh objects and arrays, keys
 * whose value is undefined dropped (in arrays, null), toJSON honoured. Strings are shared rather than re-parsed,
 * which keeps 8 million documents in a few GB less heap; the content is the same.
 */
function wire<T>(value: T): T {
  return clone(value) as T;
}

function clone(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return typeof v === 'number' && !Number.isFinite(v) ? null : v;
  const json = (v as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return clone(json.call(v));
  if (Array.isArray(v)) return v.map((x) => (x === undefined || typeof x === 'function' ? null : clone(x)));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined && typeof x !== 'function') out[k] = clone(x);
  return out;
}

const pk = (departmentId: string) => JSON.stringify([departmentId]);

/**
 * The repositories' PartitionStore interface over one container of the in-memory account, so seeding runs the
 * repositories' own code (DirectoryStore.import, ReportStore.create/commit, NoticeStore.claim) and writes
 * documents in exactly their shape.
 */
export class AccountPartitionStore implements PartitionStore {
  constructor(private readonly collection: Collection) {}

  async read<T extends Doc>(departmentId: string, id: string): Promise<Stored<T> | undefined> {
    const r = ops.readOperation(this.collection, { partitionKey: pk(departmentId), id });
    return r.statusCode === 200 ? wire(withoutSystemProps<T>(r.body)) : undefined;
  }

  /**
   * The same SQL through the server's own query engine, run over this partition's documents only (the SQL filters
   * on c.departmentId anyway, so the result is the same): the server itself walks the whole container, which would
   * make 200 imports in a row quadratic. Used only while seeding (DirectoryStore.import reads what is stored).
   */
  async query<T extends Doc>(departmentId: string, where: string, parameters: Record<string, JSONValue> = {}): Promise<Stored<T>[]> {
    const sql = `SELECT * FROM c WHERE c.departmentId = @departmentId AND (${where})`;
    const params = [{ name: '@departmentId', value: departmentId }, ...Object.entries(parameters).map(([k, value]) => ({ name: `@${k}`, value }))];
    const docs = this.collection.documents;
    const inPartition = [...docs._data.values()].map((d) => d.read() as Record<string, unknown>).filter((d) => d.departmentId === departmentId);
    const found = docs._getQuery(sql).exec(inPartition, { parameters: params }) as { result: Record<string, unknown>[] };
    return found.result.map((d) => wire(withoutSystemProps<T>(d)));
  }

  async create(doc: Doc): Promise<WriteResult<'exists'>> {
    const r = ops.createOperation(this.collection, { resourceBody: wire(doc) });
    if (r.statusCode === 409) return { ok: false, code: 'exists' };
    if (r.statusCode !== 201) throw new Error(`create ${doc.id}: ${r.statusCode} ${JSON.stringify(r.body)}`);
    return { ok: true, etag: r.body._etag as string };
  }

  async replace(doc: Doc, etag: string): Promise<WriteResult<'changed'>> {
    const r = ops.replaceOperation(this.collection, { partitionKey: pk(doc.departmentId), ifMatch: etag, resourceBody: wire(doc) });
    if (r.statusCode === 412 || r.statusCode === 404) return { ok: false, code: 'changed' };
    if (r.statusCode !== 200) throw new Error(`replace ${doc.id}: ${r.statusCode} ${JSON.stringify(r.body)}`);
    return { ok: true, etag: r.body._etag as string };
  }

  async upsert(doc: Doc): Promise<string> {
    const r = ops.upsertOperation(this.collection, { partitionKey: pk(doc.departmentId), resourceBody: wire(doc) });
    if (r.statusCode !== 200 && r.statusCode !== 201) throw new Error(`upsert ${doc.id}: ${r.statusCode} ${JSON.stringify(r.body)}`);
    return r.body._etag as string;
  }

  async remove(departmentId: string, id: string): Promise<void> {
    ops.deleteOperation(this.collection, { partitionKey: pk(departmentId), id });
  }
}

/** Queries the server ran per container (each walks every document of the container), and the documents walked. */
export interface ScanCounter {
  byContainer(): Record<string, number>;
  scanned(): number;
}

export function countScans(collections: Record<string, Collection>): ScanCounter {
  const scans: Record<string, number> = {};
  let scanned = 0;
  for (const [name, c] of Object.entries(collections)) {
    const docs = c.documents;
    const query = docs.query.bind(docs);
    scans[name] = 0;
    docs.query = (params, opts) => {
      scans[name]!++;
      scanned += docs._data.size;
      return query(params, opts);
    };
  }
  return { byContainer: () => ({ ...scans }), scanned: () => scanned };
}

/**
 * How long the server's query engine (@zeit/cosmosdb-query, as lib/account/items.js calls it) takes to walk the
 * first `n` documents of a container with a partition-filtered query that matches none of them.
 */
export function queryEngineMs(collection: Collection, n: number): number {
  const docs = [...collection.documents._data.values()].slice(0, n).map((d) => d.read());
  const q = collection.documents._getQuery("SELECT * FROM c WHERE c.departmentId = @departmentId AND (c.kind = 'none')");
  q.exec(docs.slice(0, 100), { parameters: [{ name: '@departmentId', value: '-' }] });
  const t0 = performance.now();
  q.exec(docs, { parameters: [{ name: '@departmentId', value: '-' }] });
  return performance.now() - t0;
}
