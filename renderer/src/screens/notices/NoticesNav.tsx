/** The caller's unread 通知公告 for the navigation's badge (asked again on every change of screen). */
import { useEffect } from 'react';
import { useRoute } from '#renderer/app/route';
import { useOp } from '#renderer/hooks/useOp';

const readEvent = 'anjuan:notice-read';

/** Tells the navigation a notice was just read here (the count changes without a change of screen). */
export function noticeRead(): void {
  window.dispatchEvent(new Event(readEvent));
}

/** How many notices the user has not read; 0 without asking when he may not list them. */
export function useUnreadNotices(enabled: boolean): number {
  const route = useRoute();
  const { data, reload } = useOp('notices.unread', enabled ? {} : null, { refresh: route });
  useEffect(() => {
    if (!enabled) return;
    const again = () => void reload();
    window.addEventListener(readEvent, again);
    return () => window.removeEventListener(readEvent, again);
  }, [reload, enabled]);
  return data?.unread ?? 0;
}
