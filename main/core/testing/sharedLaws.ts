/**
 * The statute texts in ../shared/laws (next to the repository; public law, not committed here).
 * Tests that read them are skipped, with the reason printed, on a machine without that folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appRoot } from '../paths.js';

export function sharedLawsDir(): string {
  return resolve(appRoot(), '..', 'shared', 'laws');
}

export const sharedLawsPresent: boolean = existsSync(sharedLawsDir());

if (!sharedLawsPresent) {
  console.warn(`[anjuan] ${sharedLawsDir()} 不存在：读取真实法律文本的测试已跳过（这些文本不随项目提交）`);
}

/** The file whose name starts with `stem` (e.g. 行政处罚法 → 行政处罚法(2021-01-22).md). */
export function sharedLawFile(stem: string): { name: string; content: string } {
  const name = readdirSync(sharedLawsDir()).find((f) => f.startsWith(`${stem}(`) && f.endsWith('.md'));
  if (!name) throw new Error(`${sharedLawsDir()} 中没有 ${stem}(…).md`);
  return { name, content: readFileSync(join(sharedLawsDir(), name), 'utf8') };
}

export function readSharedLaw(name: string): string {
  return readFileSync(join(sharedLawsDir(), name), 'utf8');
}

export function sharedLawNames(): string[] {
  return readdirSync(sharedLawsDir()).filter((f) => f.endsWith('.md')).sort();
}
