/** Bureau settings kept in the `meta` table: small, typed, each with its default. */
import type { Services } from '../services.js';
import type { EnginePreference } from '../documents/pdfService.js';
import { pdfEnginePreference } from '#common/schemas/settings.js';
import { bureauInfoKeys, emptyBureauInfo, type BureauInfo } from '#common/bureauInfo.js';

type DbOnly = Pick<Services, 'db'>;

const warnKey = 'setting.warnAheadWorkingDays';
export const defaultWarnAheadWorkingDays = 3;
const pdfEngineKey = 'setting.pdfEngine';
// The key settings.setSeal has always written; finalised documents of older data read it too.
const sealKey = 'sealImageHash';

function read(services: DbOnly, key: string): string | undefined {
  return (services.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

function write(services: DbOnly, key: string, value: string): void {
  services.db
    .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}

export function warnAheadSetting(services: DbOnly): number {
  const value = read(services, warnKey);
  return value !== undefined ? Number(value) : defaultWarnAheadWorkingDays;
}

export function setWarnAheadSetting(services: DbOnly, days: number): void {
  write(services, warnKey, String(days));
}

/** The bureau's choice of PDF engine; 'auto' when none was made (or a stored value is no longer known). */
export function pdfEngineSetting(services: DbOnly): EnginePreference {
  const parsed = pdfEnginePreference.safeParse(read(services, pdfEngineKey));
  return parsed.success ? parsed.data : 'auto';
}

export function setPdfEngineSetting(services: DbOnly, preference: EnginePreference): void {
  write(services, pdfEngineKey, preference);
}

/** The blob hash of the bureau's seal image, or null when documents are sealed with the drawn seal. */
export function sealImageSetting(services: DbOnly): string | null {
  return read(services, sealKey) ?? null;
}

export function setSealImageSetting(services: DbOnly, hash: string): void {
  write(services, sealKey, hash);
}

/** True when there was a seal image to remove. The blob stays: blobs are content-addressed and never deleted. */
export function clearSealImageSetting(services: DbOnly): boolean {
  return services.db.prepare('DELETE FROM meta WHERE key = ?').run(sealKey).changes > 0;
}

const bureauInfoKey = (k: string): string => `setting.bureauInfo.${k}`;

/** 本局文书信息 (common/bureauInfo.ts): every item, '' where none was set. */
export function bureauInfoSetting(services: DbOnly): BureauInfo {
  const out: BureauInfo = { ...emptyBureauInfo };
  for (const k of bureauInfoKeys) out[k] = read(services, bureauInfoKey(k)) ?? '';
  return out;
}

/** Writes the given items ('' removes one); the caller checks the whole set first. */
export function setBureauInfoSetting(services: DbOnly, values: Partial<BureauInfo>): void {
  for (const k of bureauInfoKeys) {
    const v = values[k];
    if (v === undefined) continue;
    if (v === '') services.db.prepare('DELETE FROM meta WHERE key = ?').run(bureauInfoKey(k));
    else write(services, bureauInfoKey(k), v);
  }
}

/** The bureau as its documents print it: name, abbreviation, and 本局文书信息 from 本局设置. */
export function documentBureau(
  services: DbOnly & Pick<Services, 'bureau'>,
): ReturnType<Services['bureau']> & BureauInfo {
  return { ...services.bureau(), ...bureauInfoSetting(services) };
}
