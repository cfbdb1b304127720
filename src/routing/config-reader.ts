import type { ConfigIssue } from './result.js';

/** Typed reads out of parsed JSON/YAML that record, rather than throw, what is wrong and where. */
export type Obj = Record<string, unknown>;

export class ConfigReader {
  readonly issues: ConfigIssue[] = [];

  bad(at: string, message: string): undefined {
    this.issues.push({ code: 'invalid_config', message: `${at}: ${message}` });
    return undefined;
  }

  obj(v: unknown, at: string): Obj | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    return this.bad(at, 'must be an object');
  }

  str(o: Obj, key: string, at: string): string | undefined {
    const v = o[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    return this.bad(at, `"${key}" must be a non-empty string`);
  }

  optStr(o: Obj, key: string, at: string): string | undefined {
    return o[key] === undefined || o[key] === null ? undefined : this.str(o, key, at);
  }

  num(o: Obj, key: string, at: string): number | undefined {
    const v = o[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    return this.bad(at, `"${key}" must be a number`);
  }

  strList(o: Obj, key: string, at: string): string[] {
    const v = o[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    this.bad(at, `"${key}" must be a list of strings`);
    return [];
  }

  /** Each element read by `each`; elements that fail are dropped after their issue is recorded. */
  list<T>(o: Obj, key: string, at: string, each: (v: unknown, at: string) => T | undefined): T[] | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.bad(at, `"${key}" must be a list`);
    return v.map((x, i) => each(x, `${at}.${key}[${i}]`)).filter((x): x is T => x !== undefined);
  }

  oneOf<T extends string>(o: Obj, key: string, at: string, allowed: readonly T[]): T | undefined {
    const v = o[key];
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    return this.bad(at, `"${key}" must be one of ${allowed.join(', ')}`);
  }
}
