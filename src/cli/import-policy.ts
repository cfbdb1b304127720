import { readFileSync, writeFileSync } from 'node:fs';
import { importPolicyText } from '../policy/importer/import.js';
import { flattenSections, readSharedLexicon } from '../policy/library.js';
import type { Section } from '../policy/types.js';

const USAGE = `usage: npm run import-policy -- FILE [--out DOCUMENT.json]
Imports a plain-text policy into the library format, drafts its provisions from its wording,
and prints what it found and what it could not place, for an admin to review.`;

function main(argv: string[]): number {
  const file = argv.find((a) => !a.startsWith('--'));
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (!file || (outAt >= 0 && !out)) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const result = importPolicyText(readFileSync(file, 'utf8'), { source: file, lexicon: readSharedLexicon() });
  const doc = result.document;
  const lines = [`${doc.id} — ${doc.title} (${doc.status}${doc.effective ? `, effective ${doc.effective}` : ''})`];
  for (const s of flattenSections(doc.sections)) lines.push(...describe(s));
  lines.push('', 'authorities:', ...Object.entries(result.authorities).map(([k, a]) => `  ${k}: ${a.name}`));
  lines.push('', 'for review:', ...(result.report.length ? result.report.map((r) => `  - ${r}`) : ['  (nothing)']));
  process.stdout.write(lines.join('\n') + '\n');
  if (out) {
    writeFileSync(out, JSON.stringify(doc, null, 1) + '\n');
    process.stdout.write(`\nwrote ${out}\n`);
  }
  return 0;
}

function describe(s: Section): string[] {
  const head = `§${s.id} ${s.title}`;
  const provisions = (s.provisions ?? []).map(
    (p) => `    ${p.verdict}${p.authority ? ` (${p.authority})` : ''}: "${p.quote.slice(0, 80)}${p.quote.length > 80 ? '…' : ''}"`,
  );
  return [head, ...provisions];
}

process.exit(main(process.argv.slice(2)));
