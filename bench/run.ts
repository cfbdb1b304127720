/**
 * Benchmarks that print figures: `npm run bench` (add `--quick` for a short run).
 * Policy engine figures first, then routing figures when bench/routing.ts exists.
 * `npm run bench -- --scale` (or `--scale-small`) runs only the scale benchmark, bench/scale.ts, in a process of its own.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchPolicy, formatPolicyFigures } from './policy.js';

/** p99 per question the 1,000-section library should stay under. */
const TARGET_P99_MS = 5;

const quick = process.argv.includes('--quick');

async function routingLines(): Promise<string[] | undefined> {
  if (!existsSync(fileURLToPath(new URL('./routing.ts', import.meta.url)))) return undefined;
  // A variable specifier: bench/routing.ts is optional and may not exist when this file is type-checked.
  const specifier = './routing.js';
  const mod = (await import(specifier)) as { benchRouting?: () => Promise<string[]> };
  return mod.benchRouting ? await mod.benchRouting() : undefined;
}

/**
 * The scale benchmark holds 200 departments' documents (about 8 million) in the embedded server's memory, in this
 * process: it runs in a child with a heap big enough for them (and --expose-gc), and everything it held goes with it.
 */
function runScale(flag: '--scale' | '--scale-small'): Promise<number> {
  const heapMb = flag === '--scale' ? 16_384 : 6_144;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const script = fileURLToPath(new URL('./scale.ts', import.meta.url));
  const extra = process.argv.slice(2).filter((a) => a !== flag);
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--expose-gc', '--import', 'tsx', script, flag, ...extra], { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<void> {
  const t0 = process.hrtime.bigint();
  console.log(`Policy engine, in-process, workload test/eval/questions.jsonl cycled (${process.version}, ${process.platform}/${process.arch})`);
  const rows = benchPolicy({ sizes: [1000, 5000], questions: quick ? 500 : 5000, budgetMs: quick ? 1500 : 8000, warmup: quick ? 100 : 400 });
  for (const line of formatPolicyFigures(rows)) console.log(line);
  console.log('import ms: plain text → drafted document; library ms: load/validate + lexicon; engine ms: provision index.');
  const thousand = rows.find((r) => r.name === 'generated 1000');
  if (thousand) {
    const verdict = thousand.p99 < TARGET_P99_MS ? 'met' : 'NOT met';
    console.log(`target p99 < ${TARGET_P99_MS} ms on 1,000 sections: ${verdict} (${thousand.p99.toFixed(3)} ms)`);
  }
  const routing = await routingLines();
  if (routing) {
    console.log('');
    for (const line of routing) console.log(line);
  }
  console.log('\nScale (1 department vs 200, 500,000 reports, in the embedded server): npm run bench -- --scale   (about 20 min, 13 GB of memory)');
  console.log('                                       20 departments, 50,000 reports: npm run bench -- --scale-small   (about 5 min)');
  console.log(`\n(bench took ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s)`);
}

const scaleFlag = (['--scale', '--scale-small'] as const).find((f) => process.argv.includes(f));
if (scaleFlag) process.exitCode = await runScale(scaleFlag);
else await main();
