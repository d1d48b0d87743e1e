/** The pages of a PDF drawn onto canvases with pdf.js, one after another, at the given zoom. */
import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import type { PDFDocumentProxy } from 'pdfjs-dist';

interface Props {
  bytes: Uint8Array;
  zoom: number;
  onPageCount(n: number): void;
}

export function PdfPages({ bytes, zoom, onPageCount }: Props) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    let destroy: (() => Promise<void>) | null = null;
    import('./pdfjs')
      .then(({ openPdf }) => {
        const task = openPdf(bytes);
        destroy = task.destroy;
        return task.promise;
      })
      .then((d) => {
        if (live) {
          setDoc(d);
          onPageCount(d.numPages);
        }
      })
      .catch((e: unknown) => {
        if (live) setError(`无法显示PDF：${e instanceof Error ? e.message : String(e)}`);
      });
    return () => {
      live = false;
      void destroy?.();
    };
  }, [bytes, onPageCount]);

  useEffect(() => {
    if (!doc || !container.current) return;
    let cancelled = false;
    const host = container.current;
    host.replaceChildren();
    void (async () => {
      const { renderPage } = await import('./pdfjs');
      for (let n = 1; n <= doc.numPages && !cancelled; n += 1) {
        const canvas = document.createElement('canvas');
        canvas.dataset.testid = 'pdf-page';
        canvas.setAttribute('aria-label', `第${n}页`);
        canvas.style.display = 'block';
        canvas.style.margin = '0 auto 16px';
        canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,.25)';
        canvas.style.background = '#fff';
        host.appendChild(canvas);
        try {
          await renderPage(doc, n, canvas, zoom);
        } catch (e) {
          if (!cancelled) setError(`第${n}页显示失败：${e instanceof Error ? e.message : String(e)}`);
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [doc, zoom]);

  return (
    <Box>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <Box ref={container} data-testid="pdf-pages" />
    </Box>
  );
}
