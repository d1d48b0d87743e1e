/**
 * Text a user must never read: file paths of the program's data, file names of its tables, raw
 * digests and engine names. Shared by the source scan (developerText.test.ts) and the e2e specs,
 * which check the pages they visit. Say what it means for the user instead ("历史记录完整，未被篡改").
 */
export const developerPatterns: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: '程序数据路径', pattern: /resources\// },
  { name: '数据文件名', pattern: /(?<![.\w])[A-Za-z0-9_-]+\.json\b(?!\s*\()/ },
  { name: '原始哈希值', pattern: /\b[0-9a-f]{64}\b/i },
  { name: '加密引擎名称', pattern: /SQLCipher/i },
];

/** The developer text found in `text`, each with the pattern's name (empty when clean). */
export function developerTextIn(text: string): string[] {
  const found: string[] = [];
  for (const { name, pattern } of developerPatterns) {
    const m = text.match(pattern);
    if (m) found.push(`${name}：${m[0]}`);
  }
  return found;
}
