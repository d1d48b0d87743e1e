/**
 * The one way a screen gets a URL for a stored file (a photo, its thumbnail, the seal image): the
 * bytes read as a Blob (api/files.ts) and an object URL made of them, revoked when the request
 * changes or the view goes. `null` request: not yet (e.g. a thumbnail still off screen).
 */
import { useEffect, useState } from 'react';
import type { FileRequest } from '#common/files';
import { readFile } from '../api/files';

/** null while loading (or not asked yet), 'failed' when the file could not be read. */
export function useFileUrl(request: FileRequest | null): string | null | 'failed' {
  const [url, setUrl] = useState<string | null | 'failed'>(null);
  const hash = request?.hash ?? null;
  const caseId = request?.caseId;
  const variant = request?.variant;
  useEffect(() => {
    setUrl(null);
    if (!hash) return undefined;
    let live = true;
    let made: string | null = null;
    readFile({ hash, ...(caseId ? { caseId } : {}), ...(variant ? { variant } : {}) })
      .then((blob) => {
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      })
      .catch(() => {
        if (live) setUrl('failed');
      });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [hash, caseId, variant]);
  return url;
}
