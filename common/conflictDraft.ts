/**
 * An action's typed data (the `data` of cases.act, as the event keeps it) turned back into the values
 * of its form, so that an action another desk's earlier work made unlawful becomes a draft of that
 * form (drafts.*) and the form restores it when the clerk opens it again. Forms hold strings and
 * ticks: a figure becomes its digits, an empty optional figure an empty box, a structured value (the
 * discretion worked out) its JSON, which the form reads back the same way.
 */
export type DraftFormValues = Record<string, string | boolean>;

export function formValuesOfData(data: unknown): DraftFormValues {
  const out: DraftFormValues = {};
  if (!data || typeof data !== 'object' || Array.isArray(data)) return out;
  for (const [key, v] of Object.entries(data as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'boolean') out[key] = v;
    else if (typeof v === 'number') out[key] = Number.isFinite(v) ? String(v) : '';
    else if (v === null || v === undefined) out[key] = '';
    else out[key] = JSON.stringify(v);
  }
  return out;
}
