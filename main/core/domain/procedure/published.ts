/**
 * The check a new procedure version passes before anyone uses it — the province's server before it
 * publishes, the workstation before it installs (a published version at sync, or a local
 * procedures.import): the same code on both ends, so a version the server accepted is one every
 * workstation accepts.
 *
 * A version is given as the loader reads it from resources/procedures: a full definition, or changes
 * to another version (overlay.ts) — resolved against the versions already known and the others given
 * with it, then parsed and checked by `checkDefinition` exactly as at start-up. Versions are immutable
 * (a case records the version it was opened under): a known `id@version` given again with the same
 * content is "the same", with other content it is refused. Pure: no I/O; the caller stores the JSON.
 */
import { actionForms } from '#common/schemas/actions.js';
import { documentTypes } from '#common/documentTypes.js';
import { checkDefinition } from './checkDefinition.js';
import { procedureDefinition, type ProcedureDefinition } from './definition.js';
import { knownGuards } from './guards.js';
import { isOverlay, resolveProcedureFiles, type ProcedureFile } from './overlay.js';

const knownForms = new Set(Object.keys(actionForms));
const knownDocuments = new Set<string>(documentTypes);

/** The structural problems of a definition: the checker with the guards, forms and document types the code knows. */
export function definitionProblems(def: ProcedureDefinition): string[] {
  return checkDefinition(def, knownGuards, knownForms, knownDocuments);
}

export interface CheckedVersion {
  definition: ProcedureDefinition;
  /** The full definition to store (an overlay resolved): what the loader reads back at the next start. */
  json: Record<string, unknown>;
}

export type ProcedureVersionsCheck =
  | { ok: true; added: CheckedVersion[]; same: ProcedureDefinition[] }
  | { ok: false; reason: string; problems: string[] };

/** JSON with every object's keys sorted: two definitions are the same when their texts are. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function labelOf(json: unknown, i: number): string {
  const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const changes = (o.changes && typeof o.changes === 'object' ? o.changes : {}) as Record<string, unknown>;
  if (typeof o.id === 'string' && typeof o.version === 'string') return `${o.id}@${o.version}`;
  if (typeof o.extends === 'string' && typeof changes.version === 'string')
    return `${o.extends.split('@')[0]}@${changes.version}`;
  return `第${i + 1}个程序定义`;
}

const refuse = (reason: string, problems: string[] = [reason]): ProcedureVersionsCheck => ({
  ok: false,
  reason,
  problems,
});

/**
 * Checks the versions given (all or none: one that fails refuses the set) against the versions
 * `known` by `id@version`. Returns the new ones, resolved and parsed, and those already known alike.
 */
export function checkProcedureVersions(
  known: ReadonlyMap<string, ProcedureDefinition>,
  items: readonly unknown[],
): ProcedureVersionsCheck {
  if (!items.length) return refuse('没有程序定义');
  const given: ProcedureFile[] = items.map((json, i) => ({ name: labelOf(json, i), json }));
  const base: ProcedureFile[] = [...known.entries()].map(([key, def]) => ({ name: key, json: def }));
  let resolved: ProcedureFile[];
  try {
    // The known versions first: a version given with the set replaces a known one of the same key
    // only for resolving; being different from it is refused below.
    resolved = resolveProcedureFiles([...base, ...given]).slice(base.length);
  } catch (e) {
    return refuse((e as Error).message);
  }
  const added: CheckedVersion[] = [];
  const same: ProcedureDefinition[] = [];
  const seen = new Set<string>();
  for (const [i, f] of resolved.entries()) {
    const parsed = procedureDefinition.safeParse(f.json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((x) => `${x.path.join('.') || '（根）'}：${x.message}`);
      return refuse(`程序定义 ${f.name} 格式有误：${issues.join('；')}`, issues);
    }
    const def = parsed.data;
    const key = `${def.id}@${def.version}`;
    if (seen.has(key)) return refuse(`程序“${def.name}”的版本 ${def.version} 重复出现`);
    seen.add(key);
    const problems = definitionProblems(def);
    if (problems.length) return refuse(`程序定义“${def.name}” ${def.version} 版有误：${problems.join('；')}`, problems);
    const old = known.get(key);
    if (old) {
      if (canonical(old) !== canonical(def))
        return refuse(
          `程序“${def.name}”的版本 ${def.version} 已存在且内容不同：已使用的版本不能修改（在办案件按它办理），请使用新的版本号`,
        );
      same.push(def);
      continue;
    }
    const json = isOverlay(items[i]) ? (f.json as Record<string, unknown>) : (items[i] as Record<string, unknown>);
    added.push({ definition: def, json });
  }
  return { ok: true, added, same };
}
