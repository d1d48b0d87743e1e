/**
 * 电子签章证书 through the operations: a head sets the bureau's PKCS#12 file and sees its Chinese subject;
 * a wrong password, a file that is no certificate, an expired or not yet valid certificate are refused
 * and the certificate set before is kept; 组卷 then signs each volume (on by default, off on request),
 * refuses to sign with a certificate that has since expired; the 电子档案包 verifies, and a volume changed
 * after signing is reported by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { buffer as collect } from 'node:stream/consumers';
import yazl from 'yazl';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';
import { sampleFields } from '../testing/sampleFields.js';
import { quickPdfEngines } from '../testing/quickPdfEngine.js';
import { bureauCn, opensslMissing, testP12 } from '../testing/testCertificate.js';
import { checkPdfSignatures } from '../dossier/signing/verifySignature.js';
import { openPackage, readEntry } from '../archive/zipReader.js';

if (opensslMissing) console.log(opensslMissing);
const password = '天柱分局2026';
const b64 = (b: Buffer): string => b.toString('base64');

let t: TestCore;
let head: string;
let officer: string;
let caseId: string;
let good: Buffer;

beforeAll(async () => {
  t = await createTestCore({ today: '2026-12-07', core: { pdfEngines: quickPdfEngines } });
  head = await t.login('head');
  officer = await t.login('officer');
  const v = await openCase(t, officer, { officerIds: ['off-01', 'off-03'] });
  caseId = v.state.id;
  const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
  await t.call(officer, 'documents.generate', {
    caseId,
    type: 'filing-approval',
    fields: sampleFields(tpl, { today: '2026-12-07' }),
  });
  if (!opensslMissing) good = (await testP12(password, { keyKind: 'ecdsa-p256' }))!;
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe.skipIf(opensslMissing)('the bureau certificate in 本局设置', () => {
  it('is refused when bound without one, if 签章 is asked for', async () => {
    const none = await expectFailure(t.call(officer, 'dossier.build', { caseId, sign: true }));
    expect(none).toMatchObject({ code: 'SETTINGS_REQUIRED', message: expect.stringContaining('尚未设置电子签章证书') });
  });

  it('is set by a head and shown with its Chinese subject, never its key or password', async () => {
    const refused = await expectFailure(t.call(officer, 'settings.setCertificate', { p12Base64: b64(good), password }));
    expect(refused.code).toBe('FORBIDDEN_ROLE');
    const set = await t.call(head, 'settings.setCertificate', { p12Base64: b64(good), password });
    expect(set).toMatchObject({ commonName: bureauCn, keyAlgorithm: 'ECDSA P-256', selfSigned: true });
    const view = await t.call(officer, 'settings.get', {});
    expect(view.certificate).toEqual(set);
    expect(JSON.stringify(view)).not.toContain(password);
  });

  it('refuses a wrong password, a file that is no certificate and one out of date, keeping the one it had', async () => {
    const wrong = await expectFailure(
      t.call(head, 'settings.setCertificate', { p12Base64: b64(good), password: 'wrong' }),
    );
    expect(wrong).toMatchObject({ code: 'CERTIFICATE_PASSWORD_WRONG', message: expect.stringContaining('密码错误') });
    const junk = await expectFailure(
      t.call(head, 'settings.setCertificate', { p12Base64: b64(Buffer.from('不是证书')), password }),
    );
    expect(junk).toMatchObject({ code: 'CERTIFICATE_INVALID', message: expect.stringContaining('不是PKCS#12') });
    const expired = (await testP12(password, {
      keyKind: 'ecdsa-p256',
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2025-12-31T00:00:00Z'),
    }))!;
    expect(
      await expectFailure(t.call(head, 'settings.setCertificate', { p12Base64: b64(expired), password })),
    ).toMatchObject({ code: 'CERTIFICATE_NOT_VALID', message: expect.stringMatching(/已于2025-12-31 08:00过期/) });
    const early = (await testP12(password, { keyKind: 'ecdsa-p256', notBefore: new Date('2027-01-01T00:00:00Z') }))!;
    expect(
      await expectFailure(t.call(head, 'settings.setCertificate', { p12Base64: b64(early), password })),
    ).toMatchObject({ code: 'CERTIFICATE_NOT_VALID', message: expect.stringContaining('尚未生效') });
    expect((await t.call(head, 'settings.get', {})).certificate?.commonName).toBe(bureauCn);
  });
});

async function volumeBytes(pdfHash: string): Promise<Buffer> {
  return t.core.services.blobs.get(pdfHash);
}

describe.skipIf(opensslMissing)('组卷 with 签章', () => {
  it('signs each volume by default, and not when asked not to', async () => {
    const built = await t.call(officer, 'dossier.build', { caseId, retention: '30年' });
    for (const v of built.volumes)
      expect(await checkPdfSignatures(await volumeBytes(v.pdfHash))).toEqual([
        { signer: bureauCn, valid: true, problem: null },
      ]);
    const plain = await t.call(officer, 'dossier.build', { caseId, retention: '30年', sign: false });
    expect(await checkPdfSignatures(await volumeBytes(plain.pdfHash))).toEqual([]);
    await t.call(officer, 'dossier.build', { caseId, retention: '30年' });
  }, 30_000);

  it('the package verifies; a signed volume changed inside it is named', async () => {
    const out = await t.call(officer, 'dossier.exportPackage', { caseId });
    const zip = t.core.services.blobs.get(out.hash);
    expect(await t.call(officer, 'dossier.verifyPackage', { contentBase64: b64(zip) })).toMatchObject({
      ok: true,
      problems: [],
    });
    // One byte of the 正卷 changed (the PDF header's binary comment: the file still opens).
    const pkg = await openPackage({ bytes: zip });
    const z = new yazl.ZipFile();
    let volumePath = '';
    for (const e of pkg.entries.values()) {
      const bytes = (await readEntry(pkg, e, 1e9)) as Buffer;
      if (e.name.startsWith('卷宗/') && e.name.endsWith('.pdf') && !volumePath) {
        volumePath = e.name;
        bytes[10] = (bytes[10] as number) ^ 1;
      }
      z.addReadStream(Readable.from([bytes]), e.name);
    }
    pkg.close();
    z.end();
    const tampered = await collect(z.outputStream);
    const r = await t.call(officer, 'dossier.verifyPackage', { contentBase64: b64(tampered) });
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual({
      kind: 'signature',
      path: volumePath,
      message: expect.stringMatching(new RegExp(`的电子签章（${bureauCn}）无效：文件内容在签章后被改动过`)),
    });
    expect(r.summary).toContain('签章无效1项');
  }, 30_000);

  it('refuses to sign once the certificate has expired, and binds unsigned on request', async () => {
    const short = (await testP12(password, { keyKind: 'ecdsa-p256', notAfter: new Date('2027-01-01T00:00:00Z') }))!;
    await t.call(head, 'settings.setCertificate', { p12Base64: b64(short), password });
    t.clock.set('2027-02-01T10:00:00+08:00');
    const e = await expectFailure(t.call(officer, 'dossier.build', { caseId }));
    expect(e).toMatchObject({ code: 'CERTIFICATE_NOT_VALID', message: expect.stringContaining('或不选“签章”组卷') });
    await t.call(officer, 'dossier.build', { caseId, sign: false });
    expect(await t.call(head, 'settings.clearCertificate', {})).toEqual({ removed: true });
    expect((await t.call(head, 'settings.get', {})).certificate).toBeNull();
  }, 30_000);
});
