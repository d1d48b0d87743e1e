/**
 * Realistic values for the fields a template asks the user for, so that scripted cases (tests,
 * the sample dossier, the benchmark) fill the same forms a clerk fills.
 */
import type { TemplateInfo } from '#common/schemas/documents.js';
import { sampleInputs } from '../documents/fixtures.js';

const known: Record<string, string> = {
  inspectionPlace: '该公司生产车间及废气排放口',
  inspectionFindings:
    '检查时该公司正在生产，布袋除尘器破损，1号排气筒颗粒物排放浓度经监测为68mg/m³，超过《大气污染物综合排放标准》限值。',
  inspectionContent: '检查时该公司正在生产，布袋除尘器破损，1号排气筒颗粒物排放浓度经监测为68mg/m³，超过排放标准限值。',
  interviewee: '王建华',
  intervieweeTitle: '生产负责人',
  interviewPlace: '黔东南州生态环境局天柱分局询问室',
  interviewContent: '问：你公司1号排气筒的除尘设施运行情况如何？答：布袋破损已有十余天，尚未更换。',
  serviceMethod: '直接送达',
  serviceAddress: '当事人生产经营场所',
  closingOpinion: '当事人已全额缴纳罚款，处罚决定执行完毕，建议结案。',
  recipient: '王建华',
  recipientCapacity: '负责收件的人',
  // The decision orders what the penalty clause orders (处罚法 art. 28(1)) unless the clerk words it.
  decisionCorrection: '',
  onSitePerson: '王建华（生产负责人）',
  intervieweeIdNo: '522627198001010000',
  defenceReview: '当事人在法定期限内书面放弃陈述、申辩。',
  serviceNote: '',
};

export function sampleFields(t: TemplateInfo, ctx: { today: string; servedDocument?: string }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of t.fields) {
    if (f.source !== 'input') continue;
    const typed = sampleInputs[t.id]?.[f.key];
    if (f.key === 'servedDocument' && ctx.servedDocument) out[f.key] = ctx.servedDocument;
    else if (known[f.key] !== undefined) out[f.key] = known[f.key]!;
    // The documents' own sample inputs know the typed values (查封/扣押, amounts, lists); their dates are not today's.
    else if (typed !== undefined && f.input !== 'date' && f.input !== 'datetime') out[f.key] = typed;
    else if (f.input === 'date') out[f.key] = ctx.today;
    else if (f.input === 'datetime') out[f.key] = `${ctx.today} 09:30`;
    else out[f.key] = `${f.label}（示例）`;
  }
  return out;
}
