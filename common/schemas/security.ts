/**
 * Encryption at rest of the case database: the contract of `security.encryptionStatus` and
 * `security.enableEncryption` (main/core/encryption/; what it protects: docs/security.md).
 */
import { z } from 'zod';

export const keyStoreKinds = ['os-keychain', 'env', 'key-file', 'test', 'none'] as const;

export const encryptionStatus = z.object({
  /** The database file is encrypted (SQLCipher 4). */
  encrypted: z.boolean(),
  /** When it was enabled (ISO), or null. */
  since: z.string().nullable(),
  /** e.g. “SQLCipher 4（AES-256）”, or null when not encrypted. */
  cipher: z.string().nullable(),
  /** Where the key is kept: the OS keychain (desktop app), ANJUAN_DB_KEY, a key file, or nowhere. */
  keyStore: z.enum(keyStoreKinds),
  /** The same in Chinese, with the key file's path (never the key). */
  keyWhere: z.string(),
  /** Enabling is possible here (a key store is available and the database is not encrypted yet). */
  canEnable: z.boolean(),
  /** Why not, in Chinese, when it is not encrypted and cannot be. */
  unavailableReason: z.string().nullable(),
  /** Backups whose database copy is still in clear (taken before encryption was enabled). */
  plainBackups: z.number().int(),
  /** Evidence photos and documents (the blob store) are not encrypted by this. */
  filesEncrypted: z.literal(false),
});
export type EncryptionStatus = z.infer<typeof encryptionStatus>;
