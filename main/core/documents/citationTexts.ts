/**
 * The articles documents cite for the authority's own acts (现场检查, 查封扣押, 责令改正 and 按日连续处罚,
 * 限制生产/停产整治, 移送拘留), from resources/laws/citations.json: templates carry tags, never a
 * law's name, so the 生态环境法典 (in force 2026-08-15) replaced 环境保护法 without a new template
 * text. Pure apart from reading the shipped file once when no data is passed.
 *
 * Which day: the law in force on the day the authority acts — the document's date, or the
 * inspection's for the 现场检查笔录. The 按日连续处罚决定书 cites the law of the day its track
 * started, the day that chose the track's version and so its count of days.
 */
import { AppError } from '#common/errors.js';
import type { CaseState } from '#common/schemas/cases.js';
import type { CitationEntry, CitationsFile } from '#common/schemas/citations.js';
import { shippedCitations } from '../citationResources.js';
import { isValidDate } from '../domain/dates.js';
import { articleCited, basisCited, citationOn, CitationError, itemForArticle } from '../domain/laws/citations.js';
import { latestDocument } from './caseTexts.js';
import { parseChoice } from './formText.js';
import { trackFor } from './trackTexts.js';
import { docType } from '#common/documentTypes.js';

/** What the citations depend on: the case, what the clerk typed, the day, and the citations data. */
export interface CitationInput {
  state: CaseState;
  fields: Record<string, string>;
  today: string;
  /** The core's copy of resources/laws/citations.json (checked at start); else the shipped file. */
  citations?: CitationsFile;
}

/** Typed key of the 移送行政拘留案件审批表: the situation (情形) the referral rests on. */
export const detentionGroundKey = 'detentionGround';

export interface CitationTexts {
  /** 现场检查(勘察)笔录: the power to inspect. */
  inspectionArticle: string;
  /** 查封(扣押)审批表 and 决定书. */
  seizureArticle: string;
  /** 责令改正违法行为决定书 and 复查意见书: the warning of a daily penalty. */
  dailyPenaltyArticle: string;
  /** 按日连续处罚决定书: the article with the rules cited alongside, as of the track's start. */
  dailyDecisionBasis: string;
  /** 限制生产/停产整治决定书: the basis (with its rules) and the article alone (停业、关闭). */
  restrictionBasis: string;
  restrictionArticle: string;
  /** 移送行政拘留案件审批表 and 移送书; absent when neither the situation nor the penalty clause names it. */
  detentionArticle?: string;
  detentionBasis?: string;
}

export function citationTexts(input: CitationInput): CitationTexts {
  const { state, fields, today } = input;
  const data = input.citations ?? shippedCitations();
  const on = (purpose: string, date: string): CitationEntry => {
    try {
      return citationOn(data, purpose, date);
    } catch (e) {
      if (e instanceof CitationError)
        throw new AppError('VALIDATION', `无法确定文书引用的条文：${e.message}`, { purpose, date });
      throw e;
    }
  };
  const inspectedOn = (fields.inspectionTime ?? '').trim().slice(0, 10);
  const daily = trackFor(state, ['dailyPenalty'], ['recordRecheck']);
  const restriction = on('productionRestriction', today);
  // 限产停产 under the Code sits in each penalty clause: cite the case's own clause when it is of that law.
  const restrictionCited =
    restriction.caseArticleFirst && sameLaw(restriction.law, state.violation.penaltyArticle.law)
      ? `${restriction.law}${state.violation.penaltyArticle.article}`
      : articleCited(restriction);
  const detention = detentionEntry(input, data, on);
  return {
    inspectionArticle: articleCited(on('inspectionAuthority', isValidDate(inspectedOn) ? inspectedOn : today)),
    seizureArticle: articleCited(on('seizure', today)),
    dailyPenaltyArticle: articleCited(on('dailyPenalty', today)),
    dailyDecisionBasis: basisCited(on('dailyPenalty', daily?.startedOn ?? today)),
    restrictionBasis: basisCited(restriction, restrictionCited),
    restrictionArticle: restrictionCited,
    ...(detention ? { detentionArticle: articleCited(detention), detentionBasis: basisCited(detention) } : {}),
  };
}

const sameLaw = (a: string, b: string): boolean => a.replace(/[《》]/g, '') === b.replace(/[《》]/g, '');

/**
 * The situation of a detention referral: as typed on the 审批表 now, else as the 审批表 on file
 * recorded it, else the one whose article is the case's penalty clause, else the general article
 * (环境保护法 art. 63; the Code has none).
 */
function detentionEntry(
  input: CitationInput,
  data: CitationsFile,
  on: (purpose: string, date: string) => CitationEntry,
): CitationEntry | null {
  const { state, fields, today } = input;
  const purpose = 'detentionReferral';
  const items = Object.entries(data.purposes[purpose]?.items ?? {});
  const typed =
    fields[detentionGroundKey]?.trim() ||
    latestDocument(state, (d) => d.type === docType.detentionReferralApproval)?.fields[detentionGroundKey]?.trim() ||
    '';
  if (typed) {
    const label = parseChoice(
      detentionGroundKey,
      '适用拘留的情形',
      typed,
      items.map(([, it]) => it.label),
    );
    return on(`${purpose}.${items.find(([, it]) => it.label === label)![0]}`, today);
  }
  const byClause = itemForArticle(
    data,
    purpose,
    today,
    state.violation.penaltyArticle.law,
    state.violation.penaltyArticle.article,
  );
  if (byClause) return on(`${purpose}.${byClause}`, today);
  const general = data.purposes[purpose]?.entries.find((e) => e.from <= today && (e.to === null || today <= e.to));
  return general ?? null;
}
