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

interface DepartmentDoc extends Doc {
  kind: 'department';
  name: string;
  tenantId: string;
  /** Which generation of member/route/… documents is in force; switching it is the import's one atomic step. */
  generation: string;
  /** Switched with the generation, so the hours an SLA counts change with the rest. */
  calendar?: BusinessCalendar;
}

interface PartDoc extends Doc {
  kind: PartKind;
  generation: string;
  order: number;
  writtenAt: string;
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

function partDocs(config: DepartmentConfig, generation: string, writtenAt: string): PartDoc[] {
  const keyOf = (kind: PartKind, body: Record<string, unknown>) => String(kind === 'route' ? body.type : body.id);
  return (Object.keys(PARTS) as PartKind[]).flatMap((kind) =>
    (config[PARTS[kind]] as unknown as Record<string, unknown>[]).map((body, order) => ({
      id: `${generation}:${kind}:${keyOf(kind, body)}`, departmentId: config.id, kind, generation, order, writtenAt, body,
    })),
  );
}

function assemble(head: DepartmentDoc, parts: PartDoc[]): DepartmentConfig {
  const of = <T>(kind: PartKind) => parts.filter((p) => p.kind === kind).sort((a, b) => a.order - b.order).map((p) => p.body as T);
  return {
    id: head.departmentId, name: head.name, tenantId: head.tenantId,
    members: of('member'), reportTypes: of('reportType'), routes: of('route'), delegations: of('delegation'),
    ...(head.calendar ? { calendar: head.calendar } : {}),
  };
}

export class DirectoryStore {
  constructor(
    private readonly docs: PartitionStore,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  private async load(departmentId: string): Promise<Loaded | undefined> {
    const all = await this.docs.query<Doc>(departmentId, 'true');
    const head = all.find((d): d is Stored<DepartmentDoc> => d.kind === 'department');
    if (!head) return undefined;
    const parts = all.filter((d): d is Stored<PartDoc> => typeof d.kind === 'string' && d.kind in PARTS && d.generation === head.generation);
    return { config: assemble(head, parts), head };
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
    await Promise.all(partDocs(merged, generation, this.clock.now().toISOString()).map((d) => this.docs.upsert(d)));
    const head: DepartmentDoc = {
      id: DEPARTMENT_DOC, departmentId: merged.id, kind: 'department', name: merged.name, tenantId: merged.tenantId, generation,
      ...(merged.calendar ? { calendar: merged.calendar } : {}),
    };
    const switched = current ? await this.docs.replace(head, current.head._etag) : await this.docs.create(head);
    if (!switched.ok) {
      await this.dropParts(merged.id, 'c.generation = @generation', { generation });
      return { ok: false, issues: [{ code: 'conflict', message: `${merged.id} was changed by another import at the same time; import again` }] };
    }
    await this.docs.upsert({ id: `tenant:${merged.tenantId}`, departmentId: TENANTS_PARTITION, kind: 'tenant', tenantId: merged.tenantId, department: merged.id });
    if (current && current.config.tenantId !== merged.tenantId) await this.docs.remove(TENANTS_PARTITION, `tenant:${current.config.tenantId}`);
    // Only the generation just replaced, and ones abandoned long ago: a younger one may belong to an import still running.
    const abandoned = new Date(this.clock.now().getTime() - ABANDONED_AFTER_MS).toISOString();
    const where = 'c.generation != @generation AND (c.generation = @replaced OR c.writtenAt < @abandoned)';
    await this.dropParts(merged.id, where, { generation, replaced: current?.head.generation ?? '', abandoned });
    return { ok: true, created: !current, config: merged };
  }

  private async dropParts(departmentId: string, where: string, parameters: Record<string, string>): Promise<void> {
    const stale = await this.docs.query<PartDoc>(departmentId, `c.kind != 'department' AND ${where}`, parameters);
    await Promise.all(stale.map((d) => this.docs.remove(departmentId, d.id)));
  }
}
