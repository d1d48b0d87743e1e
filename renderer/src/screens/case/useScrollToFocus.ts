/**
 * A search hit opens the case at one document or evidence item (#/cases/<id>/<tab>/<item id>): once
 * that item is on the page, it is scrolled into the middle of the screen. Once per item: a later
 * reload of the case (an action elsewhere on the page) does not pull the clerk back to it.
 */
import { useEffect, useRef } from 'react';

/** The attribute each focusable item carries: a document row, an evidence card. */
export type FocusAttribute = 'data-document-id' | 'data-evidence-id';

export function useScrollToFocus(focus: string | undefined, attribute: FocusAttribute, present: boolean): void {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!focus || !present || done.current === focus) return;
    // Compared, not put into a selector: an id from the address bar is never parsed as CSS.
    const el = [...document.querySelectorAll(`[${attribute}]`)].find((e) => e.getAttribute(attribute) === focus);
    if (!el) return;
    done.current = focus;
    // scrollIntoView is missing in jsdom and in very old engines: the highlight still shows.
    el.scrollIntoView?.({ block: 'center' });
    if (el instanceof HTMLElement) el.focus({ preventScroll: true });
  }, [focus, attribute, present]);
}
