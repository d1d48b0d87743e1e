/**
 * The kinds of reference data the province publishes that a workstation applies, and the check both
 * ends run on a payload (the server before it publishes, the workstation before it applies): a version
 * that fails is refused with the Chinese reason and changes nothing.
 */
import { z } from 'zod';
import { calendarYear, type CalendarYearInput } from '../schemas/calendar.js';
import { discretionBenchmark, type DiscretionBenchmark } from '../schemas/discretion.js';
import { industryChecklists, type IndustryChecklists } from '../schemas/industryChecklists.js';
import { isoDate } from '../schemas/primitives.js';

export const calendarKinds = new Set(['calendar', 'calendars']);

/** A holiday calendar's payload: the year as `calendar.import` takes it (or wrapped as `{ calendar }`). */
export function parseCalendarPayload(
  version: string,
  payload: unknown,
): { ok: true; calendar: CalendarYearInput } | { ok: false; reason: string } {
  const inner =
    payload && typeof payload === 'object' && 'calendar' in payload
      ? (payload as { calendar: unknown }).calendar
      : payload;
  const r = calendarYear.safeParse(inner);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return { ok: false, reason: `节假日日历内容有误：${i.path.length ? `${i.path.join('.')}：` : ''}${i.message}` };
  }
  if (/^\d{4}$/.test(version) && Number(version) !== r.data.year)
    return { ok: false, reason: `节假日日历的版本号 ${version} 与其中的年份 ${r.data.year} 不一致` };
  return { ok: true, calendar: r.data };
}

/** The kinds a workstation applies, by every name the province publishes them under. */
export type AppliedKind =
  | 'calendar'
  | 'violationTypes'
  | 'laws'
  | 'templates'
  | 'enterprises'
  | 'procedures'
  | 'checklists';
const kindAliases: Record<string, AppliedKind> = {
  calendar: 'calendar',
  calendars: 'calendar',
  violationTypes: 'violationTypes',
  'violation-types': 'violationTypes',
  discretion: 'violationTypes',
  laws: 'laws',
  templates: 'templates',
  template: 'templates',
  enterprises: 'enterprises',
  procedures: 'procedures',
  procedure: 'procedures',
  checklists: 'checklists',
  'industry-checklists': 'checklists',
  industryChecklists: 'checklists',
};
export const appliedKind = (kind: string): AppliedKind | null => kindAliases[kind] ?? null;

/** The names people read, for 同步's “what changed”. */
export const appliedKindNames: Record<AppliedKind, string> = {
  calendar: '节假日日历',
  violationTypes: '违法行为类型',
  laws: '法律法规',
  templates: '文书模板',
  enterprises: '企业名录',
  procedures: '办案程序',
  checklists: '行业检查要点',
};

/** Law texts as laws.import takes them (Markdown), or a map of file name to text. */
const lawsPayload = z.union([
  z.object({
    files: z
      .array(z.object({ name: z.string().min(1).max(200), content: z.string().min(1).max(8_000_000) }))
      .min(1)
      .max(500),
    effectiveFrom: isoDate.optional(),
  }),
  z.record(z.string().min(1).max(200), z.string().max(8_000_000)),
]);
export interface LawsPayload {
  files: Array<{ name: string; content: string }>;
  effectiveFrom?: string;
}

/** Template versions as templates.import takes them (.docx in Base64), or a map of file name or type id to Base64. */
const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, '不是Base64编码的文件')
  .max(14_000_000);
const templatesPayload = z.union([
  z.object({
    templates: z
      .array(
        z.object({ type: z.string().min(1).max(100), fileName: z.string().max(200).optional(), contentBase64: base64 }),
      )
      .min(1)
      .max(200),
  }),
  z.record(z.string().min(1).max(200), base64),
]);
export interface TemplatesPayload {
  templates: Array<{ type: string; fileName?: string; contentBase64: string }>;
}

/** The directory's rows in the columns of `header` (a provincial export's header row). */
const enterprisesPayload = z.object({
  header: z.array(z.string().max(100)).min(1).max(100),
  rows: z.array(z.array(z.union([z.string().max(2000), z.number()])).max(100)).max(200_000),
});
export type EnterprisesPayload = z.infer<typeof enterprisesPayload>;

/** A discretion benchmark (its types, bands and factors), as resources/discretion/violations.json, or wrapped as `{ benchmark }`. */
const violationTypesPayload = z.union([z.object({ benchmark: discretionBenchmark }), discretionBenchmark]);

/**
 * Procedure versions as the loader reads resources/procedures/*.json — each a full definition or the
 * changes to another version (`{ extends, changes }`): one bare, `{ definition }`, or a set published
 * together `{ definitions: […] }` (installed all or none). The content is checked by the domain's own
 * check (main/core/domain/procedure/published.ts) on both ends.
 */
const procedureJson = z.record(z.string(), z.unknown());
const proceduresPayload = z.union([
  z.object({ definitions: z.array(procedureJson).min(1).max(50) }).strict(),
  z.object({ definition: procedureJson }).strict(),
]);
export interface ProceduresPayload {
  definitions: Array<Record<string, unknown>>;
}

export interface AppliedPayloads {
  calendar: CalendarYearInput;
  violationTypes: DiscretionBenchmark;
  laws: LawsPayload;
  templates: TemplatesPayload;
  enterprises: EnterprisesPayload;
  procedures: ProceduresPayload;
  /** A whole set, as resources/industry-checklists/checklists.json: the newest version is offered. */
  checklists: IndustryChecklists;
}

function issueText(what: string, e: z.ZodError): string {
  const i = e.issues[0]!;
  return `${what}数据格式有误：${i.path.length ? `${i.path.join('.')}：` : ''}${i.message}`;
}

/** A payload of a kind the workstation applies, checked for its shape (the content is checked by the import it goes through). */
export function parseReferencePayload<K extends AppliedKind>(
  kind: K,
  version: string,
  payload: unknown,
): { ok: true; value: AppliedPayloads[K] } | { ok: false; reason: string } {
  const name = appliedKindNames[kind];
  const fail = (e: z.ZodError) => ({ ok: false as const, reason: issueText(name, e) });
  switch (kind) {
    case 'calendar': {
      const r = parseCalendarPayload(version, payload);
      return r.ok ? { ok: true, value: r.calendar as AppliedPayloads[K] } : r;
    }
    case 'violationTypes': {
      const r = violationTypesPayload.safeParse(payload);
      if (!r.success) return fail(r.error);
      const value = 'benchmark' in r.data ? r.data.benchmark : r.data;
      return { ok: true, value: value as AppliedPayloads[K] };
    }
    case 'laws': {
      const r = lawsPayload.safeParse(payload);
      if (!r.success) return fail(r.error);
      const value: LawsPayload =
        'files' in r.data && Array.isArray(r.data.files)
          ? (r.data as LawsPayload)
          : { files: Object.entries(r.data as Record<string, string>).map(([n, content]) => ({ name: n, content })) };
      if (!value.files.length) return { ok: false, reason: `${name}数据中没有法律文本` };
      return { ok: true, value: value as AppliedPayloads[K] };
    }
    case 'templates': {
      const r = templatesPayload.safeParse(payload);
      if (!r.success) return fail(r.error);
      const value: TemplatesPayload =
        'templates' in r.data && Array.isArray(r.data.templates)
          ? (r.data as TemplatesPayload)
          : {
              templates: Object.entries(r.data as Record<string, string>).map(([k, contentBase64]) => ({
                type: k.replace(/\.docx$/i, ''),
                fileName: /\.docx$/i.test(k) ? k : `${k}.docx`,
                contentBase64,
              })),
            };
      if (!value.templates.length) return { ok: false, reason: `${name}数据中没有模板` };
      return { ok: true, value: value as AppliedPayloads[K] };
    }
    case 'enterprises': {
      const r = enterprisesPayload.safeParse(payload);
      return r.success ? { ok: true, value: r.data as AppliedPayloads[K] } : fail(r.error);
    }
    case 'procedures': {
      const wrapped = payload && typeof payload === 'object' && ('definitions' in payload || 'definition' in payload);
      const r = wrapped ? proceduresPayload.safeParse(payload) : procedureJson.safeParse(payload);
      if (!r.success) return fail(r.error);
      const d = r.data as { definitions?: ProceduresPayload['definitions']; definition?: Record<string, unknown> };
      const value: ProceduresPayload = {
        definitions: wrapped ? (d.definitions ?? [d.definition!]) : [r.data as Record<string, unknown>],
      };
      return { ok: true, value: value as AppliedPayloads[K] };
    }
    case 'checklists': {
      const r = industryChecklists.safeParse(payload);
      if (!r.success) return fail(r.error);
      if (r.data.version !== version)
        return { ok: false, reason: `${name}的版本号 ${version} 与其中的版本 ${r.data.version} 不一致` };
      if (!r.data.checklists.length) return { ok: false, reason: `${name}数据中没有任何行业的检查要点` };
      return { ok: true, value: r.data as AppliedPayloads[K] };
    }
  }
  return { ok: false, reason: `无法识别的参考数据种类：${kind}` };
}

/** Why a payload of this kind cannot be published or applied, or null. Kinds not applied by workstations are not checked. */
export function referenceProblem(kind: string, version: string, payload: unknown): string | null {
  const k = appliedKind(kind);
  if (!k) return null;
  const r = parseReferencePayload(k, version, payload);
  return r.ok ? null : r.reason;
}
