/** The fixed parts of a .docx package around document.xml and the footer, zipped with pizzip. */
import PizZip from 'pizzip';
import { documentXml, footerXml, keepStyleId, ns, size, type FooterKind } from './ooxml.js';

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const contentTypes =
  `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>' +
  '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const rootRels =
  `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '</Relationships>';

const documentRels =
  `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
  '<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>' +
  '<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' +
  '</Relationships>';

// Defaults: 仿宋 三号, exact 28 pt lines, Chinese language (so Word applies Chinese line-breaking rules).
// The automatic space between Chinese and Latin/digits stays on, as in Word: LibreOffice (7.4) always
// applies it to DOCX, and the built-in engine applies it with CSS text-autospace.
const styles =
  `${xmlHead}<w:styles ${ns}><w:docDefaults><w:rPrDefault><w:rPr>` +
  '<w:rFonts w:ascii="仿宋" w:hAnsi="仿宋" w:eastAsia="仿宋" w:cs="仿宋"/>' +
  `<w:sz w:val="${size.三号}"/><w:szCs w:val="${size.三号}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>` +
  '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/></w:pPr></w:style>' +
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
  '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>' +
  // Marks paragraphs kept with the next (the seal block and the paragraph before it): the keep itself is
  // direct formatting (w:keepNext, w:keepLines); the style only names them for the Chromium harness (ooxml.ts).
  `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${keepStyleId}"><w:name w:val="Keep With Next"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>` +
  '</w:styles>';

// No w:docGrid: grid snapping differs between Word, WPS and LibreOffice and would move page breaks.
const settings =
  `${xmlHead}<w:settings ${ns}><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>` +
  '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>';

/** Font names as Chinese Windows installs them, with the English alternative name and panose. */
const fonts: Array<[string, string, string, string]> = [
  ['宋体', 'SimSun', '02010600030101010101', 'auto'],
  ['仿宋', 'FangSong', '02010609060101010101', 'modern'],
  ['黑体', 'SimHei', '02010609060101010101', 'modern'],
  ['楷体', 'KaiTi', '02010609060101010101', 'modern'],
];
const fontTable = `${xmlHead}<w:fonts ${ns}>${fonts
  .map(
    ([name, alt, panose, family]) =>
      `<w:font w:name="${name}"><w:altName w:val="${alt}"/>` +
      `<w:panose1 w:val="${panose}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`,
  )
  .join('')}</w:fonts>`;

function coreProps(title: string, version: string): string {
  return (
    `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${title}</dc:title><dc:creator>案卷</dc:creator><cp:version>${version}</cp:version>` +
    // A fixed date keeps the generated files byte-stable between runs of the script.
    '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>' +
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>'
  );
}

const appProps = `${xmlHead}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>案卷</Application></Properties>`;

export function docxPackage(opts: { title: string; version: string; body: string[]; footer: FooterKind }): Buffer {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', contentTypes, { date: new Date('2026-01-01T00:00:00Z') });
  const files: Record<string, string> = {
    '_rels/.rels': rootRels,
    'docProps/core.xml': coreProps(opts.title, opts.version),
    'docProps/app.xml': appProps,
    'word/_rels/document.xml.rels': documentRels,
    'word/document.xml': documentXml(opts.body),
    'word/styles.xml': styles,
    'word/settings.xml': settings,
    'word/fontTable.xml': fontTable,
    'word/footer1.xml': footerXml(opts.footer),
  };
  for (const [name, text] of Object.entries(files)) zip.file(name, text, { date: new Date('2026-01-01T00:00:00Z') });
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
