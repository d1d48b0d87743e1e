/**
 * "Large inputs" and "laws.search with a NUL byte gives INTERNAL": through the operations,
 * a control character in a search is a VALIDATION error, and every oversized input is refused in
 * Chinese with its limit, quickly, with a short reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { exampleLaw2015 } from '../testing/lawFixtures.js';
import type { OpName } from '#common/operations.js';

let t: TestCore;
let head: string;
let reviewer: string;

beforeAll(async () => {
  t = await createTestCore();
  head = await t.login('head');
  reviewer = await t.login('reviewer');
  await t.call(reviewer, 'laws.import', {
    files: [{ name: '示例污染防治法(2015-08-29).md', content: exampleLaw2015 }],
  });
});
afterAll(async () => t.close());

const raw = (token: string, op: string, input: unknown) => t.core.dispatch({ op: op as OpName, input, token });

describe('laws.search with control characters', () => {
  it('is a VALIDATION error in Chinese, not INTERNAL', async () => {
    for (const query of ['大气\u0000污染', 'a\u0000b', '\u0000', '防治\u001b']) {
      const r = await raw(reviewer, 'laws.search', { query });
      expect(r.ok, JSON.stringify(query)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toMatch(/检索词含有不允许的控制字符/);
      }
    }
    // Ordinary searches still work.
    const ok = await t.call(reviewer, 'laws.search', { query: '大气污染' });
    expect(ok.total).toBeGreaterThan(0);
  });
});

describe('oversized inputs', () => {
  const big = 'x'.repeat(10 * 1024 * 1024);
  it('are refused with the limit stated, and never echoed back', async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      [
        'cases.open',
        {
          enterpriseId: 'e',
          violationId: 'v',
          officerIds: ['a', 'b'],
          discoveredOn: '2026-03-01',
          filedOn: '2026-03-02',
          summary: big,
          requestId: 'req-00000001',
        },
        /案情摘要过长（不超过2000字）/,
      ],
      ['cases.get', { caseId: big }, /案件标识过长（不超过64个字符）/],
      ['documents.generate', { caseId: 'c', type: 'penalty-decision', fields: { facts: big } }, /不超过/],
      [
        'evidence.add',
        { caseId: 'c', fileName: 'a.jpg', contentBase64: big.repeat(5), description: '照片', takenOn: '2026-03-02' },
        /证据文件过大（不超过30MB）/,
      ],
      [
        'templates.import',
        { type: 'x', fileName: 'a.docx', contentBase64: big.repeat(2) },
        /模板文件过大（不超过10MB）/,
      ],
      ['settings.setSeal', { pngBase64: big }, /印章图片过大（不超过5MB）/],
      ['procedures.import', { definition: { id: big } }, /程序定义过大/],
      [
        'calendar.import',
        { calendar: { year: 2027, source: big, holidays: [], workdays: [] } },
        /来源过长（不超过200字）/,
      ],
      ['laws.search', { query: big }, /检索词过长（不超过100字）/],
    ];
    for (const [op, input, message] of cases) {
      const t0 = performance.now();
      const r = await raw(head, op, input);
      const ms = performance.now() - t0;
      expect(r.ok, op).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, op).toBe('VALIDATION');
      expect(r.error.message, op).toMatch(message);
      expect(JSON.stringify(r).length, op).toBeLessThan(10_000);
      expect(ms, op).toBeLessThan(2000);
    }
  });
});
