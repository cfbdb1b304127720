import type { LogLevel } from './config.js';

/** Ids and codes only: never report contents, questions or names (they are personal data). */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

function line(message: string, fields?: LogFields): string {
  const extra = fields ? Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`) : [];
  return extra.length > 0 ? `${message} ${extra.join(' ')}` : message;
}

/** Info to stdout as plain lines (the launcher reads "Policy Desk listening on …"); warnings and errors to stderr. */
export function consoleLogger(level: LogLevel = 'info'): Logger {
  const on = (l: LogLevel) => RANK[l] >= RANK[level];
  return {
    debug: (m, f) => on('debug') && process.stdout.write(`${line(m, f)}\n`),
    info: (m, f) => on('info') && process.stdout.write(`${line(m, f)}\n`),
    warn: (m, f) => on('warn') && process.stderr.write(`warn: ${line(m, f)}\n`),
    error: (m, f) => on('error') && process.stderr.write(`error: ${line(m, f)}\n`),
  } as Logger;
}

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The error's kind and code, never its message (a Cosmos or HTTP message may echo request contents). */
export function errorFields(e: unknown): LogFields {
  const err = e as { name?: unknown; code?: unknown; statusCode?: unknown };
  return { error: typeof err?.name === 'string' ? err.name : typeof e, code: typeof err?.code === 'string' || typeof err?.code === 'number' ? err.code : undefined };
}
