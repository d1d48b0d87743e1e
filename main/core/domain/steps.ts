/**
 * Work in steps: a long computation written as a generator that yields between steps of bounded
 * size (a slice of a file, a chunk of rows). Run to the end at once here, or by a job that lets other
 * requests through between steps (main/core/jobs/steps.ts). The domain stays pure either way.
 */
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}
