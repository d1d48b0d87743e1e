/** pdf.js's worker module ships no types; the core only hands it to pdf.js's fake worker (documents/pdf/pdfjsNode.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
