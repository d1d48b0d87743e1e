/**
 * The core's end of the desktop app's updater. The updater runs in the Electron shell
 * (main/app/updater.ts); the feed location is a bureau setting kept by the core (本局设置, operation
 * `updates.setSource`), and the settings screen reaches the updater through the core. Messages ride
 * the utilityProcess port the operations use (main/host/utility.ts ↔ main/app/coreProcess.ts), under
 * keys of their own so neither side can take them for an operation:
 *   shell → core  { updateSourceQuery: { id } }        core → shell  { updateSourceAnswer: { id, source } }
 *   shell → core  { updateStatus: status }              (whenever the updater's state changes)
 *   core → shell  { updateCheck: { id } }               shell → core  { updateChecked: { id, status } }
 * No Electron here; the shell's side is main/app/updateWire.ts.
 */
import { AppError } from '#common/errors.js';
import { updateShellStatus, type UpdateShellStatus } from '#common/schemas/updates.js';

export interface UpdateLink {
  /** What the shell last reported, or null before its first report. */
  status(): UpdateShellStatus | null;
  /** Asks the shell to check the feed now; resolves with its state once the check has finished. */
  check(timeoutMs?: number): Promise<UpdateShellStatus>;
}

export interface UpdatePort {
  link: UpdateLink;
  /** Every message from the shell: true when it was one of the updater's (taken here). */
  deliver(message: unknown): boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/** A check reads the feed (a LAN share, a USB stick): 2 minutes before the settings screen is told it failed. */
export const checkTimeoutMs = 120_000;

/**
 * `post` sends to the shell; `readSource` answers the shell's question (the stored location, or null
 * for the installer's built-in feed) — asynchronous, since the core may still be starting.
 */
export function createUpdatePort(
  post: (message: unknown) => void,
  readSource: () => Promise<string | null>,
): UpdatePort {
  let last: UpdateShellStatus | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve(s: UpdateShellStatus): void; reject(e: Error): void; timer: NodeJS.Timeout }
  >();

  function answerQuery(id: number): void {
    void readSource()
      .then(
        (source) => source,
        () => null,
      )
      .then((source) => post({ updateSourceAnswer: { id, source } }))
      .catch(() => undefined); // the shell is gone: nobody to answer
  }

  function deliver(message: unknown): boolean {
    if (!isObject(message)) return false;
    if ('updateSourceQuery' in message) {
      const q = message.updateSourceQuery;
      if (isObject(q) && isId(q.id)) answerQuery(q.id);
      return true;
    }
    if ('updateStatus' in message) {
      const parsed = updateShellStatus.safeParse(message.updateStatus);
      if (parsed.success) last = parsed.data;
      return true;
    }
    if ('updateChecked' in message) {
      const a = message.updateChecked;
      if (!isObject(a) || !isId(a.id)) return true;
      const p = pending.get(a.id);
      if (!p) return true;
      pending.delete(a.id);
      clearTimeout(p.timer);
      const parsed = updateShellStatus.safeParse(a.status);
      if (parsed.success) {
        last = parsed.data;
        p.resolve(parsed.data);
      } else {
        p.reject(new AppError('INTERNAL', '桌面程序返回了无法识别的更新状态'));
      }
      return true;
    }
    return false;
  }

  const link: UpdateLink = {
    status: () => last,
    check(timeoutMs = checkTimeoutMs) {
      const id = nextId++;
      return new Promise<UpdateShellStatus>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(
            new AppError(
              'UPDATE_UNAVAILABLE',
              `检查更新超时（${Math.round(timeoutMs / 1000)}秒），请确认更新文件夹或网址可以访问`,
            ),
          );
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        try {
          post({ updateCheck: { id } });
        } catch {
          clearTimeout(timer);
          pending.delete(id);
          reject(new AppError('UPDATE_UNAVAILABLE', '无法联系桌面程序检查更新'));
        }
      });
    },
  };
  return { link, deliver };
}
