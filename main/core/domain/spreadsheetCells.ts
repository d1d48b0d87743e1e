/**
 * Formula injection in spreadsheet exports (OWASP “CSV injection”): a cell whose text
 * starts with =, +, -, @, a tab or a carriage return is taken by Excel/WPS as a formula (or DDE
 * call) when the file is opened. Every text cell an export writes goes through `neutraliseCell`,
 * which prefixes such text with an apostrophe; the import of the same table (`restoreCell`) strips
 * exactly that apostrophe, so a round trip gives back the original text. Text that itself starts
 * with apostrophes before a formula character gets one more, so it too survives the round trip.
 * Pure.
 */
const formulaStart = /^'*[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** The exported cell's text back: one leading apostrophe is dropped when it protects a formula character. */
export function restoreCell(text: string): string {
  return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}
