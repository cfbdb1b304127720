import { pathToFileURL } from 'node:url';
import { randomIds, systemClock } from '../app/system.js';
import { loadBotConfig, loadConfig, type BotConfig, type Config } from '../config.js';
import { connect } from '../store/connect.js';
import { readDepartmentFiles } from '../store/department-files.js';
import { parseAdminArgs, USAGE } from './admin-args.js';
import { exportDepartment, importDepartments, printRoute, showReport, type Context, type Io } from './admin-commands.js';
import { listOutbox, sweep } from './admin-sweep.js';

function isBotConfig(c: Config | BotConfig): c is BotConfig {
  return 'bot' in c;
}

const consoleIo: Io = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') };

/** Exit codes: 0 done, 1 refused (bad data, unknown id), 2 bad command line or configuration. */
export async function runAdmin(argv: string[], io: Io = consoleIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const parsed = parseAdminArgs(argv);
  if (typeof parsed === 'string') {
    io.err(`admin: ${parsed}\n${USAGE}`);
    return 2;
  }
  // The sweep sends notifications, so it signs in as the bot (MicrosoftApp* settings) like the server does.
  const cfg = parsed.command === 'sweep' ? loadBotConfig(env) : loadConfig(env);
  if (!cfg.ok) {
    for (const p of cfg.problems) io.err(`configuration: ${p}`);
    return 2;
  }
  const files = parsed.command === 'import' ? readDepartmentFiles(parsed.args.words) : undefined;
  if (files && files.issues.length > 0) {
    for (const issue of files.issues) io.err(`error: ${issue.message}`);
    return 1;
  }
  const backend = await connect(cfg.config.cosmos, { clock: systemClock, ids: randomIds });
  const ctx: Context = { backend, clock: systemClock, ids: randomIds, io };
  try {
    if (files) {
      if (backend.local) io.err('note: COSMOS_ENDPOINT is not set: checked against an in-memory server that is discarded on exit.');
      return await importDepartments(ctx, files.inputs);
    }
    if (parsed.command === 'export') return await exportDepartment(ctx, parsed.args);
    if (parsed.command === 'route') return await printRoute(ctx, parsed.args);
    if (parsed.command === 'sweep' && isBotConfig(cfg.config)) return await sweep(ctx, parsed.args, cfg.config.bot);
    if (parsed.command === 'outbox') return await listOutbox(ctx, parsed.args);
    return await showReport(ctx, parsed.args);
  } finally {
    await backend.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runAdmin(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`admin: ${(e as Error).message ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
