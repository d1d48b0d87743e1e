/**
 * The shipped procedure definitions as plain data, for tests that edit one and import it
 * (`procedures.import`): a version written as changes to another (domain/procedure/overlay.ts) is
 * resolved, so the test gets the full definition a case follows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveProcedureFiles } from '../domain/procedure/overlay.js';
import { resourcesDir } from '../paths.js';

/** The full definition `id@version` as JSON (a fresh copy each call). */
export function shippedDefinitionJson(key: string): Record<string, unknown> & { version: string } {
  const dir = join(resourcesDir(), 'procedures');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((name) => ({ name, json: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown }));
  const found = resolveProcedureFiles(files)
    .map((f) => f.json as Record<string, unknown> & { id: string; version: string })
    .find((d) => `${d.id}@${d.version}` === key);
  if (!found) throw new Error(`没有随程序发布的程序定义 ${key}`);
  return structuredClone(found);
}
