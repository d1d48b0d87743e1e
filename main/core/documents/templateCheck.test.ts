import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { loadManifest } from './manifest.js';
import { checkTemplate, knownTagsFrom } from './templateCheck.js';
import { buildTemplateData } from './templateData.js';
import { sampleBureau, sampleCaseState, sampleNumber } from './fixtures.js';
import { templatesDir } from '../paths.js';

const manifest = loadManifest();
const known = (id: string) => {
  const t = manifest.find((x) => x.id === id)!;
  const data = buildTemplateData({
    state: sampleCaseState(),
    bureau: sampleBureau,
    number: sampleNumber(t),
    fields: {},
    today: '2026-03-25',
    hearingThreshold: { organisationYuan: 50000, citizenYuan: 5000 },
  });
  return { t, known: knownTagsFrom(data as Record<string, unknown>, t) };
};
const bytesOf = (id: string) => readFileSync(join(templatesDir(), manifest.find((x) => x.id === id)!.file));
function edit(bytes: Buffer, from: string, to: string): Buffer {
  const zip = new PizZip(bytes);
  const xml = zip.file('word/document.xml')!.asText();
  if (!xml.includes(from)) throw new Error(`no ${from}`);
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generate({ type: 'nodebuffer' });
}

describe('template checks', () => {
  it('every shipped template passes: valid tags, all known, every required field shown', () => {
    for (const t of manifest) {
      const { known: k } = known(t.id);
      expect(checkTemplate(t, bytesOf(t.id), k), t.id).toEqual([]);
    }
  });

  it('an unclosed tag is a syntax problem naming the tag and where it is', () => {
    const { t, known: k } = known('filing-approval');
    const p = checkTemplate(t, edit(bytesOf('filing-approval'), '{partyName}', '{partyName'), k);
    expect(p[0]).toMatchObject({ kind: 'syntax', tag: expect.stringContaining('partyName') });
    expect(p[0]!.message).toMatch(/缺少结束符/);
    expect(p[0]!.position).toMatch(/第\d+个字符处/);
  });

  it('an unknown tag and a required field the template no longer shows are both reported, with the paragraph', () => {
    const { t, known: k } = known('filing-approval');
    const p = checkTemplate(t, edit(bytesOf('filing-approval'), '{partyName}', '{partyNam}'), k);
    expect(p).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'unknownTag', tag: 'partyNam', position: expect.stringMatching(/^第\d+段$/) }),
        expect.objectContaining({
          kind: 'missingField',
          tag: 'partyName',
          message: expect.stringMatching(/当事人名称/),
        }),
      ]),
    );
  });

  it('a file that is not a Word document is refused', () => {
    const { t, known: k } = known('filing-approval');
    expect(checkTemplate(t, Buffer.from('%PDF-1.7'), k)).toEqual([expect.objectContaining({ kind: 'notDocx' })]);
  });
});
