import type { Clock, IdGenerator } from '../../src/routing/ports.js';

export class FakeClock implements Clock {
  private t: number;
  constructor(start = '2025-06-02T09:00:00Z') {
    this.t = Date.parse(start);
  }
  now(): Date {
    return new Date(this.t);
  }
  advanceHours(hours: number): void {
    this.t += hours * 3600 * 1000;
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
}

export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return { next: () => `${prefix}-${++n}` };
}
