import { buildDirectory, type Directory } from '../routing/directory.js';
import { mergeDepartment, type DepartmentInput } from '../routing/parse-department.js';
import type { Clock, IdGenerator } from '../routing/ports.js';
import type { ConfigIssue } from '../routing/result.js';
import type { BusinessCalendar, DepartmentConfig } from '../routing/types.js';
import { validateDepartment } from '../routing/validate-department.js';
import type { Doc, PartitionStore, Stored } from './docs.js';

/** Tenant → department lookups live in a partition of their own, so no query ever spans departments. */
export const TENANTS_PARTITION = '_tenants';
const DEPARTMENT_DOC = 'department';

const PARTS = { member: 'members', reportType: 'reportTypes', route: 'routes', delegation: 'delegations' } as const;
type PartKind = keyof typeof PARTS;
type Parts = { [K in (typeof PARTS)[PartKind]]: unknown[] };

interface DepartmentDoc extends Doc {
  kind: 'department';
  name: string;
  tenantId: string;
  /** Which generation of chunk documents is in force; switching it is the import's one atomic step. */
  generation: string;
  /** How many chunks the generation has: they are read by id, `${generation}:chunk:${n}`, never by a query. */
  chunks?: number;
  /** Switched with the generation, so the hours an SLA counts change with the rest. */
  calendar?: BusinessCalendar;
}

/** A slice of the roster, report types, routes and delegations, in order; a department's chunks together hold all of them. */
interface ChunkDoc extends Doc {
  kind: 'directoryChunk';
  generation: string;
  writtenAt: string;
  parts: Partial<Parts>;
}

/** How documents were kept before chunks: one per member, route, … found by a query. Still read, never written. */
interface LegacyPartDoc extends Doc {
  kind: PartKind;
  generation: string;
  order: number;
  body: unknown;
}

interface TenantDoc extends Doc {
  kind: 'tenant';
  tenantId: string;
  department: string;
}

export type ImportResult = { ok: true; created: boolean; config: DepartmentConfig } | { ok: false; issues: ConfigIssue[] };

interface Loaded {
  config: DepartmentConfig;
  head: Stored<DepartmentDoc>;
}

/** Long enough that no import still in flight can own a generation this old. */
const ABANDONED_AFTER_MS = 3600 * 1000;
/** Well under Cosmos DB's 2 MB document limit: a department of a few hundred members fits in one chunk. */
export const DEFAULT_CHUNK_BYTES = 256 * 1024;
/** A reader that finds a chunk gone (an import switched generation under it) starts again; this many times at most. */
const LOAD_ATTEMPTS = 3;

const chunkId = (generation: string, n: number) => `${generation}:chunk:${n}`;
/** The ids of a chunked generation's documents. */
const chunkIds = (generation: string, count: number) => Array.from({ length: count }, (_, n) => chunkId(generation, n));

/** Packs the department's lists, in order, into chunks of at most `maxBytes` of JSON each (a single item larger still gets its own). */
function chunksOf(config: DepartmentConfig, generation: string, writtenAt: string, maxBytes: number): ChunkDoc[] {
  const chunks: ChunkDoc[] = [];
  let parts: Partial<Parts> = {};
  let size = 0;
  const flush = () => {
    chunks.push({ id: chunkId(generation, chunks.length), departmentId: config.id, kind: 'directoryChunk', generation, writtenAt, parts });
    parts = {};
    size = 0;
  };
  for (const list of Object.values(PARTS)) {
    for (const item of config[list] as unknown[]) {
      const bytes = JSON.stringify(item).length + 1;
      if (size > 0 && size + bytes > maxBytes) flush();
      (parts[list] ??= []).push(item);
      size += bytes;
    }
  }
  if (size > 0 || chunks.length === 0) flush();
  return chunks;
}

function assemble(head: DepartmentDoc, parts: Partial<Parts>[]): DepartmentConfig {
  const of = <T>(list: keyof Parts) => parts.flatMap((p) => (p[list] ?? []) as T[]);
  return {
    id: head.departmentId, name: head.name, tenantId: head.tenantId,
    members: of('members'), reportTypes: of('reportTypes'), routes: of('routes'), delegations: of('delegations'),
    ...(head.calendar ? { calendar: head.calendar } : {}),
  };
}

function legacyParts(docs: Doc[], generation: string): Partial<Parts> {
  const mine = docs.filter((d): d is Stored<LegacyPartDoc> => typeof d.kind === 'string' && d.kind in PARTS && d.generation === generation);
  return Object.fromEntries(
    (Object.keys(PARTS) as PartKind[]).map((kind) => [PARTS[kind], mine.filter((p) => p.kind === kind).sort((a, b) => a.order - b.order).map((p) => p.body)]),
  );
}

export class DirectoryStore {
  constructor(
    private readonly docs: PartitionStore,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly chunkBytes = DEFAULT_CHUNK_BYTES,
  ) {}

  /** Point reads only (the head, then its chunks by id), so the cost does not grow with the number of departments. */
  private async load(departmentId: string): Promise<Loaded | undefined> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.docs.read<DepartmentDoc>(departmentId, DEPARTMENT_DOC);
      if (!head || head.kind !== 'department') return undefined;
      if (head.chunks === undefined) {
        const all = await this.docs.query<Doc>(departmentId, 'c.generation = @generation', { generation: head.generation });
        return { config: assemble(head, [legacyParts(all, head.generation)]), head };
      }
      const chunks = await Promise.all(chunkIds(head.generation, head.chunks).map((id) => this.docs.read<ChunkDoc>(departmentId, id)));
      if (chunks.every((c) => c !== undefined)) return { config: assemble(head, chunks.map((c) => c!.parts)), head };
      // An import switched the generation and dropped these chunks after the head was read: read the new head.
      if (attempt >= LOAD_ATTEMPTS) throw new Error(`directory of ${departmentId}: chunks of generation ${head.generation} missing`);
    }
  }

  async config(departmentId: string): Promise<DepartmentConfig | undefined> {
    return (await this.load(departmentId))?.config;
  }

  async directory(departmentId: string): Promise<Directory | undefined> {
    const config = await this.config(departmentId);
    return config && buildDirectory(config);
  }

  async departmentForTenant(tenantId: string): Promise<string | undefined> {
    return (await this.docs.read<TenantDoc>(TENANTS_PARTITION, `tenant:${tenantId}`))?.department;
  }

  async departments(): Promise<string[]> {
    const tenants = await this.docs.query<TenantDoc>(TENANTS_PARTITION, "c.kind = 'tenant'");
    return tenants.map((t) => t.department).sort();
  }

  /** Creates or updates a department; sections the input leaves out are kept as stored. Nothing is written unless all is valid. */
  async import(input: DepartmentInput): Promise<ImportResult> {
    const current = await this.load(input.id);
    const merged = mergeDepartment(current?.config, input);
    if ('code' in merged) return { ok: false, issues: [merged] };
    const issues = validateDepartment(merged);
    const owner = await this.departmentForTenant(merged.tenantId);
    if (owner && owner !== merged.id) issues.push({ code: 'tenant_taken', message: `${merged.id}: tenant ${merged.tenantId} already belongs to department "${owner}"` });
    if (issues.length > 0) return { ok: false, issues };
    const generation = this.ids.next();
    const chunks = chunksOf(merged, generation, this.clock.now().toISOString(), this.chunkBytes);
    await Promise.all(chunks.map((d) => this.docs.upsert(d)));
    const head: DepartmentDoc = {
      id: DEPARTMENT_DOC, departmentId: merged.id, kind: 'department', name: merged.name, tenantId: merged.tenantId, generation, chunks: chunks.length,
      ...(merged.calendar ? { calendar: merged.calendar } : {}),
    };
    const switched = current ? await this.docs.replace(head, current.head._etag) : await this.docs.create(head);
    if (!switched.ok) {
      await Promise.all(chunks.map((c) => this.docs.remove(merged.id, c.id)));
      return { ok: false, issues: [{ code: 'conflict', message: `${merged.id} was changed by another import at the same time; import again` }] };
    }
    await this.docs.upsert({ id: `tenant:${merged.tenantId}`, departmentId: TENANTS_PARTITION, kind: 'tenant', tenantId: merged.tenantId, department: merged.id });
    if (current && current.config.tenantId !== merged.tenantId) await this.docs.remove(TENANTS_PARTITION, `tenant:${current.config.tenantId}`);
    if (current) await this.dropGeneration(merged.id, current.head);
    // Generations abandoned long ago (an import that died before its switch): a younger one may belong to an import still running.
    const abandoned = new Date(this.clock.now().getTime() - ABANDONED_AFTER_MS).toISOString();
    const stale = await this.docs.query<Doc>(merged.id, "c.kind != 'department' AND c.generation != @generation AND c.writtenAt < @abandoned", { generation, abandoned });
    await Promise.all(stale.map((d) => this.docs.remove(merged.id, d.id)));
    return { ok: true, created: !current, config: merged };
  }

  /** The generation a switch replaced: its chunks by id, or (stored before chunks) its part documents by a query. */
  private async dropGeneration(departmentId: string, replaced: DepartmentDoc): Promise<void> {
    const ids = replaced.chunks !== undefined
      ? chunkIds(replaced.generation, replaced.chunks)
      : (await this.docs.query<Doc>(departmentId, "c.kind != 'department' AND c.generation = @generation", { generation: replaced.generation })).map((d) => d.id);
    await Promise.all(ids.map((id) => this.docs.remove(departmentId, id)));
  }
}
