/**
 * Where the shell finds its parts, from the app's root (`app.getAppPath()`: the project folder when
 * run with `npx electron .`, `…/resources/app.asar` when installed). Fixed places, set by
 * scripts/build.mjs: convention over configuration.
 */
import { join } from 'node:path';

export interface AppPaths {
  /** The sandboxed preload (contextBridge). */
  preload: string;
  /** The core's utilityProcess entry. */
  coreUtility: string;
  /** The renderer built by Vite, served at app://anjuan/. */
  rendererDir: string;
  /** pdf.js for the print page, served at app://print/pdfjs/. */
  pdfjsDir: string;
}

export function appPaths(appPath: string): AppPaths {
  return {
    preload: join(appPath, 'dist', 'preload', 'index.cjs'),
    coreUtility: join(appPath, 'dist', 'core', 'utility.cjs'),
    rendererDir: join(appPath, 'dist', 'renderer'),
    pdfjsDir: join(appPath, 'node_modules', 'pdfjs-dist'),
  };
}

/** ANJUAN_DATA_DIR when set (tests, a bureau's chosen disk), else Electron's per-user data folder. */
export function dataDirFor(env: Record<string, string | undefined>, userData: string): string {
  return env.ANJUAN_DATA_DIR || userData;
}
