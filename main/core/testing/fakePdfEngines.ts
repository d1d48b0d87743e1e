/**
 * Stand-in PDF engines for tests of engine choice: instant, and each records what it did, so a test
 * sees which engine started, converted and closed. `hold()` keeps conversions waiting until released.
 */
import { AppError } from '#common/errors.js';
import type { PdfEngine, PdfEngineName } from '../documents/pdf/engine.js';
import type { EngineFactory } from '../documents/pdfService.js';

export interface FakeEngines {
  factory: EngineFactory;
  /** 'start chromium', 'convert chromium', 'close chromium' … in order. */
  log: string[];
  /** Conversions from now on wait until the returned function is called. */
  hold(): () => void;
}

export function fakePdfEngines(available: PdfEngineName[]): FakeEngines {
  const log: string[] = [];
  let gate: Promise<void> | null = null;
  const engine = (name: PdfEngineName): PdfEngine => {
    let closed = false;
    return {
      name,
      async convert(docx) {
        log.push(`convert ${name}`);
        if (gate) await gate;
        if (closed) throw new AppError('PDF_CONVERSION_FAILED', `${name} 已关闭`);
        return { pdf: Buffer.from(`%PDF-1.7 fake ${name} ${docx.length}`), pages: 1 };
      },
      async close() {
        closed = true;
        log.push(`close ${name}`);
      },
    };
  };
  const factory: EngineFactory = {
    detect: async () => [...available],
    async create(preference) {
      const name = preference === 'auto' ? available[0] : preference;
      if (!name || !available.includes(name))
        throw new AppError('PDF_ENGINE_UNAVAILABLE', `本机没有 ${preference} 引擎（测试）`, { engine: preference });
      log.push(`start ${name}`);
      return engine(name);
    },
  };
  return {
    factory,
    log,
    hold() {
      let release = (): void => undefined;
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        gate = null;
        release();
      };
    },
  };
}
