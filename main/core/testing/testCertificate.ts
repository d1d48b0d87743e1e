/**
 * Tests only: a self-signed certificate of the bureau, made with pkijs (subject with a Chinese CN and
 * O as UTF8String), and its PKCS#12 file written by `openssl pkcs12 -export` — modern (PBES2, AES-256,
 * SHA-256 MAC) or legacy (3DES, SHA-1 MAC). null from `testP12` when openssl is absent.
 */
import { execFileSync } from 'node:child_process';
import type { webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { AttributeTypeAndValue, BasicConstraints, Certificate, Extension } from 'pkijs';
import { pkiEngine } from '#core/dossier/signing/engine.js';
import { commandExists } from './commandExists.js';

export const bureauCn = '铜仁市生态环境局 天柱分局';
export const bureauO = '贵州省铜仁市生态环境局';

export interface TestCertificateOptions {
  keyKind?: 'rsa' | 'ecdsa-p256';
  notBefore?: Date;
  notAfter?: Date;
}

const pem = (label: string, der: ArrayBuffer): string =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim()}\n-----END ${label}-----\n`;

const utf8 = (type: string, value: string) =>
  new AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) });

/** PEMs of a self-signed certificate and its PKCS#8 key. */
export async function testCertificatePem(opts: TestCertificateOptions = {}): Promise<{ cert: string; key: string }> {
  const engine = pkiEngine();
  const subtle = globalThis.crypto.subtle;
  const algorithm =
    opts.keyKind === 'ecdsa-p256'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  const keys = (await subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = new Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: 20261207 });
  for (const name of [cert.subject, cert.issuer]) {
    name.typesAndValues.push(
      new AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'CN' }) }),
      utf8('2.5.4.10', bureauO),
      utf8('2.5.4.3', bureauCn),
    );
  }
  cert.notBefore.value = opts.notBefore ?? new Date('2026-01-01T00:00:00Z');
  cert.notAfter.value = opts.notAfter ?? new Date('2036-01-01T00:00:00Z');
  cert.extensions = [
    new Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new BasicConstraints({ cA: false }).toSchema().toBER(false),
    }),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  await cert.sign(keys.privateKey, 'SHA-256', engine);
  return {
    cert: pem('CERTIFICATE', cert.toSchema().toBER()),
    key: pem('PRIVATE KEY', await subtle.exportKey('pkcs8', keys.privateKey)),
  };
}

export const opensslMissing = commandExists('openssl') ? null : 'openssl 不在 PATH 中，跳过需要 PKCS#12 文件的测试';

/** A .p12 of a fresh test certificate, or null without openssl. */
export async function testP12(
  password: string,
  opts: TestCertificateOptions & { legacy?: boolean } = {},
): Promise<Buffer | null> {
  if (opensslMissing) return null;
  const { cert, key } = await testCertificatePem(opts);
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-p12-'));
  try {
    writeFileSync(join(dir, 'cert.pem'), cert);
    writeFileSync(join(dir, 'key.pem'), key);
    const legacy = opts.legacy ? ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'] : [];
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-in',
        join(dir, 'cert.pem'),
        '-inkey',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'bureau.p12'),
        '-passout',
        'stdin',
        ...legacy,
      ],
      { input: `${password}\n`, stdio: ['pipe', 'ignore', 'pipe'] },
    );
    return readFileSync(join(dir, 'bureau.p12'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
