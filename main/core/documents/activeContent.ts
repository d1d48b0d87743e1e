/**
 * Active content in a Word file (a renamed .docm passed the template check, and its
 * vbaProject.bin was copied into every document made from it). A template, and so every document
 * generated from it, must be inert: no macros, no ActiveX controls, nothing fetched from elsewhere
 * when Word or WPS opens it. Found here:
 *   - macro code: vbaProject.bin / vbaData.xml parts, a macro-enabled or VBA content type;
 *   - ActiveX controls: word/activeX/ parts or their content type;
 *   - embedded OLE objects (word/embeddings/*.bin: a “package” runs a program when double-clicked);
 *   - external relationships (TargetMode="External"): an attached template (the classic remote
 *     template injection), remote images, frames, sub-documents, OLE links, mail-merge sources…
 *     Hyperlinks are the one exception: Word never follows them by itself;
 *   - field codes that pull or run something when the file is opened or updated: DDE, DDEAUTO,
 *     INCLUDETEXT, INCLUDEPICTURE, IMPORT, LINK.
 * Each finding is named in Chinese with the part it is in, so provincial IT can remove it in Word.
 */
import type PizZip from 'pizzip';

export interface ActiveContentFinding {
  kind: 'macro' | 'activeX' | 'ole' | 'externalLink' | 'field';
  /** The part of the .docx it was found in. */
  part: string;
  message: string;
}

const relationNames: Record<string, string> = {
  attachedTemplate: '附加模板',
  image: '图片',
  oleObject: 'OLE对象',
  frame: '框架',
  subDocument: '子文档',
  mailMergeSource: '邮件合并数据源',
  mailMergeHeaderSource: '邮件合并数据源',
  package: '嵌入包',
  video: '视频',
  audio: '音频',
  externalLinkPath: '外部数据',
  font: '字体',
  stylesWithEffects: '样式',
  settings: '设置',
};
const dangerousFields = ['DDEAUTO', 'DDE', 'INCLUDETEXT', 'INCLUDEPICTURE', 'IMPORT', 'LINK'] as const;

const short = (s: string): string => (s.length > 80 ? `${s.slice(0, 80)}…` : s);
const attr = (tag: string, name: string): string | null =>
  new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1] ?? null;
const unescapeXml = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The code of every field: <w:fldSimple w:instr="…">, and complex fields — the <w:instrText> runs
 * between a fldChar "begin" and its "separate"/"end", joined (Word splits a code over runs at will;
 * fields nest).
 */
function fieldCodes(xml: string): string[] {
  const codes: string[] = [];
  for (const m of xml.matchAll(/<w:fldSimple\b[^>]*\bw:instr\s*=\s*"([^"]*)"/g)) codes.push(unescapeXml(m[1]!));
  const open: string[] = [];
  for (const m of xml.matchAll(
    /<w:fldChar\b[^>]*\bw:fldCharType\s*=\s*"(\w+)"[^>]*>|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g,
  )) {
    if (m[1] === 'begin') open.push('');
    else if (m[1] === 'separate' || m[1] === 'end') {
      const code = open.pop();
      if (code !== undefined) codes.push(code);
      if (m[1] === 'separate') open.push('\u0000'); // the result part: no code; closed by its "end"
    } else if (m[2] !== undefined && open.length) open[open.length - 1] += unescapeXml(m[2]);
    else if (m[2] !== undefined) codes.push(unescapeXml(m[2])); // an instrText outside any field: still read it
  }
  return codes.filter((c) => c !== '\u0000' && c.trim() !== '');
}

/** Every piece of active content in the package; empty when the file is inert. */
export function findActiveContent(zip: PizZip): ActiveContentFinding[] {
  const found: ActiveContentFinding[] = [];
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  for (const name of names) {
    const lower = name.toLowerCase();
    if (/(^|\/)vbaproject\.bin$/.test(lower) || /(^|\/)vbadata\.xml$/.test(lower)) {
      found.push({ kind: 'macro', part: name, message: `含有宏代码（${name}）` });
    } else if (lower.startsWith('word/activex/') && !lower.includes('/_rels/')) {
      found.push({ kind: 'activeX', part: name, message: `含有ActiveX控件（${name}）` });
    } else if (/^word\/embeddings\/[^/]+\.bin$/.test(lower)) {
      found.push({ kind: 'ole', part: name, message: `含有嵌入的OLE对象（${name}）` });
    }
  }
  const types = zip.file('[Content_Types].xml')?.asText() ?? '';
  for (const m of types.matchAll(/ContentType\s*=\s*"([^"]*)"/gi)) {
    const type = m[1]!;
    if (/macroEnabled/i.test(type))
      found.push({ kind: 'macro', part: '[Content_Types].xml', message: `文件类型为启用宏的文档（${type}）` });
    else if (/vnd\.ms-office\.vbaProject/i.test(type))
      found.push({ kind: 'macro', part: '[Content_Types].xml', message: `声明了宏代码部件（${type}）` });
    else if (/vnd\.ms-office\.activeX/i.test(type))
      found.push({ kind: 'activeX', part: '[Content_Types].xml', message: `声明了ActiveX控件部件（${type}）` });
  }
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.rels'))) {
    const xml = zip.file(name)?.asText() ?? '';
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/gi)) {
      const tag = m[0];
      if (!/^External$/i.test(attr(tag, 'TargetMode') ?? '')) continue;
      const type = (attr(tag, 'Type') ?? '').split('/').pop() ?? '';
      if (type === 'hyperlink') continue;
      const what = relationNames[type] ?? type ?? '未知类型';
      found.push({
        kind: 'externalLink',
        part: name,
        message: `含有外部链接：${what}（${type}）指向“${short(unescapeXml(attr(tag, 'Target') ?? ''))}”（${name}）`,
      });
    }
  }
  for (const name of names.filter((n) => /^word\/[^/]+\.xml$/i.test(n))) {
    const xml = zip.file(name)?.asText() ?? '';
    if (!/instr/i.test(xml)) continue;
    const seen = new Set<string>();
    for (const code of fieldCodes(xml)) {
      const field = /^\s*([A-Za-z]+)/.exec(code)?.[1]?.toUpperCase() ?? '';
      if ((dangerousFields as readonly string[]).includes(field) && !seen.has(field)) {
        seen.add(field);
        found.push({
          kind: 'field',
          part: name,
          message: `含有会自动读取外部内容或运行程序的域代码 ${field}（${name}）`,
        });
      }
    }
  }
  return found;
}
