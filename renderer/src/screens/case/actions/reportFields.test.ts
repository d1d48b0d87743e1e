import { describe, expect, it } from 'vitest';
import type { CaseView } from '#common/schemas/cases';
import { fineInProposal, fromReportDocument } from './reportFields';

describe('the 调查报告 typed once', () => {
  it('reads the fine a proposal names in figures, and none when it is in words or ambiguous', () => {
    expect(fineInProposal('建议罚款人民币23,700元')).toBe(23700);
    expect(fineInProposal('建议罚款人民币 2.37 万元')).toBe(23700);
    expect(fineInProposal('建议罚款人民币十万元')).toBeNull();
    expect(fineInProposal('建议罚款5000元并没收违法所得3000元')).toBeNull();
  });

  it('starts the action form from the newest 调查报告 document', () => {
    const doc = (fields: Record<string, string>) => ({ type: 'investigation-report', fields });
    const view = {
      state: {
        documents: [
          doc({ reportFacts: '旧事实' }),
          doc({ reportFacts: '新事实', reportProposal: '建议罚款人民币23,700元', reportReasoning: '初次违法' }),
        ],
      },
    } as unknown as CaseView;
    expect(fromReportDocument(view)).toEqual({ facts: '新事实', reasoning: '初次违法', proposedFine: '23700' });
    expect(fromReportDocument({ state: { documents: [] } } as unknown as CaseView)).toEqual({});
  });
});
