/**
 * 立案 from the keyboard: Alt+N on a screen with the 立案 button (Ctrl+N belongs to the browser and
 * cannot be taken in a web page). Shown in the button's tooltip, as the search box shows Ctrl+K.
 */
import { useEffect, useRef } from 'react';

export const newCaseHint = '立案（快捷键 Alt+N）';

export function isNewCaseShortcut(e: {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): boolean {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
  // `code` names the key whatever the layout or IME (Alt+N gives “ñ” on some layouts).
  return e.code === 'KeyN' || e.key.toLowerCase() === 'n';
}

/** Calls `open` on Alt+N while `enabled` (the user may open cases and no dialog is open). */
export function useNewCaseShortcut(open: () => void, enabled: boolean): void {
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (!isNewCaseShortcut(e)) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
