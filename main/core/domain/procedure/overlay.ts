/**
 * A procedure version written as the changes to the version before it, so that a new version is a
 * short file a reviewer can read, not a full copy where a changed line hides among a thousand:
 *
 *   { "extends": "ordinary@2026.1", "changes": { "version": "2026.2", "nodes": { … }, … } }
 *
 * `changes` is a JSON Merge Patch (RFC 7396) of the base definition — an object merges key by key,
 * `null` removes a key, anything else (a string, a number, a list) replaces — with one addition for
 * the lists whose items have ids (`phases`, `nodes`, `actions`, `deadlines`): such a list may be
 * patched by an object keyed by id. An existing item is merge-patched, `null` removes it, a new id
 * adds the item (its `id` comes from the key). Kept items stay in their order and new ones follow in
 * the order written, unless `"$order": [ids]` lists the whole result in its order. A list given as a
 * list replaces the base's list, as in RFC 7396.
 *
 * Hand-written rather than a merge-patch library: the keyed lists are the point, and plain RFC 7396
 * is ten lines. Pure: files are read by the loader (services.ts `loadProcedures`), which parses and
 * checks (`checkDefinition`) the resolved definition like any other.
 */
import { z } from 'zod';
import { compareVersions } from './versions.js';

/** Lists of items with an `id` that a patch may address by id. */
export const keyedLists = ['phases', 'nodes', 'actions', 'deadlines'] as const;

/** The key a keyed-list patch uses to give the order of the whole result. */
export const orderKey = '$order';

export const procedureOverlay = z.object({
  $comment: z.string().optional(),
  /** `id@version` of the definition these changes apply to (shipped, or itself an overlay). */
  extends: z.string().regex(/^[^@\s]+@[^@\s]+$/, '须为“程序编号@版本”'),
  changes: z.record(z.string(), z.unknown()),
});
export type ProcedureOverlay = z.infer<typeof procedureOverlay>;

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when a parsed file is an overlay rather than a full definition. */
export const isOverlay = (json: Json): boolean => isObject(json) && 'extends' in json;

/** RFC 7396 section 2: MergePatch(target, patch). */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete result[k];
    else result[k] = mergePatch(result[k], v);
  }
  return result;
}

/** Patches a list of items with ids by an object keyed by id (see the top of the file). */
function patchKeyedList(list: Json, patch: JsonObject, where: string): JsonObject[] {
  if (!Array.isArray(list) || !list.every((x) => isObject(x) && typeof x.id === 'string'))
    throw new Error(`${where}：原版本中不是带编号（id）的列表，不能按编号修改`);
  const items = new Map<string, JsonObject>((list as JsonObject[]).map((x) => [x.id as string, x]));
  const order = [...items.keys()];
  for (const [id, change] of Object.entries(patch)) {
    if (id === orderKey) continue;
    const old = items.get(id);
    if (change === null) {
      if (!old) throw new Error(`${where}：要删除的 ${id} 在原版本中不存在`);
      items.delete(id);
      order.splice(order.indexOf(id), 1);
      continue;
    }
    if (!isObject(change)) throw new Error(`${where}.${id}：须为对象（或 null 表示删除）`);
    if ('id' in change && change.id !== id) throw new Error(`${where}.${id}：不能更改编号（id）`);
    if (old) items.set(id, mergePatch(old, change) as JsonObject);
    else {
      items.set(id, mergePatch({ id }, change) as JsonObject);
      order.push(id);
    }
  }
  const explicit = patch[orderKey];
  if (explicit === undefined) return order.map((id) => items.get(id)!);
  if (!Array.isArray(explicit) || !explicit.every((x) => typeof x === 'string'))
    throw new Error(`${where}.${orderKey}：须为编号列表`);
  const listed = new Set(explicit);
  const missing = order.filter((id) => !listed.has(id));
  const unknown = explicit.filter((id) => !items.has(id));
  if (missing.length || unknown.length || listed.size !== explicit.length)
    throw new Error(
      `${where}.${orderKey}：须恰好列出结果中的每一项各一次${missing.length ? `（缺少 ${missing.join('、')}）` : ''}${
        unknown.length ? `（不存在 ${unknown.join('、')}）` : ''
      }`,
    );
  return explicit.map((id) => items.get(id)!);
}

/** The base definition with the overlay's changes applied. Throws a Chinese message on a bad patch. */
export function applyOverlay(base: JsonObject, overlay: ProcedureOverlay): JsonObject {
  const lists: Partial<Record<string, JsonObject>> = {};
  const rest: JsonObject = {};
  for (const [k, v] of Object.entries(overlay.changes)) {
    if ((keyedLists as readonly string[]).includes(k) && isObject(v)) lists[k] = v;
    else rest[k] = v;
  }
  const result = mergePatch(base, rest) as JsonObject;
  for (const [k, patch] of Object.entries(lists)) result[k] = patchKeyedList(base[k], patch!, k);
  if (result.id !== base.id) throw new Error(`不能更改程序编号（${String(base.id)} → ${String(result.id)}）`);
  if (typeof result.version !== 'string' || compareVersions(result.version, String(base.version)) <= 0)
    throw new Error(`版本号须新于所基于的版本 ${String(base.version)}（changes.version）`);
  return result;
}

export interface ProcedureFile {
  /** File name, for messages. */
  name: string;
  json: Json;
}

/**
 * Resolves every overlay among `files` against the definitions in `files` (in any order; an overlay
 * may extend another overlay). Returns the full definitions, one per file, in the order given; the
 * caller parses and checks them. Throws, naming the file, on an unknown base, a cycle or a bad patch.
 */
export function resolveProcedureFiles(files: readonly ProcedureFile[]): ProcedureFile[] {
  const keyOf = (json: Json): string | null =>
    isObject(json) && typeof json.id === 'string' && typeof json.version === 'string'
      ? `${json.id}@${json.version}`
      : null;
  const full = new Map<string, JsonObject>();
  for (const f of files) {
    const key = keyOf(f.json);
    if (key && !isOverlay(f.json)) full.set(key, f.json as JsonObject);
  }
  const overlays = files.filter((f) => isOverlay(f.json));
  const resolved = new Map<ProcedureFile, JsonObject>();
  const resolving = new Set<ProcedureFile>();
  const resolve = (f: ProcedureFile): JsonObject => {
    const done = resolved.get(f);
    if (done) return done;
    const parsed = procedureOverlay.safeParse(f.json);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new Error(`程序定义 ${f.name} 的修改格式有误：${i.path.join('.') || '（根）'} ${i.message}`);
    }
    if (resolving.has(f)) throw new Error(`程序定义 ${f.name} 循环引用（extends）`);
    resolving.add(f);
    const baseKey = parsed.data.extends;
    const baseOverlay = overlays.find((o) => o !== f && overlayKey(o) === baseKey);
    const base = full.get(baseKey) ?? (baseOverlay ? resolve(baseOverlay) : undefined);
    if (!base) throw new Error(`程序定义 ${f.name} 所基于的 ${baseKey} 不存在`);
    let result: JsonObject;
    try {
      result = applyOverlay(base, parsed.data);
    } catch (e) {
      throw new Error(`程序定义 ${f.name} 的修改有误：${(e as Error).message}`);
    }
    resolving.delete(f);
    resolved.set(f, result);
    return result;
  };
  const overlayKey = (o: ProcedureFile): string | null => {
    const p = procedureOverlay.safeParse(o.json);
    if (!p.success) return null;
    const base = p.data.extends.split('@')[0]!;
    const id = typeof p.data.changes.id === 'string' ? p.data.changes.id : base;
    return typeof p.data.changes.version === 'string' ? `${id}@${p.data.changes.version}` : null;
  };
  return files.map((f) => (isOverlay(f.json) ? { name: f.name, json: resolve(f) } : f));
}
