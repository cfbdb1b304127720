/** Policy engine figures: per-question latency and throughput, and one-off build costs, per library size. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PolicyEngine } from '../src/policy/engine.js';
import { importPolicyText } from '../src/policy/importer/import.js';
import { buildLibrary, flattenSections, loadLibrary, readSharedLexicon } from '../src/policy/library.js';
import type { Library } from '../src/policy/types.js';
import { syntheticPolicyText } from './synthetic-policy.js';

export interface PolicyBenchOptions {
  /** Sizes of the generated libraries, in sections. */
  sizes: number[];
  /** Measured questions per library (after warm-up), at most. */
  questions: number;
  /** Stop measuring a library after this long, once at least 100 questions are in. */
  budgetMs: number;
  warmup: number;
}

export interface LibraryFigures {
  name: string;
  sections: number;
  provisions: number;
  importMs?: number;
  libraryMs: number;
  engineMs: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
  perSecond: number;
  measured: number;
}

const workload = readFileSync(fileURLToPath(new URL('../test/eval/questions.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);

function elapsedMs(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e6;
}

/** Median time of `runs` calls, and the last result. */
function timed<T>(runs: number, fn: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    value = fn();
    times.push(elapsedMs(t0));
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, value };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function measure(engine: PolicyEngine, options: PolicyBenchOptions): Pick<LibraryFigures, 'p50' | 'p99' | 'mean' | 'max' | 'perSecond' | 'measured'> {
  const warmup = process.hrtime.bigint();
  for (let i = 0; i < options.warmup && (i < 20 || elapsedMs(warmup) < options.budgetMs / 5); i++) engine.ask(workload[i % workload.length]!);
  const times: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < options.questions && (i < 100 || elapsedMs(start) < options.budgetMs); i++) {
    const t0 = process.hrtime.bigint();
    engine.ask(workload[i % workload.length]!);
    times.push(elapsedMs(t0));
  }
  const total = elapsedMs(start);
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    max: times[times.length - 1]!,
    perSecond: (times.length / total) * 1000,
    measured: times.length,
  };
}

function counts(library: Library): { sections: number; provisions: number } {
  const sections = library.documents.flatMap((d) => flattenSections(d.sections));
  return { sections: sections.length, provisions: sections.reduce((a, s) => a + (s.provisions?.length ?? 0), 0) };
}

function department(name: string, options: PolicyBenchOptions): LibraryFigures {
  const lib = timed(3, () => loadLibrary(name));
  const engine = timed(3, () => new PolicyEngine(lib.value));
  return { name, ...counts(lib.value), libraryMs: lib.ms, engineMs: engine.ms, ...measure(engine.value, options) };
}

function generated(size: number, options: PolicyBenchOptions): LibraryFigures {
  const lexicon = readSharedLexicon();
  const text = syntheticPolicyText(size);
  const imported = timed(size > 2000 ? 1 : 3, () => importPolicyText(text, { lexicon }));
  const { document, authorities } = imported.value;
  const lib = timed(3, () => buildLibrary({ department: `generated-${size}`, name: `Generated ${size}`, authorities }, [document], lexicon));
  const engine = timed(3, () => new PolicyEngine(lib.value));
  return {
    name: `generated ${size}`,
    ...counts(lib.value),
    importMs: imported.ms,
    libraryMs: lib.ms,
    engineMs: engine.ms,
    ...measure(engine.value, options),
  };
}

export function benchPolicy(options: PolicyBenchOptions): LibraryFigures[] {
  return [department('olivette', options), department('long-beach', options), ...options.sizes.map((s) => generated(s, options))];
}

const ms = (x: number | undefined) => (x === undefined ? '–' : x < 10 ? x.toFixed(3) : x.toFixed(1));

/** A plain-text table of the figures. */
export function formatPolicyFigures(rows: LibraryFigures[]): string[] {
  const head = ['library', 'sections', 'provisions', 'import ms', 'library ms', 'engine ms', 'p50 ms', 'p99 ms', 'mean ms', 'max ms', 'q/s', 'n'];
  const body = rows.map((r) => [
    r.name,
    String(r.sections),
    String(r.provisions),
    ms(r.importMs),
    ms(r.libraryMs),
    ms(r.engineMs),
    ms(r.p50),
    ms(r.p99),
    ms(r.mean),
    ms(r.max),
    Math.round(r.perSecond).toLocaleString('en-US'),
    String(r.measured),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}
