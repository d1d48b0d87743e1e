/**
 * The tests that read ../shared/laws skip in a bare clone (the reason printed); in CI, which has
 * ../shared, that folder missing fails the suite here instead of letting those tests skip unseen.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runningInCi, sharedLawsDir, sharedLawsStatus } from './sharedLaws.js';

describe('the statute texts in ../shared/laws', () => {
  it('are there when the suite runs in CI (elsewhere the tests reading them skip, saying why)', (ctx) => {
    const s = sharedLawsStatus();
    // The reason is printed once on import (sharedLaws.ts) and kept as the skip's note.
    if (!s.mustFail && !s.present) ctx.skip(s.reason ?? undefined);
    expect(s.present, s.reason ?? '').toBe(true);
  });
});

describe('sharedLawsStatus', () => {
  const missing = join(mkdtempSync(join(tmpdir(), 'anjuan-shared-')), 'absent');

  it('reads ANJUAN_SHARED_DIR/laws when set', () => {
    expect(sharedLawsDir({ ANJUAN_SHARED_DIR: missing })).toBe(join(missing, 'laws'));
  });

  it('in a bare clone: absent, skipped with the reason, not a failure', () => {
    const s = sharedLawsStatus({ ANJUAN_SHARED_DIR: missing });
    expect(s).toMatchObject({ present: false, mustFail: false });
    expect(s.reason).toMatch(/不存在或没有法律文本.*已跳过/);
  });

  it('in CI: absent is a failure, with a reason that says CI needs the folder', () => {
    const s = sharedLawsStatus({ ANJUAN_SHARED_DIR: missing, CI: 'true' });
    expect(s).toMatchObject({ present: false, mustFail: true });
    expect(s.reason).toMatch(/CI 必须提供 \.\.\/shared\/laws/);
  });

  it('an empty laws folder counts as absent; one statute text is enough', () => {
    const shared = mkdtempSync(join(tmpdir(), 'anjuan-shared-'));
    mkdirSync(join(shared, 'laws'));
    expect(sharedLawsStatus({ ANJUAN_SHARED_DIR: shared, CI: '1' }).mustFail).toBe(true);
    writeFileSync(join(shared, 'laws', '行政处罚法(2021-01-22).md'), '# 中华人民共和国行政处罚法\n');
    expect(sharedLawsStatus({ ANJUAN_SHARED_DIR: shared, CI: '1' })).toMatchObject({
      present: true,
      mustFail: false,
      reason: null,
    });
  });

  it('CI=false and CI=0 are a developer machine', () => {
    expect([undefined, '', 'false', 'FALSE', '0'].map((CI) => runningInCi({ CI }))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['true', '1', 'yes'].map((CI) => runningInCi({ CI }))).toEqual([true, true, true]);
  });
});
