/**
 * Fills a .docx template with docxtemplater. A tag the data does not supply is an error naming the
 * tag, never a silent blank on an official document; every template fault (not a zip, an unclosed
 * tag, an unknown tag) becomes TEMPLATE_INVALID with the tag and where it is.
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { AppError } from '#common/errors.js';
import type { TemplateInfo } from '#common/schemas/documents.js';
import { documentHeading } from './docxHeading.js';
import { decodeXml } from './xmlText.js';
import { documentTitle, setDocxTitle } from './docxTitle.js';

export interface RenderInput {
  template: TemplateInfo;
  templateBytes: Buffer;
  data: object;
  /** The document's 文号, put after its title in the PDF's Title (docxTitle.ts). */
  number?: string | null;
}

/** A rendered document and the title it bears (docxHeading.ts): 查封决定书, not 查封(扣押)决定书. */
export interface RenderedDocument {
  docx: Buffer;
  title: string;
}

/** The error a nullGetter throws: kept apart so it is not mistaken for a docxtemplater fault. */
class UnsuppliedTag extends Error {
  constructor(
    readonly tag: string,
    readonly module: string | null,
  ) {
    super(tag);
  }
}

export function renderDocx(input: RenderInput): Buffer {
  return renderDocument(input).docx;
}

export function renderDocument({ template, templateBytes, data, number }: RenderInput): RenderedDocument {
  requireInputs(template, data as Record<string, unknown>);
  const zip = openZip(template, templateBytes);
  // A declared optional input may be left empty on purpose; anything else must be supplied.
  const optional = Object.fromEntries(
    template.fields.filter((f) => f.source === 'input' && !f.required).map((f) => [f.key, '']),
  );
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      // Faults are reported as AppError values below, not printed to the console.
      errorLogging: false,
      nullGetter(part) {
        throw new UnsuppliedTag(String(part.value ?? ''), part.module ?? null);
      },
    });
  } catch (e) {
    throw templateInvalid(template, e);
  }
  try {
    doc.render({ ...optional, ...data });
  } catch (e) {
    const unsupplied = findUnsupplied(e);
    if (unsupplied) {
      throw new AppError(
        'TEMPLATE_INVALID',
        `${template.name}模板中的标签{${unsupplied.tag}}没有对应的数据（模板 ${template.file}）`,
        { template: template.id, tag: unsupplied.tag, module: unsupplied.module },
      );
    }
    throw templateInvalid(template, e);
  }
  const out = doc.getZip();
  const title = documentHeading(out, template.name);
  setDocxTitle(out, documentTitle(title, number));
  return { docx: out.generate({ type: 'nodebuffer', compression: 'DEFLATE' }), title };
}

/** The form must have been filled: a required input that is missing or blank is named to the user. */
function requireInputs(template: TemplateInfo, data: Record<string, unknown>): void {
  const missing = template.fields.filter(
    (f) =>
      f.source === 'input' &&
      f.required &&
      (data[f.key] === undefined || data[f.key] === null || String(data[f.key]).trim() === ''),
  );
  if (missing.length) {
    throw new AppError(
      'FIELDS_REQUIRED',
      `生成${template.name}前请填写：${missing.map((f) => f.label).join('、')}`,
      missing.map((f) => f.key),
    );
  }
}

function openZip(template: TemplateInfo, bytes: Buffer): PizZip {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch (e) {
    throw new AppError(
      'TEMPLATE_INVALID',
      `${template.name}模板不是有效的Word文档（${template.file}：${(e as Error).message}）`,
      { template: template.id, reason: 'zip' },
    );
  }
  if (!zip.file('word/document.xml')) {
    throw new AppError('TEMPLATE_INVALID', `${template.name}模板缺少正文部分 word/document.xml（${template.file}）`, {
      template: template.id,
      reason: 'noDocumentXml',
    });
  }
  return zip;
}

function findUnsupplied(e: unknown): UnsuppliedTag | null {
  if (e instanceof UnsuppliedTag) return e;
  const props = (e as { properties?: { rootError?: unknown; errors?: unknown[] } })?.properties;
  if (props?.rootError instanceof UnsuppliedTag) return props.rootError;
  for (const sub of props?.errors ?? []) {
    const found = findUnsupplied(sub);
    if (found) return found;
  }
  return null;
}

/** docxtemplater reports one error, or a multi_error holding several: list them all, first in the message. */
function templateInvalid(template: TemplateInfo, e: unknown): AppError {
  const faults = collectFaults(e);
  if (faults.length === 0) {
    return new AppError('TEMPLATE_INVALID', `${template.name}模板无法处理：${(e as Error)?.message ?? String(e)}`, {
      template: template.id,
    });
  }
  const f = faults[0]!;
  const where = [f.offset !== null ? `位置 ${f.offset}` : '', f.file ?? ''].filter(Boolean).join('，');
  const more = faults.length > 1 ? `，另有${faults.length - 1}处错误` : '';
  return new AppError(
    'TEMPLATE_INVALID',
    `${template.name}模板标签错误：${f.message}${where ? `（${where}）` : ''}${more}（模板 ${template.file}）`,
    { template: template.id, faults },
  );
}

export interface TemplateFault {
  id: string;
  tag: string;
  message: string;
  explanation: string;
  offset: number | null;
  file: string | null;
}

export function collectFaults(e: unknown): TemplateFault[] {
  const props = (e as { properties?: Record<string, unknown> })?.properties;
  if (!props) return [];
  if (Array.isArray(props.errors)) return props.errors.flatMap(collectFaults);
  const id = String(props.id ?? '');
  const tag = String(props.xtag ?? props.openingtag ?? props.tag ?? '');
  const offset = Array.isArray(props.offset)
    ? Number(props.offset[0])
    : typeof props.offset === 'number'
      ? props.offset
      : null;
  const explanation = String(props.explanation ?? (e as Error).message);
  return [
    {
      id,
      tag,
      message: chineseExplanation(id, tag, props, explanation),
      explanation,
      offset,
      file: typeof props.file === 'string' ? props.file : null,
    },
  ];
}

/** docxtemplater explains in English; clerks editing templates in WPS read Chinese. */
function chineseExplanation(id: string, tag: string, props: Record<string, unknown>, explanation: string): string {
  switch (id) {
    case 'unclosed_tag':
      return `标签“{${tag}”缺少结束符“}”`;
    case 'unopened_tag':
      return `标签“${tag}}”缺少开始符“{”`;
    case 'duplicate_open_tag':
      return `标签“${tag}”中有重复的“{”`;
    case 'duplicate_close_tag':
      return `标签“${tag}”中有重复的“}”`;
    case 'unclosed_loop':
      return `“{#${tag}}”缺少结束标签“{/${tag}}”`;
    case 'unopened_loop':
      return `结束标签“{/${tag}}”没有对应的开始标签“{#${tag}}”`;
    case 'closing_tag_does_not_match_opening_tag':
      return `“{#${String(props.openingtag)}}”被“{/${String(props.closingtag)}}”结束，名称不一致`;
    case 'unbalanced_loop_tags':
      return `循环标签不配对（${explanation}）`;
    default:
      return `{${tag}}：${explanation}`;
  }
}

/**
 * The plain text of a .docx body: paragraphs on their own lines, tabs and line breaks kept.
 * Used by tests and to index documents for search.
 */
export function docxText(buf: Buffer): string {
  const xml = new PizZip(buf).file('word/document.xml')?.asText();
  if (!xml) throw new AppError('TEMPLATE_INVALID', '文档缺少正文部分 word/document.xml');
  const paragraphs = xml.split(/<\/w:p>/);
  return paragraphs
    .map((p) => {
      let out = '';
      for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>/g)) {
        if (m[1] !== undefined) out += decodeXml(m[1]);
        else out += m[0].startsWith('<w:tab') ? '\t' : '\n';
      }
      return out;
    })
    .join('\n')
    .replace(/\n+$/, '');
}
