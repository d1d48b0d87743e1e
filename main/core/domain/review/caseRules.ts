/**
 * Rules read from the case record and its documents' texts: the filing approval, the facts, the evidence
 * on file, every service proven by a 送达回证, the bureau's deadlines met in time, the decision sealed,
 * the contents the law requires of a document, and no article of a law repealed before the act cited.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { ReviewRule } from '#common/schemas/fileReview.js';
import { docType } from '#common/documentTypes.js';
import { documentTypeName } from '#common/documentTypeNames.js';
import { lastStep } from '../procedure/facts.js';
import { chineseDate } from '../dates.js';
import { lawKey } from '../laws/citation.js';
import { repealedBy, repealText } from '../laws/repeals.js';
import type { Finding, ReviewFacts } from './facts.js';
import { latestDocuments } from './current.js';
import { documentPage } from './pages.js';

const isSummary = (s: CaseState): boolean => s.procedure.id === 'summary';
const missing = (message: string): Finding[] => [{ message, page: null }];

const has = (s: CaseState, type: string): boolean => s.documents.some((d) => d.type === type);

export function filingApproved(f: ReviewFacts): Finding[] {
  if (isSummary(f.state) || lastStep(f.state, 'main', 'approveFiling')) return [];
  return missing('立案未见行政机关负责人批准记录');
}

export function factsStated(f: ReviewFacts): Finding[] {
  const s = f.state;
  if (isSummary(s)) return has(s, docType.onSpotDecision) ? [] : missing('未制作当场行政处罚决定书，违法事实无从查考');
  if (!s.decision || s.decision.kind === 'transfer') return [];
  return s.report?.facts.trim() ? [] : missing('调查报告未载明违法事实');
}

export function actDateKnown(f: ReviewFacts): Finding[] {
  return f.actOn ? [] : missing('未记录违法行为发生日期，无法确定适用的法律和追责时效');
}

export function inspectionRecord(f: ReviewFacts): Finding[] {
  return has(f.state, docType.inspectionRecord) ? [] : missing('案卷中没有现场检查（勘察）笔录');
}

export function interviewRecord(f: ReviewFacts): Finding[] {
  if (isSummary(f.state) || has(f.state, docType.interviewRecord)) return [];
  return missing('案卷中没有调查询问笔录');
}

export function evidenceCollected(f: ReviewFacts): Finding[] {
  const s = f.state;
  if (isSummary(s)) return [];
  const filed =
    s.evidence.some((e) => e.kind !== 'execution') || has(s, docType.photoEvidence) || has(s, docType.samplingRecord);
  return filed ? [] : missing('除笔录外，案卷中没有现场照片、采样监测或视听资料等证据');
}

/** Every service (送达) is proven by a 送达回证 naming the document served, except what was handed over on the spot. */
export function serviceReceipts(f: ReviewFacts): Finding[] {
  const receipts = f.state.documents.filter((d) => d.type === docType.serviceReceipt);
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const sv of f.state.services) {
    if (sv.method === '当场交付') continue;
    // A document served twice (two rounds of a track) needs a receipt each time.
    const n = (seen.get(sv.documentType) ?? 0) + 1;
    seen.set(sv.documentType, n);
    const proving = new Set(
      receipts
        .filter((r) => r.fields.servedDocument === sv.documentType)
        .map((r) => `${r.track ?? ''}|${r.trackStep ?? ''}`),
    );
    if (proving.size < n)
      out.push({
        message: `${documentTypeName(sv.documentType)}已于${sv.servedOn}送达（${sv.method}），案卷中没有其送达回证`,
        page: null,
      });
  }
  return out;
}

/** The bureau's own time limits, met in time; a party's periods are not the bureau's to keep. */
export function deadlinesKept(f: ReviewFacts): Finding[] {
  const out: Finding[] = [];
  for (const d of f.deadlines) {
    if (d.owner !== 'bureau') continue;
    if (d.status === 'overdue')
      out.push({ message: `${d.name}：应于${d.dueOn}前完成，至今未完成（${d.citation}）`, page: null });
    else if (d.status === 'met' && d.metOn && d.metOn > d.dueOn)
      out.push({ message: `${d.name}：应于${d.dueOn}前完成，实际于${d.metOn}完成（${d.citation}）`, page: null });
  }
  return out;
}

export function decisionSealed(f: ReviewFacts): Finding[] {
  const s = f.state;
  if (!s.decision || s.decision.kind === 'transfer' || isSummary(s)) return [];
  const type = s.decision.kind === 'noPenalty' ? docType.noPenaltyDecision : docType.penaltyDecision;
  const latest = latestDocuments(s.documents).filter((d) => d.type === type);
  if (latest.length === 0) return missing(`未制作${documentTypeName(type)}`);
  return latest
    .filter((d) => !d.finalised)
    .map((d) => ({ message: `${d.name}${d.number ? `（${d.number}）` : ''}未定稿盖章`, page: documentPage(f, d) }));
}

/** What the law requires a document to say (the rule's `contents`, per type), looked for in its text. */
export function requiredContents(f: ReviewFacts, rule: ReviewRule): Finding[] {
  const out: Finding[] = [];
  const current = new Map(latestDocuments(f.state.documents).map((d) => [d.id, d]));
  for (const t of f.texts) {
    const d = current.get(t.documentId);
    const wanted = rule.contents?.[t.type];
    if (!d || !wanted) continue;
    const text = t.text.replace(/[\s\u3000]/g, '');
    for (const c of wanted) {
      if (c.anyOf.some((w) => text.includes(w))) continue;
      out.push({ message: `${d.name}未载明${c.what}（${c.article}）`, page: documentPage(f, d) });
    }
  }
  return out;
}

const citedPattern =
  /《([^《》]{2,40})》((?:第[零〇一二三四五六七八九十百千万两\d]+条)(?:之[零〇一二三四五六七八九十]+)?(?:第[零〇一二三四五六七八九十\d]+款)?(?:第[零〇一二三四五六七八九十\d]+项)?)?/g;

/**
 * A decision cites no article of a law repealed on or before the day of the act (the act then fell under
 * the law that replaced it: 处罚法 art. 37). Citing the old law for an act before the repeal is lawful.
 */
export function repealedArticle(f: ReviewFacts, rule: ReviewRule): Finding[] {
  if (!f.actOn) return [];
  const types = new Set(rule.documentTypes ?? []);
  const current = new Map(latestDocuments(f.state.documents).map((d) => [d.id, d]));
  const out: Finding[] = [];
  for (const t of f.texts) {
    const d = current.get(t.documentId);
    if (!d || !types.has(t.type)) continue;
    const seen = new Set<string>();
    for (const m of t.text.replace(/[\s\u3000]/g, '').matchAll(citedPattern)) {
      const law = m[1]!;
      const repeal = repealedBy(f.repeals, law, f.actOn);
      const cited = `《${law}》${m[2] ?? ''}`;
      if (!repeal || seen.has(lawKey(law) + (m[2] ?? ''))) continue;
      seen.add(lawKey(law) + (m[2] ?? ''));
      out.push({
        message: `${d.name}引用${cited}，该法${repealText(repeal)}；违法行为发生于${chineseDate(f.actOn)}，不应适用`,
        page: documentPage(f, d),
      });
    }
  }
  return out;
}
