/**
 * The bureau's PKCS#12 file read with pkijs: OpenSSL 3's default (PBES2, AES-256, SHA-256 MAC) and the
 * legacy 3DES/SHA-1 one, RSA and ECDSA keys; the Chinese subject read as written; a wrong password, a
 * file that is no PKCS#12 and one without a private key refused in Chinese.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectedAppError } from '#core/testing/appError.js';
import { bureauCn, bureauO, opensslMissing, testCertificatePem, testP12 } from '#core/testing/testCertificate.js';
import { certificateFacts } from './certificateFacts.js';
import { pkcs12Kdf } from './legacyPbe.js';
import { readPkcs12 } from './pkcs12.js';

const password = '天柱2026!';
if (opensslMissing) console.log(opensslMissing);

describe.skipIf(opensslMissing)('a PKCS#12 file', () => {
  it.each([
    ['OpenSSL 3 default (AES-256-CBC, PBKDF2, SHA-256 MAC), RSA', { keyKind: 'rsa' as const }],
    ['legacy 3DES with a SHA-1 MAC, ECDSA P-256', { keyKind: 'ecdsa-p256' as const, legacy: true }],
  ])('%s: the key and the certificate, the subject in Chinese', async (_name, opts) => {
    const id = await readPkcs12((await testP12(password, opts))!, password);
    const facts = certificateFacts(id);
    expect(facts).toMatchObject({
      commonName: bureauCn,
      subject: `CN=${bureauCn}, O=${bureauO}, C=CN`,
      selfSigned: true,
      notAfter: '2036-01-01T00:00:00.000Z',
      keyAlgorithm: opts.keyKind === 'rsa' ? 'RSA' : 'ECDSA P-256',
    });
    // The UTF-8 bytes of the name, not a re-encoding of them (node-forge's double encoding).
    expect(Buffer.from(facts.commonName, 'utf8').equals(Buffer.from(bureauCn, 'utf8'))).toBe(true);
    expect(id.privateKey.extractable).toBe(false);
  });

  it('refuses a wrong password, naming it', async () => {
    const p12 = (await testP12(password, { keyKind: 'ecdsa-p256' }))!;
    const e = await rejectedAppError(readPkcs12(p12, '123456'));
    expect(e).toMatchObject({ code: 'CERTIFICATE_PASSWORD_WRONG', message: expect.stringContaining('证书密码错误') });
  });

  it('refuses what is no PKCS#12, and one without a private key', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(await rejectedAppError(readPkcs12(png, password))).toMatchObject({
      code: 'CERTIFICATE_INVALID',
      message: expect.stringContaining('不是PKCS#12格式'),
    });
    const { cert } = await testCertificatePem({ keyKind: 'ecdsa-p256' });
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-p12-'));
    try {
      writeFileSync(join(dir, 'c.pem'), cert);
      const certOnly = execFileSync('openssl', [
        'pkcs12',
        '-export',
        '-nokeys',
        '-in',
        join(dir, 'c.pem'),
        '-passout',
        `pass:${password}`,
      ]);
      expect(await rejectedAppError(readPkcs12(certOnly, password))).toMatchObject({
        code: 'CERTIFICATE_INVALID',
        message: expect.stringContaining('没有私钥'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the PKCS#12 key derivation (RFC 7292 appendix B)', () => {
  it('gives what OpenSSL gives for the 3DES key and IV', () => {
    // Vector from OpenSSL's test suite (test/pkcs12_format_test / PKCS12_key_gen_uni): password "smeg",
    // salt 0A58CF64530D823F, one iteration.
    const salt = Buffer.from('0A58CF64530D823F', 'hex');
    expect(pkcs12Kdf('smeg', salt, 1, 1, 24).toString('hex').toUpperCase()).toBe(
      '8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3',
    );
    expect(pkcs12Kdf('smeg', salt, 1, 2, 8).toString('hex').toUpperCase()).toBe('79993DFE048D3B76');
  });
});
