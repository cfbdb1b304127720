/** Time and identity come from outside so the domain stays deterministic under test. */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}
