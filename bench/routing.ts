import { ReportDesk } from '../src/app/reports.js';
import { randomIds, systemClock } from '../src/app/system.js';
import type { Directory } from '../src/routing/directory.js';
import { resolveRoute } from '../src/routing/resolve-route.js';
import { repositories } from '../src/store/connect.js';
import { openStores } from '../src/store/cosmos.js';
import { LOCAL_KEY, startLocalCosmos, type LocalCosmos } from '../src/store/local-server.js';
import { seedSampleDepartments } from '../src/store/seed.js';

const RUNS = 200;
const PURE_RUNS = 20_000;

interface Sample {
  ms: number;
  requests: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function line(label: string, samples: Sample[]): string {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const req = samples.map((s) => s.requests).sort((a, b) => a - b);
  const requests = req[0] === req.at(-1) ? `${req[0]}` : `${percentile(req, 50)} (${req[0]}–${req.at(-1)})`;
  const f = (x: number) => (x < 0.1 ? x.toFixed(4) : x.toFixed(2));
  return `  ${label.padEnd(44)} p50 ${f(percentile(ms, 50)).padStart(7)} ms  p99 ${f(percentile(ms, 99)).padStart(7)} ms  Cosmos requests ${requests}`;
}

/** Latency and the number of HTTP requests the local server answered, for one operation at a time. */
function meter(local: LocalCosmos) {
  return async <T>(op: () => Promise<T>): Promise<Sample & { value: T }> => {
    const before = local.requests();
    const t0 = performance.now();
    const value = await op();
    return { ms: performance.now() - t0, requests: local.requests() - before, value };
  };
}

function pureResolution(dir: Directory): Sample[] {
  const samples: Sample[] = [];
  for (let i = 0; i < PURE_RUNS; i++) {
    const t0 = performance.now();
    resolveRoute(dir, { type: 'violation', reporter: 'ofc-lane', subject: i % 2 ? 'sgt-a' : null, at: new Date() });
    samples.push({ ms: performance.now() - t0, requests: 0 });
  }
  return samples;
}

async function lifecycle(local: LocalCosmos, repos: ReturnType<typeof repositories>, dir: Directory) {
  const measure = meter(local);
  const desk = new ReportDesk({ ...repos, clock: systemClock, ids: randomIds });
  const aad = (id: string) => dir.byId.get(id)!.aadObjectId;
  const loaded: Sample[] = [];
  const filed: (Sample & { id: string })[] = [];
  const forwarded: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    loaded.push(await measure(async () => resolveRoute((await repos.directory.directory('olivette'))!, { type: 'repair', reporter: 'ofc-lane', at: new Date() })));
    const f = await measure(() => desk.file({ departmentId: 'olivette', reporterAad: aad('ofc-lane'), type: 'repair', fields: { equipment: 'MDT', problem: `bench ${i}` } }));
    if (!f.value.ok) throw new Error(f.value.reason);
    filed.push({ ...f, id: f.value.report.id });
  }
  for (const { id } of filed) {
    const r = await measure(() => desk.act({ departmentId: 'olivette', reportId: id, actor: { aadObjectId: aad('sgt-a') }, action: 'forward', expectedVersion: 1, commandId: `fwd-${id}` }));
    if (!r.value.ok) throw new Error(r.value.reason);
    forwarded.push(r);
  }
  return { loaded, filed, forwarded };
}

/** Route resolution and report transitions against the embedded local Cosmos DB server, with request counts. */
export async function benchRouting(): Promise<string[]> {
  const local = await startLocalCosmos();
  const { stores, client } = await openStores({ endpoint: local.endpoint, key: LOCAL_KEY, database: 'bench', trustSelfSigned: true });
  try {
    const repos = repositories(stores, { clock: systemClock, ids: randomIds });
    await seedSampleDepartments(repos.directory);
    const dir = (await repos.directory.directory('olivette'))!;
    const pure = pureResolution(dir);
    const { loaded, filed, forwarded } = await lifecycle(local, repos, dir);
    return [
      `Routing and report lifecycle, embedded local Cosmos DB server over HTTPS (${RUNS} runs; pure resolution ${PURE_RUNS}):`,
      line('resolve route (pure, directory in memory)', pure),
      line('load directory + resolve route', loaded),
      line('file a report (+ audit event, notice)', filed),
      line('forward a report (+ audit event, notice)', forwarded),
      'No query on these paths, only point reads and writes. A transition: directory 2 (its head and chunk, by id), read 1, replace 1, audit event 1, notices, clear pending 1.',
    ];
  } finally {
    client.dispose();
    await local.close();
  }
}
