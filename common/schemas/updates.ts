/**
 * 软件更新 (本局设置): where the desktop app finds updates (common/updateSource.ts), and what
 * its updater last did. The updater itself runs in the Electron shell (main/app/updater.ts); the
 * core keeps the location and relays the shell's state (main/core/updateLink.ts).
 */
import { z } from 'zod';
import { maxUpdateSourceLength } from '../updateSource.js';

export const updateStates = [
  'idle',
  'checking',
  'downloading',
  'downloaded',
  'up-to-date',
  'error',
  'disabled',
] as const;

/** The shell's updater as it last reported itself. */
export const updateShellStatus = z.object({
  /** The running version. */
  version: z.string().max(50),
  /** The version that ran before the last update (launchGuard.ts), or null. */
  previousVersion: z.string().max(50).nullable(),
  /** The feed in use, described (“文件夹 D:\\案卷更新”, “网址 https://…”, “内置地址 …”). */
  source: z.string().max(600).nullable(),
  state: z.enum(updateStates),
  /** What happened, in Chinese. */
  message: z.string().max(1000),
  /** A newer version found in the feed, or being downloaded. */
  availableVersion: z.string().max(50).nullable(),
  /** Downloaded and verified, installed when the app quits. */
  downloadedVersion: z.string().max(50).nullable(),
  /** ISO time of the last check that finished. */
  lastCheckAt: z.string().max(40).nullable(),
  /** Starts of this version in a row that did not reach a working window (launchGuard.ts). */
  failedStarts: z.number().int().min(0),
  /** Set after repeated failed starts of a new version: how to reinstall the previous one, in Chinese. */
  rollbackAdvice: z.string().max(2000).nullable(),
});
export type UpdateShellStatus = z.infer<typeof updateShellStatus>;

export const updatesView = z.object({
  /** The location a head set in 本局设置, or null: the feed built into the installer is used. */
  source: z.string().nullable(),
  /** True inside the desktop app (it can update itself); false in the web host and the CLI. */
  desktop: z.boolean(),
  /** The updater's state, null outside the desktop app or before it first reported. */
  status: updateShellStatus.nullable(),
});
export type UpdatesView = z.infer<typeof updatesView>;

export const updatesSetSourceInput = z.object({
  /** A folder or address (common/updateSource.ts); '' returns to the installer's built-in feed. */
  source: z.string().max(maxUpdateSourceLength, `更新位置不能超过${maxUpdateSourceLength}个字符`),
});
