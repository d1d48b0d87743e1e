/** Backups: list, take one now, restore one, choose the folder (main/core/backup/service.ts). */
import type { HandlerMap } from '../types.js';

export const backupHandlers: HandlerMap<'backup.list' | 'backup.now' | 'backup.restore' | 'backup.setFolder'> = {
  'backup.list': (_input, { services }) => services.backups.list(),
  'backup.now': (_input, { services }) => services.backups.now('manual'),
  'backup.restore': ({ id }, { services }) => services.backups.restore(id),
  'backup.setFolder': ({ folder }, { services }) => services.backups.setFolder(folder),
};
