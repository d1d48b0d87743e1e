/**
 * The law a case rests on (处罚法 art. 37; 生态环境法典 art. 1057: 从旧兼从轻). The provision in force on
 * the day of the act applies, unless at decision it has been amended or repealed and the new one
 * punishes more lightly or no longer punishes the conduct. "Lighter" is decided on the case's own
 * figures: 1%–5% of an investment of 1亿 (100万–500万) is heavier than the Code's 20万–100万, but 1%–5%
 * of 200万 is lighter than 10万–50万. When a figure is missing the law of the act's day is kept and the
 * result asks for it, never guessing. Pure: dates come in as arguments.
 */
import { bandBaseLabel, bandLimits, bandText } from '#common/fineBands.js';
import type { LawFigures, LegalBasis, ProvisionView, TemporalRules } from '#common/schemas/legalBasis.js';
import type { FineBand, ViolationType } from '#common/schemas/reference.js';
import { chineseDate } from '../dates.js';
import { typeStandingOn, type Standing, type TypeIndex } from './standingType.js';
import { comparisonStatement } from './statement.js';

export interface LegalBasisQuery {
  chosen: ViolationType;
  /** The day of the act, or of its end when it continued. */
  actOn: string;
  continuing: boolean;
  decisionOn: string;
  figures: LawFigures;
}

export function provisionView(type: ViolationType, figures: LawFigures): ProvisionView {
  const aggravated = Boolean(figures.aggravated && type.aggravated);
  const band: FineBand = aggravated ? type.aggravated!.band : type.band;
  const label = bandBaseLabel(band);
  const base = label ? (figures.amounts[label] ?? null) : null;
  const limits = bandLimits(band, base);
  return {
    typeId: type.id,
    typeName: type.name,
    breached: type.breached,
    penaltyArticle: type.penaltyArticle,
    citation: `${type.penaltyArticle.law}${type.penaltyArticle.article}`,
    band,
    bandText: bandText(band),
    aggravated,
    penaltyText: type.penaltyText,
    yuan: limits.ok
      ? { ok: true, min: limits.min, max: limits.max, basis: limits.basis }
      : { ok: false, problem: limits.problem },
  };
}

/** −1: a is lighter; 1: b is; 0: the same; null when a figure is missing. A lower ceiling is lighter; then a lower floor. */
function lighter(a: ProvisionView, b: ProvisionView): -1 | 0 | 1 | null {
  if (!a.yuan.ok || !b.yuan.ok) return null;
  if (a.yuan.max !== b.yuan.max) return a.yuan.max < b.yuan.max ? -1 : 1;
  if (a.yuan.min !== b.yuan.min) return a.yuan.min < b.yuan.min ? -1 : 1;
  return 0;
}

function sourcesOn(rules: TemporalRules['lighterLaw'] | TemporalRules['actDate'], date: string): string[] {
  return rules.sources.filter((s) => s.effectiveFrom <= date).map((s) => `${s.law}${s.article}`);
}

function mappingOf(s: Standing): LegalBasis['mapping'] {
  const via = s.kind === 'none' ? null : s.via;
  return via ? { relation: via.relation, verified: via.verified, note: via.note } : null;
}

export function resolveLegalBasis(index: TypeIndex, rules: TemporalRules, q: LegalBasisQuery): LegalBasis {
  const basis = sourcesOn(rules.lighterLaw, q.decisionOn);
  const actDateNote = q.continuing
    ? `${rules.actDate.text}（${sourcesOn(rules.actDate, q.decisionOn).join('、')}），本案以${chineseDate(q.actOn)}为违法行为发生之日`
    : `违法行为发生于${chineseDate(q.actOn)}`;
  const base = {
    actOn: q.actOn,
    actDateNote,
    decisionOn: q.decisionOn,
    basis,
    candidates: [] as LegalBasis['candidates'],
  };
  const view = (t: ViolationType): ProvisionView => provisionView(t, q.figures);
  const listed = (types: ViolationType[]): LegalBasis['candidates'] =>
    types.map((t) => ({
      typeId: t.id,
      typeName: t.name,
      citation: `${t.penaltyArticle.law}${t.penaltyArticle.article}`,
    }));

  if (q.decisionOn < q.actOn) {
    return {
      ...base,
      rule: 'undecided',
      atAct: null,
      atDecision: null,
      applied: null,
      mapping: null,
      statement: '',
      needsReview: true,
      reason: `作出决定的日期（${q.decisionOn}）早于违法行为发生之日（${q.actOn}），请核对日期`,
    };
  }
  const atActStanding = typeStandingOn(index, q.chosen, q.actOn, q.figures.counterpartId);
  if (atActStanding.kind !== 'type') {
    const why =
      atActStanding.kind === 'none'
        ? atActStanding.why
        : atActStanding.kind === 'choice'
          ? `违法行为发生时有多个对应条文（${listed(atActStanding.types)
              .map((c) => c.citation)
              .join('、')}），请选择与本案违法行为相符的一项`
          : '违法行为发生时的规定不认为该行为违法';
    return {
      ...base,
      rule: atActStanding.kind === 'not-illegal' ? 'not-illegal' : 'undecided',
      atAct: null,
      atDecision: null,
      applied: null,
      candidates: atActStanding.kind === 'choice' ? listed(atActStanding.types) : [],
      mapping: mappingOf(atActStanding),
      statement: '',
      needsReview: true,
      reason: why,
    };
  }
  const old = view(atActStanding.type);
  const laterStanding = typeStandingOn(index, q.chosen, q.decisionOn, q.figures.counterpartId ?? q.chosen.id);
  const later =
    laterStanding.kind === 'type' && laterStanding.type.id === q.chosen.id
      ? laterStanding
      : typeStandingOn(index, atActStanding.type, q.decisionOn, q.figures.counterpartId ?? q.chosen.id);
  const mapping = mappingOf(later) ?? mappingOf(atActStanding);

  if (later.kind === 'not-illegal') {
    return {
      ...base,
      rule: 'not-illegal',
      atAct: old,
      atDecision: null,
      applied: null,
      mapping,
      needsReview: !later.via.verified,
      statement: `${actDateNote}。作出处罚决定时，新的规定已不认为该行为违法，依照${basis.join('、')}的规定，不予行政处罚。`,
      reason: '作出决定时新的规定不认为该行为违法',
    };
  }
  if (later.kind !== 'type') {
    const why =
      later.kind === 'choice'
        ? `${old.citation}已由多个条文取代（${listed(later.types)
            .map((c) => c.citation)
            .join('、')}），请选择与本案违法行为相符的一项后再比较轻重`
        : later.why;
    return {
      ...base,
      rule: 'undecided',
      atAct: old,
      atDecision: null,
      applied: old,
      mapping,
      statement: '',
      needsReview: true,
      candidates: later.kind === 'choice' ? listed(later.types) : [],
      reason: `${why}；暂按违法行为发生时的规定`,
    };
  }
  if (later.type.id === atActStanding.type.id) {
    return {
      ...base,
      rule: 'in-force',
      atAct: old,
      atDecision: old,
      applied: old,
      mapping: null,
      statement: '',
      needsReview: false,
      reason: `违法行为发生时至作出决定时，${old.citation}均有效，适用该规定`,
    };
  }
  const current = view(later.type);
  const cmp = lighter(current, old);
  if (cmp === null) {
    const missing = [old, current].flatMap((p) => (p.yuan.ok ? [] : [p.yuan.problem]));
    return {
      ...base,
      rule: 'undecided',
      atAct: old,
      atDecision: current,
      applied: old,
      mapping,
      statement: '',
      needsReview: true,
      reason: `比较新旧规定的轻重需要本案的数额：${[...new Set(missing)].join('；')}。暂按违法行为发生时的规定`,
    };
  }
  const newer = cmp < 0;
  const applied = newer ? current : old;
  return {
    ...base,
    rule: newer ? 'new-law-lighter' : 'old-law',
    atAct: old,
    atDecision: current,
    applied,
    mapping,
    needsReview: Boolean(mapping && !mapping.verified),
    statement: comparisonStatement({ actDateNote, old, current, newer, basis }),
    reason: newer
      ? `新的规定（${current.citation}）处罚较轻，适用新的规定`
      : `新的规定（${current.citation}）不轻于违法行为发生时的规定，适用${old.citation}`,
  };
}
