/**
 * Benchmarks that print figures: `npm run bench` (add `--quick` for a short run).
 * Policy engine figures first, then routing figures when bench/routing.ts exists.
 */
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
  console.log(`\n(bench took ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s)`);
}

await main();
