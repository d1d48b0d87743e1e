/**
 * `security.encryptionStatus` and `security.enableEncryption` (admin only): encryption at rest of the
 * case database, opt-in per data directory, one way (there is no "disable": a decrypted copy would be
 * the very file this guards against). Enabling closes the database the way a restore does
 * (restartableCore.ts: running requests finish, new ones wait), encrypts the file in place and
 * opens it again with the key; sessions stay (they are in the database).
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '#common/errors.js';
import type { EncryptionStatus } from '#common/schemas/security.js';
import type { Reopen } from '../reopen.js';
import { databaseFile } from '../store/db.js';
import { cipherLabel, isPlainSqliteFile } from '../store/cipher.js';
import { syncDirectory } from '../store/durableFile.js';
import { unavailableReason, type KeyProvider } from './keyProvider.js';
import { encryptDatabaseFile } from './databaseKey.js';
import { markerFile, readEncryptionMarker, writeEncryptionMarker } from './marker.js';

export interface EncryptionServiceOptions {
  dataDir: string;
  keys: KeyProvider;
  reopen: Reopen;
  /** How many backups hold a plain database (backup/layout.ts plainBackupCount): given, since backup/ sits above encryption/. */
  plainBackups: () => number;
  now: () => Date;
}

export class EncryptionService {
  constructor(private readonly o: EncryptionServiceOptions) {}

  private get file(): string {
    return join(this.o.dataDir, databaseFile);
  }

  private encryptedNow(): boolean {
    return readEncryptionMarker(this.o.dataDir) !== null && existsSync(this.file) && !isPlainSqliteFile(this.file);
  }

  status(): EncryptionStatus {
    const marker = readEncryptionMarker(this.o.dataDir);
    const encrypted = this.encryptedNow();
    const plainBackups = this.o.plainBackups();
    const reason = encrypted ? null : unavailableReason(this.o.keys);
    return {
      encrypted,
      since: encrypted && marker?.since ? marker.since : null,
      cipher: encrypted ? cipherLabel : null,
      keyStore: this.o.keys.kind,
      keyWhere: this.o.keys.where,
      canEnable: !encrypted && reason === null,
      unavailableReason: reason,
      plainBackups,
      filesEncrypted: false,
    };
  }

  /** Encrypts the database in place (idempotent: an encrypted one is left as it is). */
  async enable(): Promise<EncryptionStatus> {
    if (this.encryptedNow()) return this.status();
    const key = this.o.keys.ensure(); // stored first: a crash after the conversion never leaves a file without its key
    const keyStore = this.o.keys.kind;
    if (keyStore === 'none') throw new AppError('ENCRYPTION_UNAVAILABLE');
    const since = this.o.now().toISOString();
    await this.o.reopen({
      replace: async () => {
        // The marker first: a crash during the conversion is finished at the next start (encryption/marker.ts).
        writeEncryptionMarker(this.o.dataDir, {
          format: 1,
          cipher: 'sqlcipher4',
          state: 'converting',
          since,
          keyStore,
        });
        try {
          encryptDatabaseFile(this.file, key);
        } catch (e) {
          // Rekey is one transaction: the file is still plain and whole. Without the marker it opens as before.
          if (isPlainSqliteFile(this.file)) {
            rmSync(join(this.o.dataDir, markerFile), { force: true });
            syncDirectory(this.o.dataDir);
          }
          if (e instanceof AppError) throw e;
          throw new AppError('INTERNAL', `数据库加密失败，数据库未改动：${e instanceof Error ? e.message : String(e)}`);
        }
        writeEncryptionMarker(this.o.dataDir, { format: 1, cipher: 'sqlcipher4', state: 'encrypted', since, keyStore });
      },
    });
    return this.status();
  }
}
