/**
 * Writes a procedure version as the changes to its base (the overlay format of
 * main/core/domain/procedure/overlay.ts), from a full copy edited by hand:
 *   npx tsx scripts/procedureOverlay.ts <base.json> <full new version.json> > <new version.json>
 * It checks that the overlay resolves to exactly the full copy before printing it.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { applyOverlay, keyedLists, orderKey, procedureOverlay } from '#core/domain/procedure/overlay.js';

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The RFC 7396 patch that turns `from` into `to` (neither holds null values). */
function diff(from: unknown, to: unknown): unknown {
  if (!isObject(from) || !isObject(to)) return to;
  const patch: JsonObject = {};
  for (const [k, v] of Object.entries(to)) if (!isDeepStrictEqual(from[k], v)) patch[k] = diff(from[k], v);
  for (const k of Object.keys(from)) if (!(k in to)) patch[k] = null;
  return patch;
}

function keyedDiff(from: JsonObject[], to: JsonObject[]): JsonObject {
  const before = new Map(from.map((x) => [x.id as string, x]));
  const patch: JsonObject = {};
  for (const item of to) {
    const old = before.get(item.id as string);
    if (!old) {
      const { id: _, ...rest } = item;
      patch[item.id as string] = rest;
    } else if (!isDeepStrictEqual(old, item)) patch[item.id as string] = diff(old, item);
  }
  const kept = to.map((x) => x.id as string);
  for (const id of before.keys()) if (!kept.includes(id)) patch[id] = null;
  const natural = [...[...before.keys()].filter((id) => kept.includes(id)), ...kept.filter((id) => !before.has(id))];
  if (!isDeepStrictEqual(natural, kept)) patch[orderKey] = kept;
  return patch;
}

const [baseFile, fullFile] = process.argv.slice(2);
if (!baseFile || !fullFile) throw new Error('用法：procedureOverlay.ts <基础版本.json> <新版本全文.json>');
const base = JSON.parse(readFileSync(baseFile, 'utf8')) as JsonObject;
const full = JSON.parse(readFileSync(fullFile, 'utf8')) as JsonObject;
const changes: JsonObject = {};
for (const [k, v] of Object.entries(full)) {
  if (isDeepStrictEqual(base[k], v)) continue;
  changes[k] =
    (keyedLists as readonly string[]).includes(k) && Array.isArray(base[k]) && Array.isArray(v)
      ? keyedDiff(base[k] as JsonObject[], v as JsonObject[])
      : diff(base[k], v);
}
for (const k of Object.keys(base)) if (!(k in full)) changes[k] = null;
const overlay = procedureOverlay.parse({ extends: `${String(base.id)}@${String(base.version)}`, changes });
if (!isDeepStrictEqual(applyOverlay(base, overlay), full)) throw new Error('生成的修改不能还原新版本全文');
process.stdout.write(`${format(overlay, '')}\n`);

/** JSON with a value on one line when it fits in 120 columns, else one item a line (readable diffs). */
function format(value: unknown, indent: string): string {
  const line = oneLine(value);
  if (indent.length + line.length <= 120 || value === null || typeof value !== 'object') return line;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function oneLine(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`);
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}
