import { ReportDesk } from '../app/reports.js';
import { memberByAad, type Directory } from '../routing/directory.js';
import type { DepartmentInput } from '../routing/parse-department.js';
import type { Clock, IdGenerator } from '../routing/ports.js';
import { resolveRoute } from '../routing/resolve-route.js';
import type { Member } from '../routing/types.js';
import type { Backend } from '../store/connect.js';
import type { Parsed } from './admin-args.js';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export interface Context {
  backend: Backend;
  clock: Clock;
  ids: IdGenerator;
  io: Io;
}

function memberFrom(dir: Directory, idOrAad: string): Member | undefined {
  return dir.byId.get(idOrAad) ?? memberByAad(dir, idOrAad);
}

export async function importDepartments(ctx: Context, inputs: DepartmentInput[]): Promise<number> {
  let failed = 0;
  for (const input of inputs) {
    const r = await ctx.backend.directory.import(input);
    if (!r.ok) {
      failed++;
      for (const issue of r.issues) ctx.io.err(`error: ${issue.message}`);
      continue;
    }
    const c = r.config;
    const counts = `${c.members.length} members, ${c.reportTypes.length} report types, ${c.routes.length} routes, ${c.delegations.length} delegations`;
    ctx.io.out(`${r.created ? 'created' : 'updated'} ${c.id}: ${counts}`);
  }
  return failed > 0 ? 1 : 0;
}

export async function exportDepartment(ctx: Context, args: Parsed): Promise<number> {
  const config = await ctx.backend.directory.config(args.flags.department!);
  if (!config) {
    ctx.io.err(`error: no department "${args.flags.department}"`);
    return 1;
  }
  ctx.io.out(JSON.stringify(config, null, 2));
  return 0;
}

export async function printRoute(ctx: Context, args: Parsed): Promise<number> {
  const { department, type, from, subject, at } = args.flags as Record<string, string>;
  const dir = await ctx.backend.directory.directory(department!);
  if (!dir) return fail(ctx, `no department "${department}"`);
  const reporter = memberFrom(dir, from!);
  if (!reporter) return fail(ctx, `no member "${from}" in ${department}`);
  const subj = subject === undefined ? undefined : memberFrom(dir, subject);
  if (subject !== undefined && !subj) return fail(ctx, `no member "${subject}" in ${department}`);
  const when = at === undefined ? ctx.clock.now() : new Date(at);
  if (Number.isNaN(when.getTime())) return fail(ctx, `--at "${at}" is not a date`);
  const r = resolveRoute(dir, { type: type!, reporter: reporter.id, subject: subj?.id ?? null, at: when });
  if (!r.ok) return fail(ctx, `${r.code}: ${r.reason}`);
  ctx.io.out(JSON.stringify(r.route));
  return 0;
}

export async function showReport(ctx: Context, args: Parsed): Promise<number> {
  const department = args.flags.department!;
  let viewerAad: string | undefined;
  if (args.flags.as !== undefined) {
    const dir = await ctx.backend.directory.directory(department);
    viewerAad = dir && memberFrom(dir, args.flags.as)?.aadObjectId;
    if (!viewerAad) return fail(ctx, `no member "${args.flags.as}" in ${department}`);
  }
  const desk = new ReportDesk({ directory: ctx.backend.directory, reports: ctx.backend.reports, clock: ctx.clock, ids: ctx.ids });
  const r = await desk.show(department, args.words[0]!, viewerAad);
  if (!r.ok) return fail(ctx, `${r.code}: ${r.reason}`);
  ctx.io.out(JSON.stringify({ report: r.report, trail: r.trail }, null, 2));
  return 0;
}

function fail(ctx: Context, message: string): number {
  ctx.io.err(`error: ${message}`);
  return 1;
}
