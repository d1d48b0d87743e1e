/** Runs a domain computation written in steps (domain/steps.ts) inside a job, letting other requests through between steps. */
import type { Steps } from '../domain/steps.js';
import type { JobControl } from './jobRunner.js';

export async function runStepsIn<T>(ctl: Pick<JobControl, 'breathe'>, steps: Steps<T>): Promise<T> {
  let r = steps.next();
  while (!r.done) {
    await ctl.breathe();
    r = steps.next();
  }
  return r.value;
}
