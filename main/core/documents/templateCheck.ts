/**
 * Checks a template before it is used: tag syntax, tags the case data cannot fill, and required
 * fields of the manifest that the template never shows. Each problem names the tag and where it is
 * (the paragraph, counted as Word shows them), so provincial IT can fix the file in Word/WPS.
 */
import Docxtemplater from 'docxtemplater';
import InspectModuleExport from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import type { TemplateInfo } from '#common/schemas/documents.js';
import { collectFaults, docxText } from './render.js';
import { findActiveContent } from './activeContent.js';

export interface TemplateProblem {
  kind: 'notDocx' | 'activeContent' | 'syntax' | 'unknownTag' | 'missingField';
  tag: string;
  /** “第3段” or a character offset for syntax faults. */
  position: string;
  message: string;
}

interface TagTree {
  [tag: string]: TagTree;
}

// docxtemplater ships the inspect module as CommonJS only: its class is the default export under
// Node's ESM loader and may sit on `.default` under a bundler's interop.
const InspectModule = ((InspectModuleExport as unknown as { default?: unknown }).default ??
  InspectModuleExport) as unknown as new () => { getAllTags(): Record<string, unknown> };

/** Every data key a template may use: the case data (with the item keys of its lists) and the template's fields. */
export function knownTagsFrom(
  sampleData: Record<string, unknown>,
  template: TemplateInfo,
): { top: Set<string>; loops: Map<string, Set<string>> } {
  const top = new Set([...Object.keys(sampleData), ...template.fields.map((f) => f.key)]);
  const loops = new Map<string, Set<string>>();
  for (const [k, v] of Object.entries(sampleData)) {
    if (Array.isArray(v))
      loops.set(k, new Set(v.flatMap((item) => (item && typeof item === 'object' ? Object.keys(item) : []))));
  }
  return { top, loops };
}

function paragraphOf(text: string, tag: string): string {
  const i = text.split('\n').findIndex((l) => l.includes(tag));
  return i >= 0 ? `第${i + 1}段` : '（位置未知）';
}

export function checkTemplate(
  template: TemplateInfo,
  bytes: Buffer,
  known: { top: Set<string>; loops: Map<string, Set<string>> },
): TemplateProblem[] {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
    if (!zip.file('word/document.xml')) throw new Error('no body');
  } catch {
    return [{ kind: 'notDocx', tag: '', position: '', message: '文件不是有效的Word文档（.docx）' }];
  }
  // Macros, ActiveX, OLE, external links, DDE fields: refused outright, whatever else the file holds.
  const active = findActiveContent(zip);
  if (active.length)
    return active.map((a) => ({ kind: 'activeContent' as const, tag: a.kind, position: '', message: a.message }));
  const inspect = new InspectModule();
  try {
    new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, errorLogging: false, modules: [inspect as never] });
  } catch (e) {
    return collectFaults(e).map((f) => ({
      kind: 'syntax' as const,
      tag: f.tag,
      position: f.offset !== null ? `第${f.offset}个字符处` : '',
      message: f.message,
    }));
  }
  const text = docxText(bytes);
  const problems: TemplateProblem[] = [];
  const tags = inspect.getAllTags() as unknown as TagTree;
  const used = new Set<string>();
  const walk = (tree: TagTree, loop: string | null): void => {
    for (const [tag, inner] of Object.entries(tree)) {
      used.add(tag);
      const knownHere = known.top.has(tag) || (loop !== null && (known.loops.get(loop)?.has(tag) ?? false));
      if (!knownHere) {
        problems.push({
          kind: 'unknownTag',
          tag,
          position: paragraphOf(text, tag),
          message: `标签{${tag}}不是本文书可用的数据项`,
        });
      }
      if (Object.keys(inner).length) walk(inner, tag);
    }
  };
  walk(tags, null);
  for (const f of template.fields) {
    if (f.required && !used.has(f.key)) {
      problems.push({
        kind: 'missingField',
        tag: f.key,
        position: '',
        message: `必备项“${f.label}”（{${f.key}}）没有出现在模板中`,
      });
    }
  }
  return problems;
}
