/**
 * The document manifest (templates/manifest.json): which templates exist, their dossier order,
 * numbering and the fields asked for before generation. Where a document is made is not here: the
 * procedures' nodes say it (`documents`; domain/procedure/documentNodes.ts derives it per type).
 * It is data that provincial IT may edit, so it is validated on every load and a bad file is
 * reported in Chinese rather than crashing the core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '#common/errors.js';
import { templateInfo, type TemplateInfo } from '#common/schemas/documents.js';
import { dossierGroups } from '#common/dossierGroups.js';
import { templatesDir } from '../paths.js';

export const manifestFile = 'manifest.json';

const manifestSchema = z.array(templateInfo).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((t, i) => {
    if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `模板编号重复：${t.id}` });
    seen.add(t.id);
    const keys = new Set<string>();
    t.fields.forEach((f, j) => {
      if (keys.has(f.key))
        ctx.addIssue({ code: 'custom', path: [i, 'fields', j, 'key'], message: `字段重复：${f.key}` });
      keys.add(f.key);
      if (f.source === 'input' && !f.input)
        ctx.addIssue({ code: 'custom', path: [i, 'fields', j, 'input'], message: `填写字段“${f.label}”缺少输入类型` });
    });
  });
  groupProblems(list, ctx);
});

/**
 * The groups follow each other in `order` (common/dossierGroups.ts gives theirs) and each keeps to one
 * volume: the rules' order must itself be an arrangement the reviewer's rules accept.
 */
function groupProblems(list: TemplateInfo[], ctx: z.RefinementCtx): void {
  const rank = (t: TemplateInfo): number => dossierGroups.indexOf(t.group);
  const sorted = [...list.entries()].sort(([, a], [, b]) => a.order - b.order);
  const volumeOf = new Map<string, TemplateInfo>();
  sorted.forEach(([i, t], n) => {
    const before = sorted[n - 1]?.[1];
    if (before && rank(before) > rank(t))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'order'],
        message: `“${t.name}”（“${t.group}”组）排在“${before.name}”（“${before.group}”组）之后，各组须按${dossierGroups.join('、')}的顺序排列`,
      });
    const first = volumeOf.get(t.group);
    if (first && first.volume !== t.volume)
      ctx.addIssue({
        code: 'custom',
        path: [i, 'volume'],
        message: `“${t.name}”归入${t.volume}，而同属“${t.group}”组的“${first.name}”归入${first.volume}：一组的文书应归入同一卷`,
      });
    if (!first) volumeOf.set(t.group, t);
  });
}

export function loadManifest(dir: string = templatesDir()): TemplateInfo[] {
  const file = join(dir, manifestFile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('TEMPLATE_MISSING', '本程序的文书模板清单缺失，请重新安装本程序', { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppError('TEMPLATE_INVALID', `文书模板清单不是有效的JSON：${(e as Error).message}`, { file });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0]!;
    throw new AppError('TEMPLATE_INVALID', `文书模板清单格式错误（${first.path || '根'}：${first.message}）`, {
      file,
      issues,
    });
  }
  return parsed.data;
}

export function findTemplate(manifest: TemplateInfo[], id: string): TemplateInfo {
  const t = manifest.find((x) => x.id === id);
  if (!t) throw new AppError('TEMPLATE_MISSING', `没有此类文书模板：${id}`, { id });
  return t;
}
