/**
 * Which PDF engines this machine has, and the one to use. "auto" prefers, inside the desktop app,
 * the Electron engine (the app's own Chromium: always there); elsewhere — the web host, the CLI —
 * the built-in Chromium engine driving a system Chromium/Edge/Chrome; and falls back to LibreOffice
 * when neither can start.
 */
import { existsSync } from 'node:fs';
import { AppError } from '#common/errors.js';
import { ChromiumEngine, chromiumExecutable } from './chromium.js';
import type { PdfEngine, PdfEngineName } from './engine.js';
import { ElectronEngine, type ElectronEngineOptions } from './electronEngine.js';
import type { ElectronPdfChannel } from './electronWire.js';
import { findSoffice, LibreOfficeEngine } from './libreoffice.js';

export type EnginePreference = 'auto' | PdfEngineName;

export interface EngineContext {
  /** The shell's PDF channel: set only when the core runs in the desktop app's utilityProcess (main/host/utility.ts). */
  electron?: ElectronPdfChannel;
  electronOptions?: ElectronEngineOptions;
}

export async function detectEngines(ctx: EngineContext = {}): Promise<PdfEngineName[]> {
  const found: PdfEngineName[] = [];
  if (ctx.electron) found.push('electron');
  if (existsSync(chromiumExecutable())) found.push('chromium');
  if (findSoffice()) found.push('libreoffice');
  return found;
}

export async function createPdfEngine(preference: EnginePreference, ctx: EngineContext = {}): Promise<PdfEngine> {
  if (preference === 'libreoffice') return libreOffice();
  if (preference === 'chromium') return chromium();
  if (preference === 'electron') return electron(ctx);
  const tried: PdfEngineName[] = [];
  const failures: Partial<Record<PdfEngineName, string>> = {};
  for (const [name, start] of [
    ['electron', () => electron(ctx)],
    ['chromium', chromium],
  ] as const) {
    if (name === 'electron' && !ctx.electron) continue;
    tried.push(name);
    try {
      return await start();
    } catch (e) {
      failures[name] = (e as Error).message;
    }
  }
  if (!findSoffice()) {
    throw new AppError(
      'PDF_ENGINE_UNAVAILABLE',
      `没有可用的PDF转换引擎：${Object.values(failures).join('；')}；也未安装LibreOffice`,
      { tried: [...tried, 'libreoffice'], ...failures },
    );
  }
  return libreOffice();
}

/** Started and the harness loaded before it is handed out: a broken Chromium is found here, not mid-print. */
async function chromium(): Promise<PdfEngine> {
  const engine = new ChromiumEngine();
  try {
    await engine.warmUp();
  } catch (e) {
    await engine.close().catch(() => undefined);
    if (e instanceof AppError) throw e;
    throw new AppError('PDF_ENGINE_UNAVAILABLE', `内置PDF引擎无法启动：${(e as Error).message}`, {
      engine: 'chromium',
    });
  }
  return engine;
}

/** The same check for the desktop app's window: the shell loads the harness and says so. */
async function electron(ctx: EngineContext): Promise<PdfEngine> {
  if (!ctx.electron) {
    throw new AppError('PDF_ENGINE_UNAVAILABLE', '只有在案卷桌面程序中才能使用Electron PDF引擎', {
      engine: 'electron',
    });
  }
  const engine = new ElectronEngine(ctx.electron, ctx.electronOptions);
  try {
    await engine.warmUp();
  } catch (e) {
    await engine.close().catch(() => undefined);
    throw new AppError('PDF_ENGINE_UNAVAILABLE', `桌面程序的PDF引擎无法启动：${(e as Error).message}`, {
      engine: 'electron',
    });
  }
  return engine;
}

function libreOffice(): PdfEngine {
  const soffice = findSoffice();
  if (!soffice)
    throw new AppError('PDF_ENGINE_UNAVAILABLE', '未安装LibreOffice（找不到 soffice）', { engine: 'libreoffice' });
  return new LibreOfficeEngine({ soffice });
}
