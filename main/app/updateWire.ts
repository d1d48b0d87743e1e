/**
 * The shell's end of the updater's messages to and from the core (main/core/updateLink.ts has the
 * wire): the shell asks for the feed location set in 本局设置, reports the updater's state, and runs
 * the checks the settings screen asks for. No Electron here.
 */
import type { UpdateShellStatus } from '#common/schemas/updates.js';

export interface ShellUpdateWire {
  /** A message from the core: true when it was the updater's (taken here). */
  deliver(message: unknown): boolean;
  /** The location stored in 本局设置, or null (none set); without an answer within `timeoutMs`, the last answer. */
  askSource(timeoutMs?: number): Promise<string | null>;
  /** Passes the updater's state on to the core. */
  pushStatus(status: UpdateShellStatus): void;
  /** What answers the core's `updateCheck` (set once the updater runs). */
  setChecker(check: () => Promise<UpdateShellStatus>): void;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/** `post` sends to the running core (false when there is none). */
export function createShellUpdateWire(
  post: (message: unknown) => boolean,
  log: (message: string) => void,
): ShellUpdateWire {
  let nextId = 1;
  const waiting = new Map<number, (source: string | null) => void>();
  let checker: (() => Promise<UpdateShellStatus>) | null = null;
  // A core that is restarting or busy does not answer in time: the last answer stands meanwhile.
  let lastKnown: string | null = null;

  return {
    deliver(message) {
      if (!isObject(message)) return false;
      if ('updateSourceAnswer' in message) {
        const a = message.updateSourceAnswer;
        if (isObject(a) && isId(a.id) && waiting.has(a.id)) {
          lastKnown = typeof a.source === 'string' ? a.source : null;
          waiting.get(a.id)!(lastKnown);
        }
        return true;
      }
      if ('updateCheck' in message) {
        const q = message.updateCheck;
        if (!isObject(q) || !isId(q.id)) return true;
        const id = q.id;
        if (!checker) {
          log('核心要求检查更新，但更新程序尚未启动');
          return true;
        }
        void checker()
          .then((status) => post({ updateChecked: { id, status } }))
          .catch((e: unknown) => log(`检查更新失败：${String(e)}`));
        return true;
      }
      return false;
    },
    askSource(timeoutMs = 30_000) {
      const id = nextId++;
      return new Promise<string | null>((resolve) => {
        const done = (source: string | null): void => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(source);
        };
        const timer = setTimeout(() => done(lastKnown), timeoutMs);
        waiting.set(id, done);
        if (!post({ updateSourceQuery: { id } })) done(lastKnown);
      });
    },
    pushStatus(status) {
      post({ updateStatus: status });
    },
    setChecker(check) {
      checker = check;
    },
  };
}
