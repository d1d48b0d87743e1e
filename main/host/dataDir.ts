/** The data directory: ANJUAN_DATA_DIR, else a per-user default (Electron passes its user-data folder). */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ANJUAN_DATA_DIR) return env.ANJUAN_DATA_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'anjuan');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'anjuan');
}
