import { holdersOf, memberByAad, type Directory } from '../routing/directory.js';
import { refuse, type Refusal } from '../routing/result.js';
import type { Member } from '../routing/types.js';
import type { DirectoryStore } from '../store/directory-store.js';

/** What Teams says about whoever sent an activity. */
export interface Caller {
  tenantId?: string;
  aadObjectId?: string;
}

/** The asker's department, and their roster entry when they are on it. */
export interface Who {
  dir: Directory;
  member?: Member;
  aadObjectId?: string;
}

export type IdentifyOutcome = { ok: true; who: Who } | Refusal<'unknown_tenant' | 'no_tenant'>;

/** The Teams tenant picks the department; the AAD object id picks the member. */
export class Identify {
  constructor(private readonly deps: { directory: DirectoryStore; defaultDepartment?: string }) {}

  async who(caller: Caller): Promise<IdentifyOutcome> {
    const departmentId = caller.tenantId
      ? await this.deps.directory.departmentForTenant(caller.tenantId)
      : this.deps.defaultDepartment;
    if (!departmentId) return caller.tenantId ? unknownTenant(caller.tenantId) : noTenant();
    const dir = await this.deps.directory.directory(departmentId);
    if (!dir) return unknownTenant(caller.tenantId ?? departmentId);
    const member = caller.aadObjectId ? memberByAad(dir, caller.aadObjectId) : undefined;
    return { ok: true, who: { dir, ...(member ? { member } : {}), ...(caller.aadObjectId ? { aadObjectId: caller.aadObjectId } : {}) } };
  }
}

function unknownTenant(tenantId: string): Refusal<'unknown_tenant'> {
  return refuse(
    'unknown_tenant',
    `Policy Desk is not set up for your organization yet (Teams tenant ${tenantId}). Ask your department's Policy Desk administrator to add it.`,
  );
}

function noTenant(): Refusal<'no_tenant'> {
  return refuse('no_tenant', 'This message did not say which organization it came from, so Policy Desk cannot tell which policies apply.');
}

/** "Ask Morgan Ruiz (Deputy Chief) to add you": the roster's admins, by name. */
export function howToJoin(dir: Directory): string {
  const admins = holdersOf(dir, 'admin').map((m) => `${m.name} (${m.title})`);
  const whom = admins.length > 0 ? admins.join(' or ') : 'your department admin';
  return `You are not on the ${dir.config.name} roster yet, so you can ask questions but not file reports. Ask ${whom} to add you.`;
}
