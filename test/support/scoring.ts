/**
 * Scores answers against a question set exactly as ../shared/eval/score.mjs does, so the tests and
 * the public scorer agree on what "fully right" means.
 */
import { readFileSync } from 'node:fs';
import type { PolicyDesk } from '../../src/app/ask.js';

export interface EvalCase {
  id: string;
  dept: string;
  q: string;
  verdict: string;
  /** Other verdicts that also count as right. */
  alt?: string[];
  /** Who the answer must name as approver or report recipient ("chief" excludes "deputy chief"). */
  who?: string;
  /** Section ids or titles; one of the first three citations must match one of them. */
  cite?: string[];
}

/** The parts of an answer the scorer looks at; an error answer has verdict null. */
export interface ScoredAnswer {
  verdict: string | null;
  approver?: string;
  reportTo?: string;
  citations?: Array<{ section?: string; title?: string; status?: string }>;
}

export interface CaseScore {
  ok: boolean;
  strict: boolean;
  verdict: boolean;
  who: boolean;
  cite: boolean;
  /** A one-line description when not ok, in score.mjs's wording. */
  miss?: string;
}

export interface Summary {
  total: number;
  passed: number;
  share: number;
  strict: number;
  verdict: number;
  whoHits: number;
  whoN: number;
  citeHits: number;
  citeN: number;
  rescindedHits: number;
  rescindedN: number;
  misses: string[];
}

export function readCases(path: string): EvalCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as EvalCase);
}

const norm = (s: unknown): string => String(s ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const dotted = (s: unknown): string =>
  String(s ?? '')
    .toUpperCase()
    .replace(/OPD\s*-?\s*4\.1/g, '')
    .replace(/[^A-Z0-9.]/g, '')
    .replace(/^\.+|\.+$/g, '');
const isDotted = (s: string): boolean => /^[IVX]+(\.|$)/i.test(s);

/** Roman-numeral ids match the same section or one inside it; anything else by normalised substring of "section title". */
export function citeMatches(c: { section?: string; title?: string }, want: string): boolean {
  if (isDotted(want)) {
    const got = dotted(c.section);
    const w = dotted(want);
    return got === w || got.startsWith(w + '.');
  }
  return norm(`${c.section ?? ''} ${c.title ?? ''}`).includes(norm(want));
}

export function whoOk(a: ScoredAnswer, who: string | undefined): boolean {
  if (!who) return true;
  const text = norm(`${a.approver ?? ''} ${a.reportTo ?? ''}`);
  if (who === 'chief') return /\bchief\b/.test(text) && !/\bdeputy\b/.test(text);
  return text.includes(norm(who));
}

export function scoreCase(c: EvalCase, a: ScoredAnswer | undefined): CaseScore {
  if (!a) return { ok: false, strict: false, verdict: false, who: false, cite: false, miss: `${c.id} no answer` };
  const strict = a.verdict === c.verdict;
  const verdict = strict || (c.alt ?? []).includes(a.verdict ?? '');
  const who = whoOk(a, c.who);
  const top = (a.citations ?? []).slice(0, 3);
  const cite = !c.cite || top.some((x) => c.cite!.some((w) => citeMatches(x, w)));
  const ok = verdict && who && cite;
  if (ok) return { ok, strict, verdict, who, cite };
  const wanted = `${c.verdict}${c.who ? '/' + c.who : ''} ${c.cite ? '[' + c.cite.join('|') + ']' : ''}`;
  const got = `${a.verdict}${a.approver || a.reportTo ? '/' + (a.approver ?? a.reportTo) : ''} [${top.map((x) => x.section).join(', ')}]`;
  return { ok, strict, verdict, who, cite, miss: `${c.id} want ${wanted} got ${got}  «${c.q}»` };
}

/** Scores every case against the answer found for its id. */
export function scoreAll(cases: EvalCase[], answerOf: (c: EvalCase) => ScoredAnswer | undefined): Summary {
  const s: Summary = { total: cases.length, passed: 0, share: 0, strict: 0, verdict: 0, whoHits: 0, whoN: 0, citeHits: 0, citeN: 0, rescindedHits: 0, rescindedN: 0, misses: [] };
  for (const c of cases) {
    const a = answerOf(c);
    const r = scoreCase(c, a);
    if (!a) {
      s.misses.push(r.miss!);
      continue;
    }
    s.strict += Number(r.strict);
    s.verdict += Number(r.verdict);
    if (c.who) {
      s.whoN++;
      s.whoHits += Number(r.who);
    }
    if (c.cite) {
      s.citeN++;
      s.citeHits += Number(r.cite);
    }
    if (c.dept === 'long-beach' && c.cite) {
      s.rescindedN++;
      s.rescindedHits += Number((a.citations ?? []).some((x) => String(x.status ?? '').toLowerCase() === 'rescinded'));
    }
    if (r.ok) s.passed++;
    else s.misses.push(r.miss!);
  }
  s.share = s.total ? s.passed / s.total : 0;
  return s;
}

/** Combines summaries, e.g. of several documents. */
export function mergeSummaries(parts: Summary[]): Summary {
  const keys = ['total', 'passed', 'strict', 'verdict', 'whoHits', 'whoN', 'citeHits', 'citeN', 'rescindedHits', 'rescindedN'] as const;
  const out = { ...scoreAll([], () => undefined) };
  for (const p of parts) {
    for (const k of keys) out[k] += p[k];
    out.misses.push(...p.misses);
  }
  out.share = out.total ? out.passed / out.total : 0;
  return out;
}

const pct = (x: number, n: number): string => (n ? ((100 * x) / n).toFixed(1) : 'n/a');

/** One line in score.mjs's style. */
export function formatSummary(s: Summary): string {
  return (
    `passed ${s.passed}/${s.total} = ${pct(s.passed, s.total)}% · verdict strict ${pct(s.strict, s.total)}% · verdict ${pct(s.verdict, s.total)}% · ` +
    `authority ${pct(s.whoHits, s.whoN)}% · citation@3 ${pct(s.citeHits, s.citeN)}% · rescinded flagged ${pct(s.rescindedHits, s.rescindedN)}%`
  );
}

/** Answers a case in-process, shaped like a line of `ask --batch` (errors have verdict null). */
export function answerWith(desk: PolicyDesk, c: EvalCase): ScoredAnswer {
  const r = desk.ask(c.dept, c.q);
  return r.ok ? r.answer : { verdict: null };
}
