/**
 * Which PDF engines this machine has, and the one to use. "auto" prefers the built-in Chromium
 * engine (always shipped) and falls back to LibreOffice when Chromium cannot start.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../../../common/errors.js';
import { ChromiumEngine, chromiumExecutable } from './chromium.js';
import type { PdfEngine, PdfEngineName } from './engine.js';
import { findSoffice, LibreOfficeEngine } from './libreoffice.js';

export type EnginePreference = 'auto' | PdfEngineName;

export async function detectEngines(): Promise<PdfEngineName[]> {
  const found: PdfEngineName[] = [];
  if (existsSync(chromiumExecutable())) found.push('chromium');
  if (findSoffice()) found.push('libreoffice');
  return found;
}

export async function createPdfEngine(preference: EnginePreference): Promise<PdfEngine> {
  if (preference === 'libreoffice') return libreOffice();
  if (preference === 'chromium') return chromium();
  try {
    return await chromium();
  } catch (chromiumError) {
    if (!findSoffice()) {
      throw new AppError('PDF_ENGINE_UNAVAILABLE', `没有可用的PDF转换引擎：${(chromiumError as Error).message}；也未安装LibreOffice`,
        { tried: ['chromium', 'libreoffice'], chromium: (chromiumError as Error).message });
    }
    return libreOffice();
  }
}

/** Started and the harness loaded before it is handed out: a broken Chromium is found here, not mid-print. */
async function chromium(): Promise<PdfEngine> {
  const engine = new ChromiumEngine();
  try {
    await engine.warmUp();
  } catch (e) {
    await engine.close().catch(() => undefined);
    if (e instanceof AppError) throw e;
    throw new AppError('PDF_ENGINE_UNAVAILABLE', `内置PDF引擎无法启动：${(e as Error).message}`, { engine: 'chromium' });
  }
  return engine;
}

function libreOffice(): PdfEngine {
  const soffice = findSoffice();
  if (!soffice) throw new AppError('PDF_ENGINE_UNAVAILABLE', '未安装LibreOffice（找不到 soffice）', { engine: 'libreoffice' });
  return new LibreOfficeEngine({ soffice });
}
