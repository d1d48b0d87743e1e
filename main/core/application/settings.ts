/**
 * Bureau settings kept in the `meta` table (store/meta.ts): small, typed, each with its default. One
 * place for what each key means, read by the use cases, the core's start and the seed.
 */
import type { Services } from '#core/services.js';
import type { EnginePreference } from '#core/documents/pdfService.js';
import { pdfEnginePreference } from '#common/schemas/settings.js';
import { bureauInfoKeys, emptyBureauInfo, type BureauInfo } from '#common/bureauInfo.js';
import {
  isProvincialServerSource,
  parseUpdateSource,
  provincialServerSource,
  serverFeedUrl,
} from '#common/updateSource.js';
import { deleteMetaValue, metaValue, setMetaValue } from '#core/store/meta.js';

type DbOnly = Pick<Services, 'db'>;

const warnKey = 'setting.warnAheadWorkingDays';
export const defaultWarnAheadWorkingDays = 3;
const pdfEngineKey = 'setting.pdfEngine';
// The key settings.setSeal has always written; finalised documents of older data read it too.
const sealKey = 'sealImageHash';

const read = (services: DbOnly, key: string): string | undefined => metaValue(services.db, key);
const write = (services: DbOnly, key: string, value: string): void => setMetaValue(services.db, key, value);

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
  return deleteMetaValue(services.db, sealKey);
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
    if (v === '') deleteMetaValue(services.db, bureauInfoKey(k));
    else write(services, bureauInfoKey(k), v);
  }
}

/** The bureau as its documents print it: name, abbreviation, and 本局文书信息 from 本局设置. */
export function documentBureau(
  services: DbOnly & Pick<Services, 'bureau'>,
): ReturnType<Services['bureau']> & BureauInfo {
  return { ...services.bureau(), ...bureauInfoSetting(services) };
}

const updateSourceKey = 'setting.updateSource';

/** Where the desktop app looks for updates, or null: the installer's built-in feed. A value that no longer parses counts as none. */
export function updateSourceSetting(services: DbOnly): string | null {
  const stored = read(services, updateSourceKey);
  if (stored === undefined) return null;
  if (isProvincialServerSource(stored)) return provincialServerSource;
  const parsed = parseUpdateSource(stored);
  return parsed.ok ? parsed.source.location : null;
}

/**
 * What the shell's updater reads: the stored location, with 省级服务器 turned into the enrolled server's
 * feed address — or null (the installer's built-in feed) while the workstation is not enrolled.
 */
export function updateFeedLocation(services: Pick<Services, 'db' | 'sync'>): string | null {
  const source = updateSourceSetting(services);
  if (source !== provincialServerSource) return source;
  const server = services.sync.status().server;
  return server ? serverFeedUrl(server.url) : null;
}

/** Stores a checked location; null goes back to the built-in feed. */
export function setUpdateSourceSetting(services: DbOnly, location: string | null): void {
  if (location === null) deleteMetaValue(services.db, updateSourceKey);
  else write(services, updateSourceKey, location);
}

/** True in a demo data directory (seeded with ANJUAN_DEMO=1): only there are sample passwords shown. */
export function isDemoData(services: DbOnly): boolean {
  return read(services, 'demo') === '1';
}
