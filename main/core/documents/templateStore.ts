/**
 * Template versions: the bundled templates (templates/, read-only, versioned in the manifest) and
 * the ones a bureau or the province loads later (`<dataDir>/templates/<type>/<version>.docx`),
 * newest first. Every generated document records the version it used.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../common/errors.js';
import type { TemplateInfo } from '../../../common/schemas/documents.js';
import { templatesDir } from '../paths.js';

export interface TemplateVersion { version: string; source: 'bundled' | 'loaded'; file: string }

/** Loaded versions are `<bundled version>.<n>`: ordered after the bundled one, and among themselves by n. */
const loadedVersion = /^(.+)\.(\d+)$/;

export class TemplateStore {
  constructor(private readonly dataDir: string, private readonly bundledDir = templatesDir()) {}

  private dir(type: string): string {
    return join(this.dataDir, 'templates', type);
  }

  versions(t: TemplateInfo): TemplateVersion[] {
    const loaded = existsSync(this.dir(t.id))
      ? readdirSync(this.dir(t.id)).filter((f) => f.endsWith('.docx')).map((f) => f.slice(0, -5))
        .filter((v) => loadedVersion.test(v))
        .sort((a, b) => Number(loadedVersion.exec(b)![2]) - Number(loadedVersion.exec(a)![2]))
        .map((v) => ({ version: v, source: 'loaded' as const, file: join(this.dir(t.id), `${v}.docx`) }))
      : [];
    return [...loaded, { version: t.version, source: 'bundled', file: join(this.bundledDir, t.file) }];
  }

  /** The version new documents of this type are generated from, and its bytes. */
  current(t: TemplateInfo): { version: string; bytes: Buffer } {
    const v = this.versions(t)[0]!;
    if (!existsSync(v.file)) throw new AppError('TEMPLATE_MISSING', `文书模板缺失：${v.file}`);
    return { version: v.version, bytes: readFileSync(v.file) };
  }

  /** Stores a checked template as the next version of its type. */
  add(t: TemplateInfo, bytes: Buffer): string {
    const next = this.versions(t).filter((v) => v.source === 'loaded').length + 1;
    const version = `${t.version}.${next}`;
    mkdirSync(this.dir(t.id), { recursive: true });
    writeFileSync(join(this.dir(t.id), `${version}.docx`), bytes);
    return version;
  }
}
