/**
 * Reads an action form's zod schema (common/schemas/actions.ts) as a list of fields the UI can
 * draw: the label comes from `.describe()`, the kind from the schema, the default from `.default()`.
 * One source for the form's shape, so the dialog and the core can never disagree.
 */
import type { z } from 'zod';

export type FieldKind = 'text' | 'longText' | 'date' | 'number' | 'boolean' | 'mustConfirm' | 'choice' | 'document';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  options: string[];
  initial: string | boolean;
  optional: boolean;
}

interface Def {
  type: string;
  innerType?: Schema;
  defaultValue?: unknown;
  values?: unknown[];
  entries?: Record<string, string>;
  checks?: Array<{ _zod?: { def?: { check?: string; maximum?: number } } }>;
}
interface Schema {
  _zod: { def: Def };
  description?: string;
}

const dateKey = (key: string): boolean => /On$/.test(key) || key === 'correctBy';
/** The document a service is of: chosen from the case's documents (its type id is sent), never typed. */
const documentKey = (key: string): boolean => key === 'servedDocument';

export function fieldsOf(schema: z.ZodType): FieldSpec[] {
  const shape = (schema as unknown as { shape?: Record<string, Schema> }).shape ?? {};
  return Object.entries(shape).map(([key, outer]) => {
    let s: Schema = outer;
    let initial: unknown;
    let optional = false;
    while (s._zod.def.innerType) {
      if (s._zod.def.type === 'default') initial = s._zod.def.defaultValue;
      if (s._zod.def.type === 'nullable' || s._zod.def.type === 'optional') optional = true;
      s = s._zod.def.innerType;
    }
    const def = s._zod.def;
    const label = outer.description ?? s.description ?? key;
    let kind: FieldKind = 'text';
    let options: string[] = [];
    if (def.type === 'boolean') kind = 'boolean';
    else if (def.type === 'literal') kind = 'mustConfirm';
    else if (def.type === 'number') kind = 'number';
    else if (def.type === 'enum') {
      kind = 'choice';
      options = Object.values(def.entries ?? {}).map(String);
    } else if (dateKey(key)) kind = 'date';
    else if (documentKey(key)) kind = 'document';
    else {
      const max = (def.checks ?? []).map((c) => c._zod?.def?.maximum).find((m) => typeof m === 'number');
      kind = max !== undefined && max <= 200 ? 'text' : 'longText';
    }
    const init =
      kind === 'boolean'
        ? Boolean(initial)
        : kind === 'mustConfirm'
          ? false
          : initial == null
            ? kind === 'choice'
              ? (options[0] ?? '')
              : ''
            : String(initial);
    return { key, label, kind, options, initial: init, optional };
  });
}

/** The form's values as the schema expects them: numbers as numbers, empty optional numbers as null. */
export function dataOf(fields: FieldSpec[], values: Record<string, string | boolean>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (f.kind === 'boolean' || f.kind === 'mustConfirm') out[f.key] = v === true;
    else if (f.kind === 'number') {
      const t = typeof v === 'string' ? v.trim().replace(/,/g, '') : '';
      out[f.key] = t === '' ? (f.optional ? null : undefined) : Number(t);
    } else out[f.key] = typeof v === 'string' ? v.trim() : '';
  }
  return out;
}
