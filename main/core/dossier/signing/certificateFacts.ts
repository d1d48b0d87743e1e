/**
 * What 本局设置 shows of the bureau's certificate (subject, issuer, validity, fingerprint), and the
 * refusal of one outside its validity: a signature made with it would not verify.
 */
import { createHash } from 'node:crypto';
import type { Certificate } from 'pkijs';
import { AppError } from '#common/errors.js';
import type { SigningCertificateView } from '#common/schemas/signing.js';
import { commonName, nameText } from './names.js';
import type { SigningIdentity } from './pkcs12.js';

/** A moment as a Beijing date and time, the way the settings screen prints it. */
export function beijingTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function certificateFacts({ certificate: c, keyKind }: SigningIdentity): SigningCertificateView {
  return {
    commonName: commonName(c),
    subject: nameText(c.subject),
    issuer: nameText(c.issuer),
    selfSigned: nameText(c.subject) === nameText(c.issuer),
    notBefore: c.notBefore.value.toISOString(),
    notAfter: c.notAfter.value.toISOString(),
    serial: Buffer.from(c.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
    sha256: createHash('sha256').update(Buffer.from(c.toSchema().toBER())).digest('hex'),
    keyAlgorithm: keyKind === 'rsa' ? 'RSA' : 'ECDSA P-256',
  };
}

/** Throws CERTIFICATE_NOT_VALID unless `now` lies within the certificate's validity. */
export function refuseOutsideValidity(c: Certificate, now: Date, then: string): void {
  if (now < c.notBefore.value)
    throw new AppError('CERTIFICATE_NOT_VALID', `证书尚未生效（自${beijingTime(c.notBefore.value)}起有效），${then}`);
  if (now > c.notAfter.value)
    throw new AppError('CERTIFICATE_NOT_VALID', `证书已于${beijingTime(c.notAfter.value)}过期，${then}`);
}
