/** Template management: load a new version of a document's template, checked before it is used. */
import { AppError } from '#common/errors.js';
import { findTemplate } from '#core/documents/manifest.js';
import { checkTemplate, knownTagsFrom } from '#core/documents/templateCheck.js';
import { buildTemplateData } from '#core/documents/templateData.js';
import { sampleBureau, sampleCaseState, sampleNumber } from '#core/documents/fixtures.js';
import type { HandlerMap } from '../types.js';

export const templateHandlers: HandlerMap<'templates.import' | 'templates.versions'> = {
  'templates.import': ({ type, fileName, contentBase64 }, { services }) => {
    const template = findTemplate(services.manifest, type);
    const bytes = Buffer.from(contentBase64, 'base64');
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
    const version = services.templates.add(template, bytes);
    return {
      type,
      version,
      versions: services.templates.versions(template).map(({ version: v, source }) => ({ version: v, source })),
    };
  },
  'templates.versions': ({ type }, { services }) => {
    const template = findTemplate(services.manifest, type);
    return services.templates.versions(template).map(({ version, source }) => ({ version, source }));
  },
};
