/**
 * The statute texts in ../shared/laws (next to the repository; public law, not committed here).
 * Tests that read them are skipped, with the reason printed, on a machine without that folder; in CI
 * (which has ../shared) their absence fails the suite (sharedLaws.test.ts), so they cannot skip unseen.
 * ANJUAN_SHARED_DIR points at another shared folder (its laws/ subfolder is read).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appRoot } from '../paths.js';

export function sharedLawsDir(env: NodeJS.ProcessEnv = process.env): string {
  const shared = env.ANJUAN_SHARED_DIR ? resolve(env.ANJUAN_SHARED_DIR) : resolve(appRoot(), '..', 'shared');
  return join(shared, 'laws');
}

/** CI services set CI=true; an explicit CI=false or CI=0 means a developer's machine. */
export function runningInCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = (env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}

export interface SharedLawsStatus {
  dir: string;
  /** The folder holds at least one statute text (*.md): an empty folder is as good as none. */
  present: boolean;
  /** Absent where it must be there: in CI. */
  mustFail: boolean;
  /** Why the tests that read them skip or fail; null when present. */
  reason: string | null;
}

export function sharedLawsStatus(env: NodeJS.ProcessEnv = process.env): SharedLawsStatus {
  const dir = sharedLawsDir(env);
  const present = existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.md'));
  const inCi = runningInCi(env);
  const reason = present
    ? null
    : inCi
      ? `${dir} 不存在或没有法律文本（*.md）：CI 必须提供 ../shared/laws，读取真实法律文本的测试不得跳过`
      : `${dir} 不存在或没有法律文本（*.md）：读取真实法律文本的测试已跳过（这些文本不随项目提交）`;
  return { dir, present, mustFail: !present && inCi, reason };
}

const status = sharedLawsStatus();
export const sharedLawsPresent: boolean = status.present;

if (status.reason) console.warn(`[anjuan] ${status.reason}`);

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
  return readdirSync(sharedLawsDir())
    .filter((f) => f.endsWith('.md'))
    .sort();
}
