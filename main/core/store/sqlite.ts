/**
 * The one place that imports the SQLite driver. It is better-sqlite3-multiple-ciphers: better-sqlite3's
 * API over SQLite3 Multiple Ciphers, so the same driver opens a plain database unchanged and an
 * encrypted one (SQLCipher 4 format) with its key — see docs/decisions.md and store/cipher.ts.
 */
import Database from 'better-sqlite3-multiple-ciphers';

export { Database };
export type Db = Database.Database;
