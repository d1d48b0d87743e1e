/**
 * Runs async jobs one at a time, in the order they were queued. Both engines need it: one browser
 * page renders one document at a time, and LibreOffice refuses a second instance on one profile.
 * A failed job does not stop the jobs behind it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(() => job());
    this.tail = next.catch(() => undefined);
    return next;
  }
}
