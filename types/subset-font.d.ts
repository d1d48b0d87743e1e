/**
 * Types for `subset-font` (it ships none). Kept to the options this code base uses.
 * Ambient, so it also types the import in documents/pdf/printFonts.ts; if a shared `types/` folder
 * appears, this file belongs there.
 */
declare module 'subset-font' {
  interface SubsetFontOptions {
    /** 'sfnt' (alias 'truetype'), 'woff' or 'woff2'; defaults to the input's format. */
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    preserveNameIds?: number[];
    noLayoutClosure?: boolean;
    keepAllGlyphs?: boolean;
  }
  export default function subsetFont(
    font: Uint8Array,
    text: string | null,
    options?: SubsetFontOptions,
  ): Promise<Buffer>;
}
