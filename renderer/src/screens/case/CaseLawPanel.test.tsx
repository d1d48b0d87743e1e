// @vitest-environment jsdom
/**
 * 法律依据 on the case page: an article the library does not hold carries its own 条文未载入 mark, and
 * the reason is said once — three articles of a law not yet imported share one sentence.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '#common/schemas/cases';
import { send } from '#renderer/api/send';
import { cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { CaseLawPanel } from './CaseLawPanel';

vi.mock('#renderer/api/send', () => ({ send: vi.fn() }));
afterEach(cleanup);

const code = '中华人民共和国生态环境法典';
const view = {
  legalBasis: null,
  state: {
    filedOn: '2026-12-03',
    violation: {
      breached: [
        { law: code, article: '第一百八十四条第一款' },
        { law: code, article: '第一百八十四条第二款' },
      ],
      penaltyArticle: { law: code, article: '第一千零八十六条第一款第二项' },
    },
  },
} as unknown as CaseView;

const notLoaded = (article: string, message: string) => ({
  status: 'not-loaded',
  reason: 'law-not-loaded',
  law: code,
  article,
  message,
});

describe('CaseLawPanel', () => {
  it('marks each article not loaded and says the shared reason once; another reason is said too', async () => {
    vi.mocked(send).mockResolvedValue([
      notLoaded('第一百八十四条第一款', `法律法规库中没有《${code}》`),
      notLoaded('第一百八十四条第二款', `法律法规库中没有《${code}》`),
      notLoaded('第一千零八十六条第一款第二项', `已载入的《${code}》中没有第一千零八十六条`),
    ] as never);
    const el = renderWithSession(<CaseLawPanel view={view} />, ['officer']);
    await act(async () => {});
    const marks = [...el.querySelectorAll('[data-testid^="case-law-"][data-status="not-loaded"]')];
    expect(marks).toHaveLength(3);
    for (const m of marks) expect(m.textContent).toContain('条文未载入');
    const notes = [...el.querySelectorAll('[data-testid="case-law-note"]')].map((n) => n.textContent);
    expect(notes).toEqual([`法律法规库中没有《${code}》`, `已载入的《${code}》中没有第一千零八十六条`]);
  });
});
