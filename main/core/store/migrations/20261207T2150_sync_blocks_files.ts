/**
 * Sync, second part (docs/server.md "Sync client"):
 * - `sync_number_blocks`: the 案号/文号 blocks the provincial server reserved for this workstation. An
 *   enrolled desk numbers only from them (store/sequences.ts), lowest block first; `next_no` is the
 *   next number to give, so a block is spent when `next_no > end_no`. Taken in the transaction of the
 *   event that uses the number: a rolled-back action gives it back to the block.
 * - `sync_files`: the blobs the server is known to hold with their hash checked (uploaded, or found
 *   there), so a file goes up once.
 * - `sync_reference` gains what applying a version did: applied, or refused with the Chinese reason.
 */
export const sql = `
CREATE TABLE sync_number_blocks (
  kind TEXT NOT NULL, year INTEGER NOT NULL, start_no INTEGER NOT NULL, end_no INTEGER NOT NULL,
  next_no INTEGER NOT NULL, reserved_at TEXT NOT NULL,
  PRIMARY KEY (kind, year, start_no),
  CHECK (end_no >= start_no AND next_no >= start_no AND next_no <= end_no + 1)
);
CREATE TABLE sync_files (hash TEXT PRIMARY KEY, size INTEGER NOT NULL, confirmed_at TEXT NOT NULL);
ALTER TABLE sync_reference ADD COLUMN applied_at TEXT;
ALTER TABLE sync_reference ADD COLUMN refused TEXT;
`;
