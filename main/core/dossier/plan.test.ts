/** The dossier's groups come from the manifest's `group`, not from gaps in its order numbers. */
import { describe, expect, it } from 'vitest';
import type { TemplateInfo } from '#common/schemas/documents.js';
import { loadManifest } from '../documents/manifest.js';
import { manifestGroups } from './plan.js';

const manifest = loadManifest();

/** Each group as `band label: ids`, in the manifest's order. */
function groupsOf(list: TemplateInfo[]): string[] {
  const group = manifestGroups(list);
  const out = new Map<string, string[]>();
  for (const t of [...list].sort((a, b) => a.order - b.order)) {
    const { band, bandLabel } = group(t.order);
    const k = `${band} ${bandLabel}`;
    out.set(k, [...(out.get(k) ?? []), t.id]);
  }
  return [...out].map(([k, ids]) => `${k}: ${ids.join(' ')}`);
}

describe('manifestGroups', () => {
  it('gives the shipped manifest the groups of the 2010 rule', () => {
    expect(groupsOf(manifest)).toEqual([
      '0 卷宗封面至卷内目录: dossier-cover dossier-catalog',
      '2 行政处罚决定书至案件移送函: penalty-decision no-penalty-decision on-spot-decision daily-penalty-decision transfer-letter',
      '8 立案审批表: filing-approval',
      '10 现场检查(勘察)笔录至行政处罚案件调查报告: inspection-record interview-record sampling-record photo-evidence preservation-notice preservation-release-notice investigation-report',
      '18 责令改正违法行为决定书至听证笔录: correction-order restriction-decision penalty-notice hearing-notice hearing-record',
      '24 查封(扣押)决定书至罚没物品处理记录: seizure-decision seizure-list seizure-extension-notice seizure-release confiscation-record',
      '30 同意分期(延期)缴纳罚款通知书至强制执行申请书: deferral-notice recheck-opinion reminder enforcement-application',
      '36 结案审批表至销案审批表: closing-approval withdrawal-approval',
      '40 移送书至移送材料清单: referral-letter referral-materials',
      '45 送达回证: service-receipt',
      '60 听证报告至移送行政拘留案件审批表: hearing-report internal-approval legal-review-opinion collective-discussion-record seizure-approval detention-referral-approval',
      '99 备考表: dossier-remarks',
    ]);
  });

  it('puts a receipt, evidence and 执行凭证 in the group of the key’s whole part; an unlisted key alone', () => {
    const group = manifestGroups(manifest);
    expect(group(2.5).band).toBe(2); // 送达回证 of the 行政处罚决定书
    expect(group(10.6).bandLabel).toBe('现场检查(勘察)笔录至行政处罚案件调查报告'); // evidence
    expect(group(33.6).band).toBe(30); // 执行凭证
    expect(group(999)).toEqual({ band: 999, bandLabel: '文书清单未列明的材料' });
  });

  it('keeps two groups apart when a template is numbered into the gap between them', () => {
    const extra = { ...manifest.find((t) => t.id === 'transfer-letter')!, id: 'x', name: '某决定书', order: 7 };
    const groups = groupsOf([...manifest, extra]);
    expect(groups[1]).toBe(
      '2 行政处罚决定书至某决定书: penalty-decision no-penalty-decision on-spot-decision daily-penalty-decision transfer-letter x',
    );
    expect(groups[2]).toBe('8 立案审批表: filing-approval');
  });
});
