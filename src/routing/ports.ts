/** Time and identity come from outside so the domain stays deterministic under test. */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}

/** A number in [0, 1): jitter comes from outside too. */
export interface Random {
  next(): number;
}
