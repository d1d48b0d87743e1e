/**
 * The order in which this process lets pushes run: one at a time per key (a bureau), several keys at once
 * up to `slots`. A push waits here, holding no pool connection: one waiting on PostgreSQL's advisory lock
 * would hold a connection doing nothing, and a burst of pushes would leave none for pulls and logins
 * (they timed out with 500 in bench sync-500-devices). The cap keeps connections free for them too.
 */
export type Turns = <T>(key: string, run: () => Promise<T>) => Promise<T>;

export function createTurns(slots: number): Turns {
  const tails = new Map<string, Promise<unknown>>();
  let running = 0;
  const waiting: Array<() => void> = [];

  const acquire = (): Promise<void> | undefined => {
    if (running < slots) {
      running++;
      return undefined;
    }
    return new Promise<void>((resolve) => waiting.push(resolve));
  };
  // A freed slot passes straight to the next waiter, so a newcomer cannot slip in between and exceed the cap.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  const inSlot = async <T>(run: () => Promise<T>): Promise<T> => {
    await acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };

  return <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const before = tails.get(key) ?? Promise.resolve();
    const result = before.then(
      () => inSlot(run),
      () => inSlot(run),
    );
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    // Forget a key once its last push is done, so the map holds only bureaus with pushes in flight.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
