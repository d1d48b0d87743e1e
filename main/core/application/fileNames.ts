/**
 * How a message names a file or folder the user gave by path: its last part, never where it is on the
 * disk (an absolute path in an error report tells a page what the workstation holds). Shared by the
 * imports, which read files named by path from the CLI (api/localFiles.ts decides who may).
 */
import { basename } from 'node:path';

export function shownName(path: string): string {
  return basename(path.replace(/[\\/]+$/, '')) || '（根目录）';
}
