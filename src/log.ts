import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogFormat, LogLevel } from './config.js';

/** Ids and codes only: never report contents, questions or names (they are personal data). */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** The id that ties together every line logged for one request or turn. */
const correlation = new AsyncLocalStorage<string>();

/** Runs `fn` with a correlation id that every log line inside it carries. */
export function withCorrelation<T>(id: string, fn: () => T): T {
  return correlation.run(id, fn);
}

export function currentCorrelation(): string | undefined {
  return correlation.getStore();
}

export interface LogRecord {
  time: string;
  level: LogLevel;
  message: string;
  correlationId?: string;
  fields: LogFields;
}

/** Somewhere log records also go, e.g. Application Insights. */
export type LogSink = (record: LogRecord) => void;

function clean(fields?: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields ?? {}).filter(([, v]) => v !== undefined));
}

function text(r: LogRecord): string {
  const extra = Object.entries(r.fields).map(([k, v]) => `${k}=${v}`);
  if (r.correlationId) extra.push(`cid=${r.correlationId}`);
  const line = extra.length > 0 ? `${r.message} ${extra.join(' ')}` : r.message;
  return r.level === 'warn' || r.level === 'error' ? `${r.level}: ${line}` : line;
}

function json(r: LogRecord): string {
  return JSON.stringify({ time: r.time, level: r.level, msg: r.message, ...(r.correlationId ? { correlationId: r.correlationId } : {}), ...r.fields });
}

export interface ConsoleLoggerOptions {
  format?: LogFormat;
  sinks?: LogSink[];
  now?: () => Date;
}

/**
 * Info to stdout, warnings and errors to stderr: plain lines locally (the launcher reads "Policy Desk
 * listening on …"), one JSON object per line in production, each with the request's correlation id.
 */
export function consoleLogger(level: LogLevel = 'info', options: ConsoleLoggerOptions = {}): Logger {
  const format = options.format === 'json' ? json : text;
  const now = options.now ?? (() => new Date());
  const emit = (l: LogLevel, message: string, fields?: LogFields) => {
    if (RANK[l] < RANK[level]) return;
    const cid = correlation.getStore();
    const record: LogRecord = { time: now().toISOString(), level: l, message, fields: clean(fields), ...(cid ? { correlationId: cid } : {}) };
    (l === 'warn' || l === 'error' ? process.stderr : process.stdout).write(`${format(record)}\n`);
    for (const sink of options.sinks ?? []) sink(record);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The error's kind and code, never its message (a Cosmos or HTTP message may echo request contents). */
export function errorFields(e: unknown): LogFields {
  const err = e as { name?: unknown; code?: unknown; statusCode?: unknown };
  return { error: typeof err?.name === 'string' ? err.name : typeof e, code: typeof err?.code === 'string' || typeof err?.code === 'number' ? err.code : undefined };
}
