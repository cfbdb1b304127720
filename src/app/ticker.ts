/** A repeating trigger that never overlaps itself; stopping waits for a run in progress. It holds no state of its own. */
export interface Ticker {
  stop(): Promise<void>;
}

export function every(ms: number, task: () => Promise<void>): Ticker {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= task().finally(() => (running = undefined));
  }, ms);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
