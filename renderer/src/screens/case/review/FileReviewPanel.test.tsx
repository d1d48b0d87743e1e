// @vitest-environment jsdom
/** 案卷评查 on the case page: the areas' scores, each deduction with its article and page, the answers; who may answer. */
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseView } from '#common/schemas/cases';
import type { FileReviewState } from '#common/schemas/fileReview';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { FileReviewPanel } from './FileReviewPanel';

afterEach(cleanup);

const review: FileReviewState = {
  result: {
    criteriaVersion: '2026.1',
    ranOn: '2026-12-07',
    dossierBuiltAt: '2026-12-06T02:00:00.000Z',
    score: 96,
    max: 100,
    weightsVerified: false,
    areas: [
      { id: 'procedure', name: '程序合法', points: 20, score: 16 },
      { id: 'archiving', name: '归档规范', points: 10, score: 10 },
    ],
    deductions: [
      {
        id: 'serviceReceipts:1',
        rule: 'serviceReceipts',
        area: 'procedure',
        checks: '每次送达均有送达回证在卷',
        message: '行政处罚决定书已于2026-11-17送达（直接送达），案卷中没有其送达回证',
        points: 4,
        basis: '行政处罚法第六十一条；民事诉讼法第八十七条',
        page: null,
      },
      {
        id: 'catalogPages:1',
        rule: 'catalogPages',
        area: 'archiving',
        checks: '卷内目录所列页号与案卷实际页码一致',
        message: '卷内目录第4行页号为“5”，实际为第4页',
        points: 0,
        basis: '组卷规则（卷内目录）',
        page: '正卷卷内目录第4行',
      },
    ],
  },
  responses: [
    {
      deductionId: 'serviceReceipts:1',
      verdict: 'dispute',
      reason: '回证原件在纸质卷中',
      by: 'u2',
      byName: '王局长',
      at: '2026-12-07T03:00:00.000Z',
    },
  ],
};

const viewWith = (state: Partial<CaseView['state']>): CaseView =>
  ({ state: { id: 'c1', closedOn: null, dossier: null, ...state } }) as unknown as CaseView;

describe('FileReviewPanel', () => {
  it('shows the score, each area, each deduction that cost points with its article, and the answer given', () => {
    const el = renderWithSession(
      <FileReviewPanel view={viewWith({ fileReview: review })} onReload={async () => {}} />,
      ['head'],
    );
    expect(byTestId(el, 'review-score')!.textContent).toContain('得分 96／100');
    expect(byTestId(el, 'review-area-procedure')!.textContent).toBe('程序合法16／20');
    const row = byTestId(el, 'review-deduction-serviceReceipts:1')!;
    expect(row.textContent).toContain('没有其送达回证');
    expect(row.textContent).toContain('民事诉讼法第八十七条');
    expect(byTestId(el, 'review-answer-serviceReceipts:1')!.textContent).toBe('有异议：回证原件在纸质卷中（王局长）');
    // a finding past the cap costs nothing and is not listed to answer
    expect(byTestId(el, 'review-deduction-catalogPages:1')).toBeNull();
    expect(byTestId(el, 'review-accept-serviceReceipts:1')).not.toBeNull();
    expect(el.textContent).toContain('未经与评查指南原文核对');
  });

  it('an officer runs the review but does not answer it', () => {
    const el = renderWithSession(
      <FileReviewPanel view={viewWith({ fileReview: review })} onReload={async () => {}} />,
      ['officer'],
    );
    expect(byTestId(el, 'review-run')).not.toBeNull();
    expect(byTestId(el, 'review-accept-serviceReceipts:1')).toBeNull();
  });

  it('is not shown on a case neither closed, bound nor reviewed', () => {
    const el = renderWithSession(<FileReviewPanel view={viewWith({})} onReload={async () => {}} />, ['head']);
    expect(byTestId(el, 'file-review')).toBeNull();
  });
});
