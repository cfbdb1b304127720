import type { PartitionStore } from '../../src/store/docs.js';

/** The store as it is, counting the queries made through it (a point read is not a query). */
export function countingQueries(inner: PartitionStore): { store: PartitionStore; queries: () => number; reset: () => void } {
  let queries = 0;
  const store = new Proxy(inner, {
    get: (target, prop, receiver) => {
      if (prop === 'query') queries++;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store, queries: () => queries, reset: () => (queries = 0) };
}
