/**
 * What a clerk can get wrong in a form and the law cannot print: the end of a span before its start
 * (a 笔录 printed 9时00分至8时00分), a payment above what is owed (the 结案审批表 then said 已全额缴纳),
 * a step dated before a step it follows. Pure rules, shared by the core (which refuses) and the
 * renderer (which shows the same message at the field before submitting). Each problem names its field.
 */
import { toCents, yuanInText } from './money.js';
import { futureDateFields } from './schemas/actions.js';

export interface FieldProblem {
  /** The form field the message belongs to. */
  field: string;
  message: string;
}

interface SpanField {
  key: string;
  label: string;
  source?: string;
  input?: string | undefined;
}

/** A span is written as `<x>Time` or `<x>Start` and `<x>End` (检查开始时间 / 检查结束时间 …). */
const spanEnd = /^(.+)End$/;

/** The start and end fields of every span among a template's input fields. */
export function timeSpans<F extends SpanField>(fields: readonly F[]): Array<{ from: F; to: F }> {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  return fields.flatMap((to) => {
    const m = spanEnd.exec(to.key);
    if (!m) return [];
    const from = byKey.get(`${m[1]}Time`) ?? byKey.get(`${m[1]}Start`);
    return from ? [{ from, to }] : [];
  });
}

/** 2026-12-07T09:00 / 2026-12-07 09:00 / 2026-12-07 → a string that sorts in time order, or null. */
function instant(v: string | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2}))?/.exec((v ?? '').trim());
  if (!m) return null;
  return `${m[1]}T${(m[2] ?? '00').padStart(2, '0')}:${m[3] ?? '00'}`;
}

const shown = (v: string): string => v.trim().replace('T', ' ');

/** Every span whose end lies before its start, as a problem of the end field. */
export function timeSpanProblems(fields: readonly SpanField[], values: Record<string, string | undefined>) {
  const problems: FieldProblem[] = [];
  for (const { from, to } of timeSpans(fields)) {
    const a = instant(values[from.key]);
    const b = instant(values[to.key]);
    if (a && b && b < a)
      problems.push({
        field: to.key,
        message: `${to.label}（${shown(values[to.key] ?? '')}）早于${from.label}（${shown(values[from.key] ?? '')}），请更正`,
      });
  }
  return problems;
}

/** The action forms whose field is a payment of the fine, and which field it is. */
export const paymentFields: Readonly<Record<string, string>> = { payment: 'amount' };

export interface PaymentState {
  decision: { fine: number } | null;
  payments: ReadonlyArray<{ amount: number }>;
  /** 加处罚款 owed today (处罚法 art. 72), paid with the fine; the case view's `surcharge`. */
  surcharge?: { amount: number } | null;
}

/** A payment above what is still owed of the fine and any 加处罚款 (compared in whole cents). */
export function paymentProblems(form: string, data: Record<string, unknown>, state: PaymentState): FieldProblem[] {
  const field = paymentFields[form];
  const amount = field ? data[field] : undefined;
  if (!field || typeof amount !== 'number' || !Number.isFinite(amount)) return [];
  const fine = state.decision?.fine ?? 0;
  const paidCents = state.payments.reduce((s, p) => s + toCents(p.amount), 0);
  const extraCents = state.surcharge ? toCents(state.surcharge.amount) : 0;
  const owedCents = Math.max(0, toCents(fine) + extraCents - paidCents);
  if (toCents(amount) <= owedCents) return [];
  const owed = owedCents / 100;
  const extra = extraCents ? `，加处罚款${yuanInText(extraCents / 100)}` : '';
  return [
    {
      field,
      message:
        owedCents === 0
          ? `罚款${yuanInText(fine)}已缴清，不能再登记缴款${yuanInText(amount)}`
          : `缴款金额${yuanInText(amount)}超过尚欠罚款${yuanInText(owed)}（罚款${yuanInText(fine)}${extra}，已缴${yuanInText(paidCents / 100)}），请核对缴款凭证`,
    },
  ];
}

/** A date a step records (`…On`, and the defence's `on`), as opposed to one it sets ahead (期限). */
export const isStepDate = (key: string): boolean => (key === 'on' || /On$/.test(key)) && !futureDateFields.has(key);

export interface PriorStep {
  track: string;
  action: string;
  data: Record<string, unknown>;
}

/**
 * A date typed in a step may not lie before a date recorded by an earlier step of the same track
 * (the party cannot pay before the decision was served, a hearing is not held before it was
 * notified). `label(key)` names a field, `stepName(action)` an earlier step. The latest earlier date wins.
 */
export function stepDateProblems(
  data: Record<string, unknown>,
  track: string,
  steps: readonly PriorStep[],
  label: (key: string) => string,
  stepName: (action: string) => string | null,
): FieldProblem[] {
  let latest: { date: string; key: string; action: string } | null = null;
  for (const s of steps) {
    if (s.track !== track) continue;
    for (const [key, v] of Object.entries(s.data))
      if (isStepDate(key) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && (!latest || v >= latest.date))
        latest = { date: v, key, action: s.action };
  }
  if (!latest) return [];
  const before = latest;
  const name = stepName(before.action);
  const where = name ? `此前“${name}”` : '此前步骤';
  return Object.entries(data).flatMap(([key, v]) =>
    isStepDate(key) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v < before.date
      ? [
          {
            field: key,
            message: `${label(key)}（${v}）早于${where}记录的${label(before.key)}（${before.date}），请核对日期`,
          },
        ]
      : [],
  );
}

/** Ordered date pairs inside one action form: the first may not lie after the second. */
export const formDateOrder: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  hearingNotice: [['notifiedOn', 'hearingOn']],
  correctionService: [['servedOn', 'correctBy']],
  dailyOrderService: [
    ['orderedOn', 'servedOn'],
    ['servedOn', 'correctBy'],
  ],
};

export function formDateProblems(
  form: string,
  data: Record<string, unknown>,
  label: (key: string) => string,
): FieldProblem[] {
  return (formDateOrder[form] ?? []).flatMap(([a, b]) => {
    const x = data[a];
    const y = data[b];
    return typeof x === 'string' && typeof y === 'string' && x && y && y < x
      ? [{ field: b, message: `${label(b)}（${y}）早于${label(a)}（${x}），请更正` }]
      : [];
  });
}
