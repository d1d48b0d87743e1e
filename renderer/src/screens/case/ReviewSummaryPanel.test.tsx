// @vitest-environment jsdom
/** the reviewer reads facts, evidence, basis, fine, discretion and every checklist result on the page. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewSummary } from '#common/schemas/reviewSummary';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { ReviewSummaryView } from './ReviewSummaryPanel';

afterEach(cleanup);

const summary: ReviewSummary = {
  nodeName: '案件审查',
  facts: '经查，该公司1号排气筒颗粒物排放浓度超过排放标准。',
  evidence: [
    { id: 'd1', kind: '现场检查(勘察)笔录', description: '', on: '2026-09-02' },
    { id: 'p1', kind: '现场照片', description: '1号排气筒排放状况', on: '2026-09-02' },
  ],
  legalBasis: {
    violation: '超标排放大气污染物',
    breached: ['《中华人民共和国大气污染防治法》第十八条'],
    penaltyProvision: '《中华人民共和国大气污染防治法》第九十九条第二项',
    bandText: '十万元以上一百万元以下',
    statement: '',
    undecided: null,
  },
  penalty: { proposedFine: 150000, noticedFine: null, decision: null, reasoning: '首次违法' },
  discretion: {
    benchmarkVersion: '2026.2',
    violationId: 'air',
    levels: { degree: 'low' },
    base: null,
    aggravated: false,
    fine: 150000,
    explanation: '综合考虑：超标倍数为“0.5倍以下”；拟处罚款150,000元。',
  },
  legality: {
    point: 'decision',
    passed: false,
    checks: [
      {
        id: 'basisAndBand',
        name: '法律依据明确、罚款在法定幅度内',
        passed: true,
        applicable: true,
        message: '罚款在法定幅度内',
        citation: '',
        evidence: [],
      },
      {
        id: 'noticeServed',
        name: '已告知拟作出的处罚',
        passed: false,
        applicable: true,
        message: '尚未送达告知书',
        citation: '',
        evidence: [],
      },
      { id: 'hearing', name: '听证', passed: true, applicable: false, message: '', citation: '', evidence: [] },
    ],
  },
};

describe('ReviewSummaryView', () => {
  it('shows each part from the summary, and each check with its result', () => {
    const el = renderWithSession(<ReviewSummaryView summary={summary} />, ['reviewer']);
    expect(byTestId(el, 'summary-facts')!.textContent).toContain('颗粒物排放浓度超过排放标准');
    expect(byTestId(el, 'summary-evidence')!.querySelectorAll('li')).toHaveLength(2);
    expect(byTestId(el, 'summary-evidence')!.textContent).toContain('现场照片：1号排气筒排放状况（2026-09-02）');
    expect(byTestId(el, 'summary-basis')!.textContent).toContain('第九十九条第二项（十万元以上一百万元以下）');
    expect(byTestId(el, 'summary-penalty')!.textContent).toContain('拟罚款150,000.00 元');
    expect(byTestId(el, 'summary-discretion')!.textContent).toContain('超标倍数为“0.5倍以下”');
    expect(byTestId(el, 'summary-check-basisAndBand')!.getAttribute('data-result')).toBe('通过');
    expect(byTestId(el, 'summary-check-noticeServed')!.textContent).toBe('未通过　已告知拟作出的处罚：尚未送达告知书');
    expect(byTestId(el, 'summary-check-hearing')!.getAttribute('data-result')).toBe('不适用');
    expect(byTestId(el, 'summary-legality')!.textContent).toContain('1项未通过');
  });

  it('says when no discretion calculation was used', () => {
    const el = renderWithSession(<ReviewSummaryView summary={{ ...summary, discretion: null }} />, ['reviewer']);
    expect(byTestId(el, 'summary-discretion')!.textContent).toContain('未使用裁量计算');
  });
});
