/**
 * Template versions: the bundled templates (templates/, read-only, versioned in the manifest) and
 * the ones a bureau or the province loads later (`<dataDir>/templates/<type>/<version>.docx`),
 * newest first. Every generated document records the version it used.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '#common/errors.js';
import type { TemplateInfo } from '#common/schemas/documents.js';
import { templatesDir } from '../paths.js';
import { compareVersions } from '../domain/procedure/versions.js';
import { writeFileDurably } from '../store/durableFile.js';

export interface TemplateVersion {
  version: string;
  source: 'bundled' | 'loaded';
  file: string;
}

/**
 * Loaded versions are `<bundled version>.<n>`: newer than the bundled version they were made from,
 * and among themselves by n. A newer bundled version (e.g. 2026.2, citing the 生态环境法典) is newer
 * than a template loaded over an older one (2026.1.3), so it is the one used from then on.
 */
const loadedVersion = /^(.+)\.(\d+)$/;

export class TemplateStore {
  constructor(
    private readonly dataDir: string,
    private readonly bundledDir = templatesDir(),
  ) {}

  private dir(type: string): string {
    return join(this.dataDir, 'templates', type);
  }

  versions(t: TemplateInfo): TemplateVersion[] {
    const loaded = existsSync(this.dir(t.id))
      ? readdirSync(this.dir(t.id))
          .filter((f) => f.endsWith('.docx'))
          .map((f) => f.slice(0, -5))
          .filter((v) => loadedVersion.test(v))
          .map((v) => ({ version: v, source: 'loaded' as const, file: join(this.dir(t.id), `${v}.docx`) }))
      : [];
    const all: TemplateVersion[] = [
      ...loaded,
      { version: t.version, source: 'bundled', file: join(this.bundledDir, t.file) },
    ];
    return all.sort((a, b) => compareVersions(b.version, a.version));
  }

  /** The version new documents of this type are generated from, and its bytes. */
  current(t: TemplateInfo): { version: string; bytes: Buffer } {
    const v = this.versions(t)[0]!;
    if (!existsSync(v.file)) throw new AppError('TEMPLATE_MISSING', `文书模板缺失：${v.file}`);
    return { version: v.version, bytes: readFileSync(v.file) };
  }

  /** Stores a checked template as the next version of its type. */
  add(t: TemplateInfo, bytes: Buffer): string {
    const next =
      this.versions(t).filter((v) => v.source === 'loaded' && v.version.startsWith(`${t.version}.`)).length + 1;
    const version = `${t.version}.${next}`;
    // Atomic: a full disk never leaves a truncated .docx that would become the version in use.
    writeFileDurably(join(this.dir(t.id), `${version}.docx`), bytes);
    return version;
  }
}
