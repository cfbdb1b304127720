/** Starts and stops the two local processes: the bot (tsx src/index.ts) and the Agents Playground. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';

const require = createRequire(import.meta.url);
const TSX_CLI = require.resolve('tsx/cli');
const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

export interface Running {
  url: string;
  /** Resolves when the process has exited, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export type Log = (line: string) => void;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Own process group (detached), so stop() ends the process and whatever it started, and nothing else. */
function launch(name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log: Log) {
  const child = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const onLine = (listener: (line: string) => void) => {
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream?.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (pending + chunk).split(/\r?\n/);
        pending = lines.pop() ?? '';
        lines.forEach(listener);
      });
    }
  };
  onLine((line) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    log(`[${name}] ${line}`);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = () => stopGroup(child, exited);
  return { child, onLine, exited, stop, tail };
}

async function stopGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (!child.pid) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // the group is already gone
    }
  };
  if (child.exitCode !== null || child.signalCode !== null) return signal('SIGKILL'); // leftovers of a crash
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  signal('SIGKILL'); // grandchildren that outlived their parent
}

function failure(what: string, tail: string[], reason: string): Error {
  return new Error(`${what} ${reason}${tail.length ? `; its last output:\n${tail.join('\n')}` : ''}`);
}

/** Whether something on this port answers GET /health: a Policy Desk another `npm start` is running. */
export async function botAnswers(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200 || res.status === 503; // 503: ready soon
  } catch {
    return false;
  }
}

/** Polls until the URL answers 200, the process exits, or the time runs out. */
async function waitForHealth(url: string, exited: Promise<number | null>, timeoutMs: number): Promise<'ok' | 'exited' | 'timeout'> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) return 'exited';
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return 'ok';
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return 'timeout';
}

/** `entry` defaults to src/index.ts, which listens on PORT and answers GET /health once it is ready. */
export async function startBot(options: { root: string; port: number; log: Log; entry?: string; timeoutMs?: number; dataDir?: string }): Promise<Running> {
  const { root, port, log } = options;
  const env = { ...process.env, PORT: String(port), ...(options.dataDir ? { LOCAL_DATA_DIR: options.dataDir } : {}) };
  const bot = launch('bot', [TSX_CLI, options.entry ?? join(root, 'src', 'index.ts')], root, env, log);
  const state = await waitForHealth(`http://127.0.0.1:${port}/health`, bot.exited, options.timeoutMs ?? 60_000);
  if (state !== 'ok') {
    await bot.stop();
    throw failure('the bot (tsx src/index.ts)', bot.tail, state === 'exited' ? 'exited before it answered /health' : `did not answer http://127.0.0.1:${port}/health in time`);
  }
  return { url: `http://127.0.0.1:${port}/api/messages`, exited: bot.exited, stop: bot.stop };
}

export async function startPlayground(options: {
  root: string;
  port: number;
  botEndpoint: string;
  configPath: string;
  log: Log;
  timeoutMs?: number;
}): Promise<Running> {
  const { root, port, botEndpoint, configPath, log } = options;
  const logDir = join(root, 'build', 'playground');
  mkdirSync(logDir, { recursive: true });
  const env = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    M365_AGENTS_PLAYGROUND_LOGFILE: join(logDir, `${basename(configPath, '.yml').replace(/^\./, '')}.log`),
  };
  const args = [PLAYGROUND_CLI, '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'];
  const playground = launch('playground', args, root, env, log);
  // It falls back to a random port when the one asked for is taken, so read the one it reports.
  const listening = new Promise<number>((resolve) =>
    playground.onLine((line) => {
      const match = /Listening on (\d+)/.exec(line);
      if (match) resolve(Number(match[1]));
    }),
  );
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), options.timeoutMs ?? 30_000).unref());
  const outcome = await Promise.race([listening, playground.exited.then(() => 'exited' as const), timeout]);
  if (typeof outcome !== 'number') {
    await playground.stop();
    throw failure('the Agents Playground', playground.tail, outcome === 'exited' ? 'exited at start' : 'did not start in time');
  }
  return { url: `http://localhost:${outcome}`, exited: playground.exited, stop: playground.stop };
}
