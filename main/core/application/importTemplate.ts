/**
 * templates.import, and a template version the province published (sync): the .docx is checked
 * (tag syntax, tags the case data cannot fill, required fields never shown, macros and other active
 * content) before it becomes the version new documents of its type are made from.
 */
import { AppError } from '#common/errors.js';
import { findTemplate } from '#core/documents/manifest.js';
import { checkTemplate, knownTagsFrom } from '#core/documents/templateCheck.js';
import { buildTemplateData } from '#core/documents/templateData.js';
import { sampleBureau, sampleCaseState, sampleNumber } from '#core/documents/fixtures.js';
import type { TemplateInfo } from '#common/schemas/documents.js';
import type { Services } from '#core/services.js';

export interface TemplateImported {
  type: string;
  version: string;
  versions: Array<{ version: string; source: 'bundled' | 'loaded' }>;
}

/** Refuses, with every reason, a file that cannot be this type's template; returns its template entry. */
export function checkedTemplate(services: Services, type: string, fileName: string, bytes: Buffer): TemplateInfo {
  const template = findTemplate(services.manifest, type);
  // The data a case can supply, read from a complete sample case: any tag outside it would render blank.
  const sample = buildTemplateData({
    state: sampleCaseState(),
    bureau: sampleBureau,
    number: sampleNumber(template),
    fields: {},
    today: '2026-03-25',
    hearingThreshold: services.hearingThreshold,
  });
  const problems = checkTemplate(template, bytes, knownTagsFrom(sample as Record<string, unknown>, template));
  if (problems.length) {
    const list = problems.map((p) => `${p.message}${p.position ? `（${p.position}）` : ''}`);
    // Active content: say how to get an inert file.
    const advice = problems.some((p) => p.kind === 'activeContent')
      ? '。请在Word或WPS中删除宏、控件和外部链接，另存为“Word文档（*.docx）”后重新载入'
      : '';
    throw new AppError(
      'TEMPLATE_INVALID',
      `“${fileName}”不能作为${template.name}模板：${list.join('；')}${advice}`,
      problems,
    );
  }
  return template;
}

/** Stores a checked file as the next version of its type. */
export function addTemplateVersion(services: Services, template: TemplateInfo, bytes: Buffer): TemplateImported {
  const version = services.templates.add(template, bytes);
  return {
    type: template.id,
    version,
    versions: services.templates.versions(template).map(({ version: v, source }) => ({ version: v, source })),
  };
}

export function importTemplate(services: Services, type: string, fileName: string, bytes: Buffer): TemplateImported {
  return addTemplateVersion(services, checkedTemplate(services, type, fileName, bytes), bytes);
}
