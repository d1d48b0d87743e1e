/**
 * The whole check, as CI and a bare clone see it: Vitest run on sharedLaws.test.ts with the shared
 * folder pointed somewhere empty (ANJUAN_SHARED_DIR) fails under CI=true and passes, printing why the
 * statute tests skip, without it. A child Vitest per case, hence in the slow set.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../paths.js';

function runGate(env: Record<string, string>): { status: number | null; output: string } {
  const root = appRoot();
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'main/core/testing/sharedLaws.test.ts'],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    },
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('the shared-laws gate in a child Vitest', () => {
  const missing = join(mkdtempSync(join(tmpdir(), 'anjuan-shared-')), 'absent');

  it('fails the run in CI when ../shared/laws is missing', () => {
    const r = runGate({ ANJUAN_SHARED_DIR: missing, CI: 'true' });
    expect(r.output).toContain('CI 必须提供 ../shared/laws');
    expect(r.status).toBe(1);
  });

  it('passes in a bare clone, printing why the statute tests skip', () => {
    const r = runGate({ ANJUAN_SHARED_DIR: missing, CI: '' });
    expect(r.output).toContain('读取真实法律文本的测试已跳过');
    expect(r.output).toMatch(/1 skipped/);
    expect(r.status).toBe(0);
  });
});
