import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { PolicyDesk, type AskResult } from '../app/ask.js';
import { importPolicyText, NUMBERING_WARNING } from '../policy/importer/import.js';
import { buildLibrary, readSharedLexicon } from '../policy/library.js';

const USAGE = `usage:
  npm run --silent ask -- --department ID "question"
  npm run --silent ask -- --batch            (JSONL {id, department, question} on stdin, one JSON answer per line out)
  npm run --silent ask -- --policy FILE [--batch | "question"]   (answer against a plain-text policy, imported with no review)`;

interface Options {
  department?: string;
  policy?: string;
  batch: boolean;
  question?: string;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { batch: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--batch') o.batch = true;
    else if (a === '--department' || a === '--policy') {
      const v = argv[++i];
      if (!v) return `${a} needs a value`;
      if (a === '--department') o.department = v;
      else o.policy = v;
    } else if (a === '--help' || a === '-h') return '';
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else rest.push(a);
  }
  if (rest.length > 0) o.question = rest.join(' ');
  if (!o.batch && o.question === undefined) return 'give a question, or --batch';
  if (!o.batch && !o.department && !o.policy) return 'give --department ID (or --policy FILE)';
  return o;
}

function deskFor(o: Options): PolicyDesk {
  if (!o.policy) return new PolicyDesk();
  const text = readFileSync(o.policy, 'utf8');
  const imported = importPolicyText(text, { source: o.policy, lexicon: readSharedLexicon() });
  // Answers stay on stdout; a document whose numbering was not read gets a warning beside them.
  for (const line of imported.report.filter((l) => l.includes(NUMBERING_WARNING))) process.stderr.write(`warning: ${line}\n`);
  const library = buildLibrary({ department: 'imported', name: imported.document.title, authorities: imported.authorities }, [imported.document], readSharedLexicon());
  return PolicyDesk.forLibrary(library);
}

function render(id: unknown, r: AskResult): string {
  if (!r.ok) return JSON.stringify({ id, verdict: null, error: r.error });
  const { verdict, approver, reportTo, citations, answer, conditions } = r.answer;
  return JSON.stringify({ id, verdict, ...(approver ? { approver } : {}), ...(reportTo ? { reportTo } : {}), citations, conditions, answer });
}

/** One output line per input line; a bad line gets an error line and the batch goes on. */
export function answerLine(desk: PolicyDesk, line: string, lineNo: number): string {
  let item: unknown;
  try {
    item = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, line: lineNo, verdict: null, error: { code: 'invalid_json', message: `line ${lineNo} is not valid JSON` } });
  }
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return JSON.stringify({ id: null, line: lineNo, verdict: null, error: { code: 'invalid_item', message: `line ${lineNo} is not a JSON object` } });
  }
  const { id, department, question } = item as Record<string, unknown>;
  if (id === undefined || id === null || id === '') {
    return JSON.stringify({ id: null, line: lineNo, verdict: null, error: { code: 'missing_id', message: `line ${lineNo} has no id` } });
  }
  return render(id, desk.ask(typeof department === 'string' ? department : undefined, question));
}

async function runBatch(desk: PolicyDesk): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    process.stdout.write(answerLine(desk, line, lineNo) + '\n');
  }
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  if (typeof o === 'string') {
    if (o) process.stderr.write(`error: ${o}\n`);
    process.stderr.write(USAGE + '\n');
    return o ? 2 : 0;
  }
  let desk: PolicyDesk;
  try {
    desk = deskFor(o);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 2;
  }
  if (o.batch) {
    await runBatch(desk);
    return 0;
  }
  const r = desk.ask(o.department, o.question);
  process.stdout.write((r.ok ? JSON.stringify(r.answer, null, 2) : JSON.stringify({ error: r.error }, null, 2)) + '\n');
  return r.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) {
  main().then((code) => process.exit(code), (e: unknown) => {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
