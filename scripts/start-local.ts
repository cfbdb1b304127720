/**
 * npm start: the bot on its embedded local Cosmos DB, and the Microsoft 365 Agents Playground chatting with it.
 *   npm start                          chat as Avery Lane, patrol officer (olivette/ofc-lane)
 *   npm start -- --as sgt-a            chat as another sample member (see sample-data/roster.json)
 *   npm start -- --department long-beach --as chief
 *   npm start -- --port 3978 --playground-port 56150
 *   npm start -- --fresh               start from the sample data again, forgetting what was filed
 * The bot keeps its local data under .data/ (per port) across restarts. When a bot already answers on the port (another npm start), only a Playground is started, on the same bot and
 * data: one terminal per person. Ctrl-C stops what this run started.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { botAnswers, isPortFree, startBot, startPlayground, type Running } from './lib/local-stack.js';
import { DEFAULT_DEPARTMENT, DEFAULT_MEMBER, findMember, playgroundConfigYaml, readRoster } from './lib/playground-config.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(2);
}

function port(value: string, flag: string): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : fail(`${flag} must be a port number, got "${value}"`);
}

let args;
try {
  args = parseArgs({
    options: {
      as: { type: 'string', default: DEFAULT_MEMBER },
      department: { type: 'string', default: DEFAULT_DEPARTMENT },
      port: { type: 'string', default: '3978' },
      'playground-port': { type: 'string', default: '56150' },
      fresh: { type: 'boolean', default: false },
    },
  }).values;
} catch (e) {
  fail(`${(e as Error).message}\nusage: npm start [-- --as MEMBER] [--department ID] [--port N] [--playground-port N] [--fresh]`);
}

const found = findMember(readRoster(root), args.department, args.as);
if (!found.ok) fail(found.message);
const botPort = port(args.port, '--port');
const playgroundPort = port(args['playground-port'], '--playground-port');
const joining = !(await isPortFree(botPort));
if (joining && !(await botAnswers(botPort))) fail(`port ${botPort} is in use by something that is not Policy Desk; pick another with --port N`);

/** The default member uses the committed file at the repo root; anyone else gets a variant under build/. */
const isDefault = found.department.id === DEFAULT_DEPARTMENT && found.member.id === DEFAULT_MEMBER;
const configPath = isDefault
  ? join(root, '.m365agentsplayground.yml')
  : join(root, 'build', 'playground', `${found.department.id}.${found.member.id}.yml`);
mkdirSync(join(configPath, '..'), { recursive: true });
writeFileSync(configPath, playgroundConfigYaml(found.department, found.member));

const running: Running[] = [];
let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log(`\nstopping ${running.length > 1 ? 'the playground and the bot' : 'the playground'}…`);
    await Promise.all(running.map((r) => r.stop()));
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const log = (line: string) => console.log(line);
  let botUrl = `http://127.0.0.1:${botPort}/api/messages`;
  if (joining) console.log(`Policy Desk is already running on port ${botPort}: starting only a Playground for it`);
  else {
    console.log(`starting the bot on port ${botPort}…`);
    const dataDir = join(root, '.data', botPort === 3978 ? 'local-cosmos' : `local-cosmos-${botPort}`);
    if (args.fresh) {
      rmSync(dataDir, { recursive: true, force: true });
      console.log('starting fresh from the sample data (--fresh)');
    }
    const bot = await startBot({ root, port: botPort, log, dataDir });
    running.push(bot);
    botUrl = bot.url;
  }
  // Another Playground may hold the default port; the Playground then picks a free one and reports it.
  const playground = await startPlayground({ root, port: playgroundPort, botEndpoint: botUrl, configPath, log });
  running.push(playground);
  for (const r of running) {
    void r.exited.then((code) => {
      if (stopping) return;
      console.error(`the ${r === playground ? 'playground' : 'bot'} stopped unexpectedly (exit code ${code})`);
      void shutdown(1);
    });
  }
  const { member, department } = found;
  console.log(
    [
      '',
      `  Policy Desk is running:  ${botUrl}`,
      `  Open the Agents Playground:  ${playground.url}`,
      `  You are ${member.name}, ${member.title} (${department.name}); config ${configPath.slice(root.length)}`,
      '  Chat as someone else at the same time: in another terminal, npm start -- --as sgt-a   (or --as chief)',
      joining ? '  Ctrl-C stops this Playground; the bot keeps running.' : '  Ctrl-C stops the Playground and the bot (its data is in memory and goes with it).',
      '',
    ].join('\n'),
  );
} catch (e) {
  console.error((e as Error).message);
  await shutdown(1);
}
