/**
 * A form's draft in the core (drafts.* operations): restored when the form opens, saved 500 ms after
 * the typing stops and at once on `flush()` (closing the dialog, leaving a field, a logout), and
 * thrown away only by `discard()` (丢弃草稿, confirmed). Submitting deletes it in the core, in the
 * transaction of what it became; the form need not do anything.
 *
 * `restore` receives the saved values to merge into the form's state. Nothing is saved until the
 * saved draft has been looked up, so opening a form never overwrites a draft with its empty fields,
 * and nothing is saved while the values are those the form opened with.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { send } from '../api/send';
import { messageOf } from '../api/errors';
import { useOp } from './useOp';
import { registerDraftFlush } from '../api/draftRegistry';

export const draftDelayMs = 500;

export interface DraftState<T = unknown> {
  /** When the draft restored on opening was saved (ISO), or null: the notice shows it. */
  restoredAt: string | null;
  /** When the core last saved this form's draft (ISO), or null. */
  savedAt: string | null;
  /** Why the last save failed (e.g. too large), or null; what was typed stays in the form. */
  error: string | null;
  /** True once the saved draft was looked up (and restored). */
  ready: boolean;
  /** Saves unsaved typing now. */
  flush(): Promise<void>;
  /** True when the core holds a draft of this form (restored or saved since opening). */
  hasDraft(): boolean;
  /** Deletes the draft and puts the form back to `initial` (through `restore`). */
  discard(initial: T): Promise<void>;
}

interface Options {
  /** False: no draft for this form (e.g. nothing to type). */
  enabled?: boolean;
}

export function useDraft<T>(
  form: string,
  caseId: string | null,
  values: T,
  restore: (saved: T) => void,
  { enabled = true }: Options = {},
): DraftState<T> {
  const found = useOp('drafts.get', enabled ? { caseId, form } : null);
  const [ready, setReady] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const json = JSON.stringify(values);
  const latest = useRef({ json, ready: false, caseId, form });
  /** The values the form opened with: anything else on the screen was typed. */
  const opened = useRef(json);
  latest.current = { ...latest.current, json, caseId, form };
  /** The values last saved (or opened with): no save while the form still shows them. */
  const saved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  const exists = useRef(false);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;

  // Restore once the lookup answers; until then the form's own first values are not saved over it.
  useEffect(() => {
    if (!enabled || latest.current.ready || found.loading) return;
    // Not known whether a draft exists: saving now could overwrite it, so the form says so and waits.
    if (found.error) {
      setError(`无法读取草稿（${found.error}），本次填写暂不自动保存`);
      return;
    }
    // Typing that came before the lookup answered (a slow core) is newer than the draft: it stays, and
    // the next save replaces the draft with it. A late answer never overwrites what is on the screen.
    const typedMeanwhile = latest.current.json !== opened.current;
    if (found.data && !typedMeanwhile) {
      restoreRef.current(found.data.values as T);
      saved.current = JSON.stringify(found.data.values);
      exists.current = true;
      setRestoredAt(found.data.savedAt);
      setSavedAt(found.data.savedAt);
    } else if (found.data) {
      saved.current = JSON.stringify(found.data.values);
      exists.current = true;
    } else {
      saved.current = latest.current.json;
    }
    latest.current.ready = true;
    setReady(true);
  }, [enabled, found.loading, found.data, found.error]);

  const save = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { json: now, ready: isReady, caseId: c, form: f } = latest.current;
    if (!isReady || now === saved.current) return;
    const before = saved.current;
    saved.current = now;
    try {
      const r = await send('drafts.save', { caseId: c, form: f, values: JSON.parse(now) as unknown });
      exists.current = true;
      if (mounted.current) {
        setSavedAt(r.savedAt);
        setError(null);
      }
    } catch (e) {
      if (saved.current === now) saved.current = before; // tried again at the next change or flush
      if (mounted.current) setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    if (!ready || json === saved.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), draftDelayMs);
  }, [json, ready, save]);

  // Closing the form (unmount), a logout or a reload saves what is still pending.
  useEffect(() => {
    mounted.current = true;
    const unregister = registerDraftFlush(save);
    return () => {
      mounted.current = false;
      unregister();
      void save();
    };
  }, [save]);

  const discard = useCallback(async (initial: T): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { caseId: c, form: f } = latest.current;
    await send('drafts.discard', { caseId: c, form: f });
    exists.current = false;
    // The form goes back to its first values, which are not a draft.
    saved.current = JSON.stringify(initial);
    restoreRef.current(initial);
    if (!mounted.current) return;
    setRestoredAt(null);
    setSavedAt(null);
    setError(null);
  }, []);

  const hasDraft = useCallback(() => exists.current, []);
  return { restoredAt, savedAt, error, ready, flush: save, hasDraft, discard };
}

/** 14:05 of an ISO instant, in the clerk's own time zone. */
export function savedTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
