import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolicyDesk } from '../../src/app/ask.js';
import { importPolicyText } from '../../src/policy/importer/import.js';
import { buildLibrary, readSharedLexicon } from '../../src/policy/library.js';
import { answerWith, formatSummary, mergeSummaries, readCases, scoreAll, type Summary } from '../support/scoring.js';

/** Share of the questions on documents the engine has never seen that must be fully right, all documents together. */
const MIN_UNSEEN_SHARE = 0.66;

const dir = fileURLToPath(new URL('../fixtures/unseen/', import.meta.url));
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.questions.jsonl'))))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();

/** Imports a plain-text policy with no review, the way `ask --policy FILE` does, and answers its questions. */
function scoreDocument(name: string): Summary {
  const lexicon = readSharedLexicon();
  const file = join(dir, `${name}.txt`);
  const imported = importPolicyText(readFileSync(file, 'utf8'), { source: file, lexicon });
  const library = buildLibrary({ department: name, name: imported.document.title, authorities: imported.authorities }, [imported.document], lexicon);
  const desk = PolicyDesk.forLibrary(library);
  return scoreAll(readCases(join(dir, `${name}.questions.jsonl`)), (c) => answerWith(desk, c));
}

describe('documents the engine has never seen, imported on the fly', () => {
  it('has unseen documents with questions to score', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it(`gets at least ${MIN_UNSEEN_SHARE * 100}% of their questions fully right`, () => {
    const perDocument = names.map((name) => ({ name, summary: scoreDocument(name) }));
    const all = mergeSummaries(perDocument.map((d) => d.summary));
    const width = Math.max(...names.map((n) => n.length));
    const lines = perDocument.map(({ name, summary }) => `  ${name.padEnd(width)}  ${formatSummary(summary)}`);
    console.log(`unseen documents:\n${lines.join('\n')}\n  ${'all'.padEnd(width)}  ${formatSummary(all)}`);
    if (all.share < MIN_UNSEEN_SHARE) console.log(`misses:\n  ${all.misses.join('\n  ')}`);
    expect(all.share, `fully right ${all.passed}/${all.total}, below ${MIN_UNSEEN_SHARE}`).toBeGreaterThanOrEqual(MIN_UNSEEN_SHARE);
  });
});
