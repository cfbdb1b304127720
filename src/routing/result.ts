/** Expected refusals are values with a stable code; exceptions are kept for bugs and broken infrastructure. */
export interface Refusal<C extends string = string> {
  ok: false;
  code: C;
  reason: string;
}

export type Result<T, C extends string = string> = ({ ok: true } & T) | Refusal<C>;

export function refuse<C extends string>(code: C, reason: string): Refusal<C> {
  return { ok: false, code, reason };
}

/** A configuration problem found at import, naming the member, type or route at fault. */
export interface ConfigIssue {
  code: string;
  message: string;
}
