/**
 * Whether an element has come near the screen (IntersectionObserver), once and for good: a list of
 * 200 photos asks only for the thumbnails the user scrolls to.
 */
import { useCallback, useEffect, useState } from 'react';

export function useSeen<T extends Element>(rootMargin = '600px'): [(el: T | null) => void, boolean] {
  const [el, setEl] = useState<T | null>(null);
  const [seen, setSeen] = useState(false);
  const ref = useCallback((node: T | null) => setEl(node), []);
  useEffect(() => {
    if (seen || !el) return undefined;
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return undefined;
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      { rootMargin },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [el, seen, rootMargin]);
  return [ref, seen];
}
