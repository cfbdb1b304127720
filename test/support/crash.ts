import type { JSONValue } from '@azure/cosmos';
import type { Doc, PartitionStore, Stored, WriteResult } from '../../src/store/docs.js';

export class InjectedCrash extends Error {
  constructor() {
    super('injected crash');
  }
}

/** The process "dies" after `allowed` writes: every later write throws without reaching the database. */
export class CrashAfterWrites implements PartitionStore {
  private writes = 0;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly inner: PartitionStore,
    private readonly allowed: number,
  ) {}

  /** Lets writes that got through before the crash land, so the test inspects a settled database. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private write<T>(op: () => Promise<T>): Promise<T> {
    if (this.writes >= this.allowed) return Promise.reject(new InjectedCrash());
    this.writes++;
    const p = op();
    this.inFlight.add(p);
    return p;
  }

  read<T extends Doc>(departmentId: string, id: string): Promise<Stored<T> | undefined> {
    return this.inner.read<T>(departmentId, id);
  }
  query<T extends Doc>(departmentId: string, where: string, parameters?: Record<string, JSONValue>): Promise<Stored<T>[]> {
    return this.inner.query<T>(departmentId, where, parameters);
  }
  create(doc: Doc): Promise<WriteResult<'exists'>> {
    return this.write(() => this.inner.create(doc));
  }
  replace(doc: Doc, etag: string): Promise<WriteResult<'changed'>> {
    return this.write(() => this.inner.replace(doc, etag));
  }
  upsert(doc: Doc): Promise<string> {
    return this.write(() => this.inner.upsert(doc));
  }
  remove(departmentId: string, id: string): Promise<void> {
    return this.write(() => this.inner.remove(departmentId, id));
  }
}
