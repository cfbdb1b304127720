import type { DirectoryStore } from '../store/directory-store.js';
import type { DeadlineSweeper, Fired } from './sweep-deadlines.js';

/** What a department's outbox pass did (the teams layer sends; the use case only needs the counts). */
export interface DueSender {
  sendDue(departmentId: string): Promise<{ sent: number; retrying: number; dead: number }>;
}

export interface DepartmentSweep {
  department: string;
  fired: Fired[];
  outbox?: { sent: number; retrying: number; dead: number };
  /** The error's kind, when this department's sweep failed; the others still ran. */
  error?: string;
}

/**
 * One sweep: for each department (or the one asked for), fire what is due, then send what the outbox holds. All
 * state is in Cosmos DB; whoever calls this (the server's timer, the admin CLI, several instances at once) only
 * decides when.
 */
export async function sweepDepartments(
  deps: { directory: DirectoryStore; sweeper: DeadlineSweeper; sender?: DueSender },
  opts: { department?: string } = {},
): Promise<DepartmentSweep[]> {
  const departments = opts.department ? [opts.department] : await deps.directory.departments();
  const out: DepartmentSweep[] = [];
  for (const department of departments) {
    try {
      const fired = await deps.sweeper.sweep(department);
      const sent = deps.sender ? await deps.sender.sendDue(department) : undefined;
      out.push({ department, fired, ...(sent ? { outbox: { sent: sent.sent, retrying: sent.retrying, dead: sent.dead } } : {}) });
    } catch (e) {
      out.push({ department, fired: [], error: e instanceof Error ? e.name : 'error' });
    }
  }
  return out;
}
