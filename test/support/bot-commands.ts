/** Finds the command list the bot exports (a module under src/teams/ whose file name mentions "command"). */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BotCommand {
  title: string;
  description?: string;
}

export type BotCommands = { found: true; module: string; exportName: string; commands: BotCommand[] } | { found: false; reason: string };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /command/i.test(entry.name) && /\.ts$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** A command is a string, or an object naming it by title (or command/name/text), maybe with a description. */
function asCommand(item: unknown): BotCommand | undefined {
  if (typeof item === 'string') return { title: item };
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  const title = [record.title, record.command, record.name, record.text].find((v) => typeof v === 'string');
  if (typeof title !== 'string') return undefined;
  return typeof record.description === 'string' ? { title, description: record.description } : { title };
}

function asCommandList(value: unknown): BotCommand[] | undefined {
  const items = Array.isArray(value) ? value : undefined;
  if (!items || items.length === 0) return undefined;
  const commands = items.map(asCommand);
  return commands.every((c) => c !== undefined) ? (commands as BotCommand[]) : undefined;
}

export async function loadBotCommands(root: string): Promise<BotCommands> {
  const teams = join(root, 'src', 'teams');
  if (!existsSync(teams)) return { found: false, reason: 'src/teams/ does not exist yet' };
  const files = sourceFiles(teams);
  for (const file of files) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(module)) {
      const commands = asCommandList(value);
      if (commands) return { found: true, module: relative(root, file), exportName, commands };
    }
  }
  const looked = files.length ? files.map((f) => relative(root, f)).join(', ') : 'no file under src/teams/ mentions "command"';
  return { found: false, reason: `no exported command list found (${looked})` };
}
