/** Chinese numerals live in common/ so the renderer (article search) reads them as the core does. */
export * from '#common/chineseNumerals.js';
