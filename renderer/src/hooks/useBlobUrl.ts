/** An object URL for a stored file (read with blobs.read), revoked when the hash changes or the view goes. */
import { useEffect, useState } from 'react';
import { send } from '../api/send';
import { base64ToBlob } from '../util/binary';

/** null while loading, 'failed' when the file could not be read. */
export function useBlobUrl(hash: string, mimeType: string): string | null | 'failed' {
  const [url, setUrl] = useState<string | null | 'failed'>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    setUrl(null);
    send('blobs.read', { hash })
      .then((b) => {
        if (!live) return;
        made = URL.createObjectURL(base64ToBlob(b.base64, b.mimeType || mimeType));
        setUrl(made);
      })
      .catch(() => { if (live) setUrl('failed'); });
    return () => { live = false; if (made) URL.revokeObjectURL(made); };
  }, [hash, mimeType]);
  return url;
}
