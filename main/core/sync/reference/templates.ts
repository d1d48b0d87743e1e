/**
 * Template versions through the templates.import use case: every file is checked first (a corrupt
 * .docx, macros, unknown tags refuse the whole set, nothing stored); a file identical to the version
 * in use is not stored again.
 */
import { AppError } from '#common/errors.js';
import { addTemplateVersion, checkedTemplate } from '#core/application/importTemplate.js';
import type { ReferenceApplier } from './types.js';

export const templatesApplier: ReferenceApplier<'templates'> = {
  async apply(services, payload, version) {
    const checked = payload.templates.map((t) => {
      const template = services.manifest.find((m) => m.id === t.type || m.file === t.fileName);
      if (!template) throw new AppError('TEMPLATE_MISSING', `没有此类文书模板：${t.type}`);
      const bytes = Buffer.from(t.contentBase64, 'base64');
      const same = services.templates.current(template).bytes.equals(bytes);
      if (!same) checkedTemplate(services, template.id, t.fileName ?? `${template.name}.docx`, bytes);
      return { template, bytes, same };
    });
    const lines = checked
      .filter((c) => !c.same)
      .map(({ template, bytes }) => {
        const added = addTemplateVersion(services, template, bytes);
        return `文书模板：《${template.name}》第${added.versions.length}版已启用（版本 ${added.version}）`;
      });
    return lines.length ? lines : [`文书模板 ${version} 版与本机所用模板相同，未作更改`];
  },
};
