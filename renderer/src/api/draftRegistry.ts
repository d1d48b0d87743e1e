/**
 * The open forms' pending drafts, so that leaving (a logout, a reload, closing the window) saves
 * what was typed in the last half second before the session or the page is gone. Each useDraft
 * registers its flush while mounted.
 */
type Flush = () => Promise<void>;
const flushes = new Set<Flush>();

export function registerDraftFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Saves every open form's unsaved typing now; never throws (each form shows its own failure). */
export async function flushAllDrafts(): Promise<void> {
  await Promise.all([...flushes].map((f) => f().catch(() => undefined)));
}

// A reload or closing the window: the request is sent at once; the page may not live to see the answer.
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => void flushAllDrafts());
