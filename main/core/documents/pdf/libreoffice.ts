/**
 * LibreOffice headless, where installed: the reference engine (highest fidelity to Word). Each run
 * uses its own profile directory, so it neither disturbs nor is blocked by a LibreOffice the clerk
 * has open, and runs one at a time (one profile admits one instance). A run starts a soffice
 * process (~1 s), so batches are converted in one run when the caller has several documents.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '#common/errors.js';
import type { PdfEngine, PdfResult } from './engine.js';
import { fontEnv } from './fontconfig.js';
import { pageCount } from './pageCount.js';
import { SerialQueue } from './serial.js';

const wellKnown = [
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

/** The soffice executable: ANJUAN_SOFFICE, else `soffice` on PATH, else a usual install location. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.ANJUAN_SOFFICE) return existsSync(env.ANJUAN_SOFFICE) ? env.ANJUAN_SOFFICE : null;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const n of names) {
      const p = join(dir, n);
      if (isFile(p)) return p;
    }
  }
  return wellKnown.find(isFile) ?? null;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export interface LibreOfficeOptions {
  soffice?: string;
  /** Per run: a first run also creates the profile, which takes several seconds. */
  timeoutMs?: number;
}

export class LibreOfficeEngine implements PdfEngine {
  readonly name = 'libreoffice' as const;
  private readonly queue = new SerialQueue();
  private profile: string | null = null;
  private jobs = 0;
  private closed = false;

  constructor(private readonly opts: LibreOfficeOptions = {}) {}

  async convert(docx: Buffer): Promise<PdfResult> {
    const [one] = await this.convertMany([docx]);
    return one!;
  }

  /** Converts several documents in one soffice run (~70 ms each instead of ~1 s each). */
  convertMany(docxs: Buffer[]): Promise<PdfResult[]> {
    return this.queue.run(() => this.runBatch(docxs));
  }

  private async runBatch(docxs: Buffer[]): Promise<PdfResult[]> {
    if (this.closed) throw new AppError('PDF_CONVERSION_FAILED', 'PDF转换引擎已关闭');
    const soffice = this.opts.soffice ?? findSoffice();
    if (!soffice)
      throw new AppError('PDF_ENGINE_UNAVAILABLE', '未安装LibreOffice（找不到 soffice）', { engine: this.name });
    this.profile ??= mkdtempSync(join(tmpdir(), 'anjuan-lo-'));
    const job = join(this.profile, `job-${++this.jobs}`);
    mkdirSync(job, { recursive: true });
    try {
      const inputs = docxs.map((d, i) => {
        const p = join(job, `doc${i + 1}.docx`);
        writeFileSync(p, d);
        return p;
      });
      const timeoutMs = this.opts.timeoutMs ?? 60_000 + 5_000 * docxs.length;
      const log = await runSoffice(
        soffice,
        await fontEnv(),
        [
          `-env:UserInstallation=${pathToFileURL(join(this.profile, 'user')).href}`,
          '--headless',
          '--invisible',
          '--nodefault',
          '--nolockcheck',
          '--nologo',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          job,
          ...inputs,
        ],
        timeoutMs,
      );
      const results: PdfResult[] = [];
      for (let i = 0; i < docxs.length; i++) {
        const out = join(job, `doc${i + 1}.pdf`);
        if (!existsSync(out)) {
          throw new AppError('PDF_CONVERSION_FAILED', `LibreOffice未能转换第${i + 1}份文书${tail(log)}`, {
            engine: this.name,
            log: tail(log, 2000),
          });
        }
        const pdf = readFileSync(out);
        results.push({ pdf, pages: await pageCount(pdf) });
      }
      return results;
    } finally {
      rmSync(job, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.run(async () => {
      if (this.profile) rmSync(this.profile, { recursive: true, force: true });
      this.profile = null;
    });
  }
}

function runSoffice(soffice: string, env: NodeJS.ProcessEnv, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Its own process group on POSIX, so that a timeout ends soffice.bin too, not only the wrapper.
    const child = spawn(soffice, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    let log = '';
    child.stdout.on('data', (b: Buffer) => {
      log += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      log += b.toString();
    });
    const timer = setTimeout(() => {
      try {
        if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
      reject(
        new AppError('PDF_CONVERSION_FAILED', `LibreOffice转换超时（${Math.round(timeoutMs / 1000)}秒），已终止`, {
          engine: 'libreoffice',
          log: tail(log, 2000),
        }),
      );
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new AppError('PDF_ENGINE_UNAVAILABLE', `无法启动LibreOffice：${e.message}`, { engine: 'libreoffice' }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(log);
      else
        reject(
          new AppError('PDF_CONVERSION_FAILED', `LibreOffice转换失败（退出码 ${code}）${tail(log)}`, {
            engine: 'libreoffice',
            log: tail(log, 2000),
          }),
        );
    });
  });
}

function tail(log: string, n = 200): string {
  const t = log.trim();
  if (!t) return '';
  return `：${t.length > n ? `…${t.slice(-n)}` : t}`;
}
