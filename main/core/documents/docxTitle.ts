/**
 * A generated document's name in its own metadata (docProps/core.xml, dc:title). Both PDF engines
 * carry it into the PDF's Title: LibreOffice from the document properties, the built-in engine from
 * the print page's title (harness.ts). A PDF viewer's title bar, a printer queue and a file manager
 * then show “行政处罚决定书 黔东南环罚〔2026〕12号”, not a template name or “anjuan-print”.
 */
import type PizZip from 'pizzip';

/** The name and, when the document has one, its 文号. */
export function documentTitle(name: string, number: string | null | undefined): string {
  const n = (number ?? '').trim();
  return n ? `${name} ${n}` : name;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const corePath = 'docProps/core.xml';
const coreType = 'application/vnd.openxmlformats-package.core-properties+xml';
const coreRel = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';

/** Sets dc:title, adding the core-properties part (and its relationship and content type) when a template has none. */
export function setDocxTitle(zip: PizZip, title: string): void {
  const value = escapeXml(title.replace(/\s+/g, ' ').trim());
  const core = zip.file(corePath)?.asText();
  if (core) {
    const next = /<dc:title\s*\/>|<dc:title>[\s\S]*?<\/dc:title>/.test(core)
      ? core.replace(/<dc:title\s*\/>|<dc:title>[\s\S]*?<\/dc:title>/, `<dc:title>${value}</dc:title>`)
      : core.replace(/(<cp:coreProperties\b[^>]*>)/, `$1<dc:title>${value}</dc:title>`);
    zip.file(corePath, next);
    return;
  }
  zip.file(
    corePath,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>' +
      value +
      '</dc:title></cp:coreProperties>',
  );
  const types = zip.file('[Content_Types].xml')?.asText();
  if (types && !types.includes(`PartName="/${corePath}"`))
    zip.file(
      '[Content_Types].xml',
      types.replace('</Types>', `<Override PartName="/${corePath}" ContentType="${coreType}"/></Types>`),
    );
  const rels = zip.file('_rels/.rels')?.asText();
  if (rels && !rels.includes(coreRel))
    zip.file(
      '_rels/.rels',
      rels.replace(
        '</Relationships>',
        `<Relationship Id="rIdCoreTitle" Type="${coreRel}" Target="${corePath}"/></Relationships>`,
      ),
    );
}

/** The dc:title of a .docx, or null. */
export function docxTitle(zip: PizZip): string | null {
  const m = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(zip.file(corePath)?.asText() ?? '');
  return m
    ? m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
    : null;
}
