/**
 * The class docx-preview gives paragraphs of the templates' KeepWithNext style (w:pStyle, lower-cased
 * after its `docx` prefix): the harness turns it into CSS break-after/break-inside: avoid, since
 * docx-preview ignores w:keepNext and w:keepLines. Kept in step with scripts/templates/ooxml.ts.
 */
export const keepStyleClass = 'docx_keepwithnext';
