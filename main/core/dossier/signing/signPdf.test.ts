/**
 * A small dossier PDF signed with the bureau's test certificate (CN=铜仁市生态环境局 天柱分局): our
 * check and poppler's `pdfsig` call it valid and print the Chinese signer byte for byte; the CMS holds
 * the PAdES B-B attributes; one byte changed, or bytes appended, and both call it broken.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { ContentInfo, SignedData } from 'pkijs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandExists } from '#core/testing/commandExists.js';
import { bureauCn, opensslMissing, testP12 } from '#core/testing/testCertificate.js';
import { readPkcs12, type SigningIdentity } from './pkcs12.js';
import { signPdf } from './signPdf.js';
import { checkPdfSignatures } from './verifySignature.js';

const pdfsigMissing = commandExists('pdfsig') ? null : 'pdfsig（poppler-utils）未安装，跳过用 pdfsig 验证签章';
if (opensslMissing) console.log(opensslMissing);
if (pdfsigMissing) console.log(pdfsigMissing);

const meta = { signingTime: new Date('2026-12-07T02:30:00Z'), reason: '组卷签章' };
const dir = mkdtempSync(join(tmpdir(), 'anjuan-sig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function smallDossier(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 2; i++) doc.addPage().drawText(`page ${i}`, { x: 72, y: 720, font, size: 14 });
  return doc.save();
}

/** pdfsig's report as bytes (its exit code is not 0 for an untrusted or broken signature). */
function pdfsig(pdf: Buffer): Buffer {
  const file = join(dir, `s-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdfsig', [file], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return (e as { stdout: Buffer }).stdout;
  }
}

let rsa: SigningIdentity;
let ecdsa: SigningIdentity;
beforeAll(async () => {
  if (opensslMissing) return;
  rsa = await readPkcs12((await testP12('pw', { keyKind: 'rsa' }))!, 'pw');
  ecdsa = await readPkcs12((await testP12('pw', { keyKind: 'ecdsa-p256' }))!, 'pw');
}, 20_000);

describe.skipIf(opensslMissing)('a signed dossier PDF', () => {
  let signed: Buffer;
  beforeAll(async () => {
    signed = await signPdf(await smallDossier(), rsa, meta);
  });

  it('verifies, naming the Chinese signer', async () => {
    expect(await checkPdfSignatures(signed)).toEqual([{ signer: bureauCn, valid: true, problem: null }]);
    // Still a PDF with its pages.
    expect((await PDFDocument.load(signed)).getPageCount()).toBe(2);
  });

  it.skipIf(pdfsigMissing)('pdfsig: valid, the whole document, the CN in the right UTF-8 bytes', () => {
    const out = pdfsig(signed);
    expect(out.toString('utf8')).toContain('Signature is Valid');
    expect(out.toString('utf8')).toContain('Total document signed');
    expect(out.toString('utf8')).toContain('ETSI.CAdES.detached');
    expect(out.includes(Buffer.concat([Buffer.from('Common Name: '), Buffer.from(bureauCn, 'utf8')]))).toBe(true);
  });

  it('holds content-type, message-digest and signing-certificate-v2, and no signing-time (PAdES B-B)', () => {
    const at = signed.indexOf('/Contents <');
    const hex = signed.toString('latin1', at + 11, signed.indexOf('>', at));
    const der = new Uint8Array(Buffer.from(hex, 'hex'));
    const cms = new SignedData({ schema: new ContentInfo({ schema: asn1js.fromBER(der.buffer).result }).content });
    const types = cms.signerInfos[0]?.signedAttrs?.attributes.map((a) => a.type);
    expect(types).toEqual(['1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4', '1.2.840.113549.1.9.16.2.47']);
    expect(cms.signerInfos[0]?.digestAlgorithm.algorithmId).toBe('2.16.840.1.101.3.4.2.1'); // SHA-256
    expect(signed.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
  });

  it('one byte changed: broken for us and for pdfsig', async () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('page 2');
    const offset = at >= 0 ? at : 10; // the text may sit in a compressed stream: the header's binary comment is signed too
    tampered[offset] = (tampered[offset] as number) ^ 0x01;
    const [check] = await checkPdfSignatures(tampered);
    expect(check).toMatchObject({ valid: false, signer: bureauCn, problem: expect.stringContaining('被改动') });
    if (!pdfsigMissing) expect(pdfsig(tampered).toString('utf8')).not.toContain('Signature is Valid');
  });

  it('bytes appended after signing: the signature no longer covers the whole file', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% appended\n')]);
    const [check] = await checkPdfSignatures(appended);
    expect(check).toMatchObject({ valid: false, problem: expect.stringContaining('没有覆盖整个文件') });
  });

  it('an unsigned PDF has no signature to check', async () => {
    expect(await checkPdfSignatures(Buffer.from(await smallDossier()))).toEqual([]);
  });
});

describe.skipIf(opensslMissing)('an ECDSA P-256 certificate', () => {
  it('signs as well', async () => {
    const signed = await signPdf(await smallDossier(), ecdsa, meta);
    expect(await checkPdfSignatures(signed)).toEqual([{ signer: bureauCn, valid: true, problem: null }]);
    if (!pdfsigMissing) expect(pdfsig(signed).toString('utf8')).toContain('Signature is Valid');
  });
});
