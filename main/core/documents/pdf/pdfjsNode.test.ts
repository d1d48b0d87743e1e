import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { PDFDocument, StandardFonts } from 'pdf-lib';

// A Function.prototype.toString from a fresh realm: core-js also replaces this realm's, so that its
// polyfills print “[native code]” there (which is how the slow JSON.stringify went unnoticed).
const realToString = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
const isNative = (f: unknown): boolean => /\{\s*\[native code\]\s*\}$/.test(realToString.call(f));

async function onePagePdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 100, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

describe('pdf.js in the core leaves the built-ins native', () => {
  it('JSON.stringify, JSON.parse, Array.prototype.push and Function.prototype.toString are still the native ones after seal.ts, pdfText.ts and testPdf.ts read a PDF', async () => {
    const before = {
      stringify: JSON.stringify,
      parse: JSON.parse,
      push: Array.prototype.push,
      toString: Function.prototype.toString,
    };
    expect(isNative(JSON.stringify)).toBe(true);
    const { pdfPageTexts } = await import('./pdfText.js');
    const { sealPdf } = await import('../seal.js');
    const { inspectPdf } = await import('#core/dossier/testPdf.js');
    const pdf = await onePagePdf('Anjuan test page');
    expect((await pdfPageTexts(pdf))[0]).toContain('Anjuan test page');
    expect((await inspectPdf(pdf)).pages).toHaveLength(1);
    expect((await sealPdf(Buffer.from(pdf), 'Test Bureau')).subarray(0, 5).toString()).toBe('%PDF-');
    for (const [name, f] of Object.entries({
      stringify: JSON.stringify,
      parse: JSON.parse,
      push: Array.prototype.push,
      toString: Function.prototype.toString,
    })) {
      expect(isNative(f), `${name} is native`).toBe(true);
      expect(f, `${name} is the same function as before`).toBe(before[name as keyof typeof before]);
    }
    expect(realToString.call(JSON.stringify)).toMatch(/\[native code\]/);
  });

  it('keeps what pdf.js added and needs on Node 20 (Promise.withResolvers)', async () => {
    await (await import('./pdfjsNode.js')).pdfjs();
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
  });

  it('restoreIntrinsics puts back a replaced built-in and leaves an added one', async () => {
    const { restoreIntrinsics } = await import('./pdfjsNode.js');
    const snapshot = [{ target: JSON, key: 'stringify', desc: Object.getOwnPropertyDescriptor(JSON, 'stringify')! }];
    const native = JSON.stringify;
    try {
      JSON.stringify = (() => 'slow') as typeof JSON.stringify;
      expect(restoreIntrinsics(snapshot)).toEqual(['stringify']);
      expect(JSON.stringify).toBe(native);
      expect(restoreIntrinsics(snapshot)).toEqual([]);
    } finally {
      JSON.stringify = native;
    }
  });
});
