import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolicyDesk } from '../../src/app/ask.js';
import { flattenSections } from '../../src/policy/library.js';
import type { Answer } from '../../src/policy/types.js';
import { answerWith, formatSummary, readCases, scoreAll, type EvalCase } from '../support/scoring.js';

/** Share of the evaluation set that must be fully right (verdict, authority, citation@3). */
const MIN_EVAL_SHARE = 0.97;
/** Share of the public question set (a copy of ../shared/eval/questions.jsonl) that must be fully right. */
const MIN_PUBLIC_SHARE = 1;

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const evalCases = readCases(here('../eval/questions.jsonl'));
const publicCases = readCases(here('../eval/public-questions.jsonl'));
const desk = new PolicyDesk();

function expectShare(cases: EvalCase[], min: number): void {
  const summary = scoreAll(cases, (c) => answerWith(desk, c));
  const report = `${formatSummary(summary)}\nmisses:\n  ${summary.misses.join('\n  ')}`;
  if (summary.share < min) console.log(report);
  expect(summary.share, `fully right ${summary.passed}/${summary.total}, below ${min}\n${report}`).toBeGreaterThanOrEqual(min);
}

describe('answer quality', () => {
  it(`gets at least ${MIN_EVAL_SHARE * 100}% of the evaluation set fully right`, () => {
    expectShare(evalCases, MIN_EVAL_SHARE);
  });

  it(`gets at least ${MIN_PUBLIC_SHARE * 100}% of the public questions fully right`, () => {
    expectShare(publicCases, MIN_PUBLIC_SHARE);
  });
});

describe('quotes are verbatim', () => {
  const cases = [...evalCases, ...publicCases];
  const answered = cases.map((c) => {
    const r = desk.ask(c.dept, c.q);
    if (!r.ok) throw new Error(`${c.id}: ${r.error.message}`);
    return { c, a: r.answer };
  });

  /** Every problem with an answer's citations, as readable lines. */
  function citationProblems(c: EvalCase, a: Answer): string[] {
    const library = desk.engine(c.dept)!.library;
    const problems: string[] = [];
    for (const cite of a.citations) {
      const doc = library.documents.find((d) => d.id === cite.policy);
      const section = doc && flattenSections(doc.sections).find((s) => s.id === cite.section);
      const where = `${c.id} ${cite.policy} §${cite.section}`;
      if (!doc || !section) problems.push(`${where}: no such section in the ${c.dept} library`);
      else if (!section.text.includes(cite.quote)) problems.push(`${where}: quote not in the section text: "${cite.quote.slice(0, 80)}"`);
      if (doc && cite.status !== doc.status) problems.push(`${where}: status ${cite.status}, document is ${doc.status}`);
    }
    return problems;
  }

  it('every quote is a verbatim part of the cited section, with the document status', () => {
    const problems = answered.flatMap(({ c, a }) => citationProblems(c, a));
    expect(problems).toEqual([]);
  });

  it('every Long Beach citation is flagged rescinded', () => {
    const flagged = answered
      .filter(({ c }) => c.dept === 'long-beach')
      .flatMap(({ c, a }) => a.citations.filter((x) => x.status !== 'rescinded').map((x) => `${c.id} §${x.section} ${x.status}`));
    expect(flagged).toEqual([]);
  });

  it('every answer that is not not_addressed cites a section, and not_addressed cites none', () => {
    const wrong = answered
      .filter(({ a }) => (a.verdict === 'not_addressed') !== (a.citations.length === 0))
      .map(({ c, a }) => `${c.id} ${a.verdict} with ${a.citations.length} citation(s)`);
    expect(wrong).toEqual([]);
  });
});
