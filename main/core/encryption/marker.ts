/**
 * `<data directory>/encryption.json` says that the directory's database is encrypted, since when and
 * where its key is kept — never the key (encryption/keyProvider.ts has it). Without this file the
 * database is plain. Written before the conversion starts (`converting`), so a crash in between leaves
 * a file that says so: the next start finishes the conversion (backup/startup.ts) instead of taking
 * an encrypted file for a damaged one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../store/durableFile.js';

export const markerFile = 'encryption.json';

export const keyStores = ['os-keychain', 'env', 'key-file', 'test'] as const;
export type KeyStoreKind = (typeof keyStores)[number];

const markerSchema = z.object({
  format: z.literal(1),
  cipher: z.literal('sqlcipher4'),
  state: z.enum(['converting', 'encrypted']),
  /** When encryption was enabled (ISO). */
  since: z.string(),
  keyStore: z.enum(keyStores),
});
export type EncryptionMarker = z.infer<typeof markerSchema>;

/**
 * The marker, or null when the directory is not encrypted. A marker that exists but cannot be read
 * still means "encrypted" (taking an encrypted file for a plain one would only end in a worse message).
 */
export function readEncryptionMarker(dataDir: string): EncryptionMarker | null {
  const file = join(dataDir, markerFile);
  if (!existsSync(file)) return null;
  try {
    return markerSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { format: 1, cipher: 'sqlcipher4', state: 'encrypted', since: '', keyStore: 'key-file' };
  }
}

export function writeEncryptionMarker(dataDir: string, marker: EncryptionMarker): void {
  writeFileDurably(join(dataDir, markerFile), Buffer.from(`${JSON.stringify(markerSchema.parse(marker), null, 2)}\n`));
}
