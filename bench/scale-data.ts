/**
 * Synthetic departments and report histories for the scale benchmark (bench/scale.ts), shaped like the
 * sample data: the roster's ranks and reporting lines scaled to 100 members, and the sample report types and
 * routes (sample-data/routes.json, Olivette's). Everything is deterministic (no Math.random), so two runs seed
 * the same data.
 */
import { createHash } from 'node:crypto';
import { applyAction, type ActionCommand } from '../src/routing/act.js';
import { buildDirectory, type Directory } from '../src/routing/directory.js';
import { submitReport } from '../src/routing/submit.js';
import type { Transition } from '../src/routing/transition.js';
import type { DepartmentConfig, Delegation, FieldDef, Member, Report, ReportType } from '../src/routing/types.js';
import { validateDepartment } from '../src/routing/validate-department.js';
import { loadDepartmentFiles, SAMPLE_FILES } from '../src/store/department-files.js';

/** A name-based UUID (the shape Teams gives AAD object and tenant ids), stable for a given name. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function departmentId(n: number): string {
  return `dept-${String(n + 1).padStart(3, '0')}`;
}

const FIRST = ['Avery', 'Riley', 'Jordan', 'Morgan', 'Casey', 'Taylor', 'Sam', 'Jamie', 'Quinn', 'Rowan', 'Drew', 'Alex', 'Blake', 'Cameron', 'Dana', 'Elliot', 'Frankie', 'Harper', 'Jesse', 'Kai'];
const LAST = ['Lane', 'Chen', 'Hale', 'Ruiz', 'Brooks', 'Okafor', 'Diaz', 'Park', 'Ward', 'Singh', 'Fox', 'Moreno', 'Foster', 'Vega', 'Nash', 'Cole', 'Reyes', 'Kim', 'Novak', 'Abbott', 'Baker', 'Cruz', 'Ellis'];

/** Members per department and how they hang together (sums to 100). */
export const ROSTER_SHAPE = { deputyChiefs: 3, lieutenantsPerDeputy: 2, sergeantsPerLieutenant: 2, officersPerSergeant: 6, clerksPerDeputy: 2 } as const;

const SHIFTS = ['A', 'B', 'C', 'D'];
const BUREAUS = ['Patrol Bureau', 'Investigations Bureau', 'Support Services Bureau'];

/**
 * The sample roster's chain of command (chief → deputy chief → lieutenant → sergeant → officer; clerks under a
 * deputy chief), 100 members: 1 chief, 3 deputy chiefs (the first also admin), 6 lieutenants, 12 sergeants,
 * 72 officers, 6 clerks; two delegations, one of them in force now.
 */
export function syntheticDepartment(n: number, now: Date): DepartmentConfig {
  const id = departmentId(n);
  let k = n * 7;
  const name = () => `${FIRST[k % FIRST.length]} ${LAST[(k++ * 5 + n) % LAST.length]}`;
  const member = (mid: string, rank: string, title: string, unit: string, reportsTo: string | null, roles: string[] = []): Member => ({
    id: mid, aadObjectId: stableUuid(`${id}/${mid}`), name: name(), rank, title, unit, reportsTo, roles,
  });
  const s = ROSTER_SHAPE;
  const members: Member[] = [member('chief', 'chief', 'Chief of Police', 'Office of the Chief', null, ['chief'])];
  let lt = 0;
  let sgt = 0;
  let ofc = 0;
  let clerk = 0;
  for (let d = 1; d <= s.deputyChiefs; d++) {
    const dc = `dc-${d}`;
    const bureau = BUREAUS[(d - 1) % BUREAUS.length]!;
    members.push(member(dc, 'deputy_chief', 'Deputy Chief', bureau, 'chief', d === 1 ? ['deputy_chief', 'admin'] : ['deputy_chief']));
    for (let c = 0; c < s.clerksPerDeputy; c++) members.push(member(`clerk-${++clerk}`, 'civilian', 'Records Clerk', 'Records', dc));
    for (let l = 0; l < s.lieutenantsPerDeputy; l++) {
      const ltId = `lt-${++lt}`;
      const area = `${bureau.split(' ')[0]} ${lt}`;
      members.push(member(ltId, 'lieutenant', `${area} Lieutenant`, area, dc));
      for (let g = 0; g < s.sergeantsPerLieutenant; g++) {
        const sgtId = `sgt-${++sgt}`;
        const shift = `${area} ${SHIFTS[(sgt - 1) % SHIFTS.length]} Shift`;
        members.push(member(sgtId, 'sergeant', `Sergeant, ${shift}`, shift, ltId));
        for (let o = 0; o < s.officersPerSergeant; o++) members.push(member(`ofc-${++ofc}`, 'officer', 'Patrol Officer', shift, sgtId));
      }
    }
  }
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const delegations: Delegation[] = [
    { id: 'vac-now', member: 'sgt-2', delegate: 'sgt-1', start: day(-3), end: day(10) },
    { id: 'vac-past', member: 'lt-2', delegate: 'lt-1', start: day(-60), end: day(-46) },
  ];
  const config: DepartmentConfig = {
    id, name: `Department ${n + 1} Police Department`, tenantId: stableUuid(`tenant/${id}`),
    members, reportTypes: SAMPLE.reportTypes, routes: SAMPLE.routes, delegations,
  };
  const issues = validateDepartment(config);
  if (issues.length > 0) throw new Error(`synthetic department ${id} is invalid:\n${issues.map((i) => i.message).join('\n')}`);
  return config;
}

/** Olivette's report types and routes, as the sample data defines them. */
const SAMPLE = (() => {
  const { departments, issues } = loadDepartmentFiles(SAMPLE_FILES);
  if (issues.length > 0) throw new Error(issues.map((i) => i.message).join('\n'));
  const olivette = departments.find((d) => d.id === 'olivette')!;
  return { reportTypes: olivette.reportTypes, routes: olivette.routes };
})();

const WORDS = 'the unit on the north side was seen with a cracked screen and the radio drops calls during the evening shift near the station lot while the camera keeps restarting after the update'.split(' ');

function text(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 31 + i * 7) % WORDS.length]!);
  return out.join(' ');
}

/** Values for a report type's fields: every required one, and most optional ones. */
export function fieldsFor(type: ReportType, seed: number): Record<string, string> {
  const fields: Record<string, string> = {};
  type.fields.forEach((f: FieldDef, i) => {
    if (!f.required && (seed + i) % 3 === 0) return;
    if (f.choices) fields[f.id] = f.choices[(seed + i) % f.choices.length]!;
    else fields[f.id] = text(seed + i, Math.min(8 + ((seed * 13 + i) % 30), Math.floor((f.maxLength ?? 400) / 12)));
  });
  return fields;
}

const TYPE_MIX = ['violation', 'violation', 'repair', 'repair', 'repair', 'approval', 'approval', 'security', 'violation', 'repair'];

const HOUR = 3_600_000;

/** Who acts on the level holding the report: its assignee. */
function holder(r: Report): string {
  return r.route.steps[r.step]!.member;
}

/**
 * The transitions of report number `i` of a department, in order, through the pure lifecycle the app uses
 * (submitReport, applyAction): filed, then one of a mix of histories so the partition holds reports in every
 * state with one to five audit events each (about 2.5 on average).
 */
export function reportHistory(dir: Directory, i: number, reportId: string, now: Date): Transition[] {
  const officers = dir.config.members.filter((m) => m.rank === 'officer' || m.rank === 'sergeant' || m.rank === 'civilian');
  const reporter = officers[(i * 17) % officers.length]!;
  let typeId = TYPE_MIX[i % TYPE_MIX.length]!;
  const scenario = (i * 7) % 20;
  if (scenario === 18) typeId = 'repair';
  const type = dir.types.get(typeId)!;
  // Spread over the last year, oldest first; each later move a few hours after the one before.
  let at = new Date(now.getTime() - 365 * 24 * HOUR + (i * 12_611_000) % (360 * 24 * HOUR));
  const subject = typeId === 'violation' && i % 4 === 0 ? officers[(i * 17 + 5) % officers.length]!.id : null;
  const filed = submitReport(dir, { reportId, commandId: `submit:${reportId}`, type: typeId, reporter: reporter.id, subject: subject === reporter.id ? null : subject, fields: fieldsFor(type, i) }, at);
  if (!filed.ok) throw new Error(`cannot file seed report ${i}: ${filed.reason}`);
  const out: Transition[] = [filed];
  let report = filed.report;
  const act = (cmd: Omit<ActionCommand, 'commandId'>): boolean => {
    at = new Date(at.getTime() + (3 + (i % 20)) * HOUR);
    const t = applyAction(dir, report, { ...cmd, commandId: `${cmd.action}:${reportId}:${report.version}` }, at);
    if (!t.ok) throw new Error(`seed report ${i} (${typeId}, ${report.state}): ${cmd.action} refused: ${t.reason}`);
    out.push(t);
    report = t.report;
    return true;
  };
  const forward = () => report.state === 'pending' && act({ action: 'forward', actor: holder(report) });
  const toDestination = () => {
    while (report.state === 'pending') forward();
  };
  const decide = (outcome: 'resolve' | 'close' | 'approve' | 'deny') => {
    const allowed = type.outcomes.includes(outcome) ? outcome : type.outcomes[0]!;
    act({ action: allowed, actor: holder(report) });
  };
  if (scenario === 0) {
    // filed only
  } else if (scenario <= 5) forward();
  else if (scenario <= 8) toDestination();
  else if (scenario <= 13) {
    toDestination();
    decide(scenario % 2 ? 'resolve' : typeId === 'approval' ? 'approve' : 'close');
  } else if (scenario <= 15) act({ action: 'return', actor: holder(report), comment: 'Please add when and where this happened.' });
  else if (scenario === 16) {
    act({ action: 'return', actor: holder(report), comment: 'Which unit number?' });
    act({ action: 'resubmit', actor: report.reporter, fields: { ...report.fields } });
  } else if (scenario === 17) act({ action: 'withdraw', actor: report.reporter });
  else if (scenario === 18) {
    toDestination();
    act({ action: 'hand_to_contractor', actor: holder(report), reference: `INC-${100000 + i}` });
  } else {
    toDestination();
    decide(typeId === 'approval' ? 'deny' : 'resolve');
  }
  return out;
}

export function directoryOf(config: DepartmentConfig): Directory {
  return buildDirectory(config);
}
