/**
 * A core that can close its database and open it again while the process keeps running (
 * `backup.restore` replaces the database file, which needs every handle on it closed). The hosts
 * keep one `Core`; behind it this wrapper swaps the open core:
 *   - the restore, from inside its own request, asks `reopen({ beforeClose, replace })`;
 *   - requests that arrive from then on wait, then go to the reopened core;
 *   - requests already running finish first (at most `drainMs`; then the restore is refused, nothing changed);
 *   - `beforeClose` runs on a quiet database (the safety backup: no write can slip in after it);
 *   - the old core is closed, `replace` puts the backup in place, a new core is opened on it.
 * If the new core cannot open, every request answers with that error value (nothing is guessed).
 */
import type { Envelope, Reply } from '#common/client.js';
import { AppError } from '#common/errors.js';
import type { Core } from './coreInterface.js';
import type { Reopen } from './reopen.js';
import { toErrorValue } from './errorValue.js';

const drainMs = 5 * 60_000;

export async function restartableCore(open: (reopen: Reopen) => Promise<Core>): Promise<Core> {
  let current: Core;
  let inflight = 0;
  let swapping: Promise<void> | null = null;

  const reopen: Reopen = async ({ beforeClose, replace }) => {
    // New requests wait from now on; those already running (the caller is one of them) finish first.
    let done!: () => void;
    swapping = new Promise<void>((r) => {
      done = r;
    });
    try {
      const started = Date.now();
      while (inflight > 1) {
        if (Date.now() - started > drainMs)
          throw new AppError('BUSY', '其他操作仍在进行，未能恢复，请稍后重试（数据未作改动）');
        await new Promise((r) => setTimeout(r, 25));
      }
      if (beforeClose) await beforeClose();
      await current.close();
      let failure: unknown = null;
      try {
        await replace();
      } catch (e) {
        failure = e;
      }
      try {
        current = await open(reopen);
      } catch (e) {
        const error = toErrorValue(e);
        const dead: Core = {
          dispatch: async () => ({ ok: false, error }),
          file: async () => ({ ok: false, error }),
          upload: async () => ({ ok: false, error }),
          get services(): never {
            throw e;
          },
          close: async () => undefined,
        };
        current = dead;
        throw e;
      }
      if (failure) throw failure;
    } finally {
      swapping = null;
      done();
    }
  };

  current = await open(reopen);
  return {
    async dispatch(envelope: Envelope): Promise<Reply<unknown>> {
      while (swapping) await swapping;
      inflight++;
      try {
        return await current.dispatch(envelope);
      } finally {
        inflight--;
      }
    },
    async file(request, token) {
      while (swapping) await swapping;
      inflight++;
      try {
        return await current.file(request, token);
      } finally {
        inflight--;
      }
    },
    // An upload counts as in flight until its last byte is stored: a restore waits for it.
    async upload(meta, source, token, opts) {
      while (swapping) await swapping;
      inflight++;
      try {
        return await current.upload(meta, source, token, opts);
      } finally {
        inflight--;
      }
    },
    get services() {
      return current.services;
    },
    async close() {
      while (swapping) await swapping;
      await current.close();
    },
  };
}
