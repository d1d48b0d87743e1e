/**
 * The bureau's signing certificate (本局设置 → 电子签章证书): the PKCS#12 file and its password, kept
 * in the case database's `meta` table — so on this workstation only, under the database's encryption at
 * rest when it is on, never in a blob file, a package, a sync or a reply. What the screen shows (subject,
 * issuer, validity) is stored beside it when set, so settings.get does not decrypt the key each time.
 * A file is refused — nothing changed — when it is no PKCS#12, the password is wrong, or the
 * certificate is outside its validity today.
 */
import { AppError } from '#common/errors.js';
import { signingCertificateView, type SigningCertificateView } from '#common/schemas/signing.js';
import { certificateFacts, refuseOutsideValidity } from '#core/dossier/signing/certificateFacts.js';
import { readPkcs12, type SigningIdentity } from '#core/dossier/signing/pkcs12.js';
import type { Services } from '#core/services.js';
import { deleteMetaValue, metaValue, setMetaValue } from '#core/store/meta.js';

type Deps = Pick<Services, 'db' | 'clock'>;

const keys = {
  p12: 'setting.signingCertificate.p12',
  password: 'setting.signingCertificate.password',
  facts: 'setting.signingCertificate.facts',
};

/** What settings.get shows, or null when none is set (or the stored facts no longer parse). */
export function signingCertificateSetting(services: Pick<Services, 'db'>): SigningCertificateView | null {
  const stored = metaValue(services.db, keys.facts);
  if (!stored) return null;
  try {
    const parsed = signingCertificateView.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function setSigningCertificate(
  services: Deps,
  p12: Buffer,
  password: string,
): Promise<SigningCertificateView> {
  const identity = await readPkcs12(p12, password);
  refuseOutsideValidity(identity.certificate, services.clock.now(), '不能用于签章，证书未设置');
  const facts = certificateFacts(identity);
  services.db.transaction(() => {
    setMetaValue(services.db, keys.p12, p12.toString('base64'));
    setMetaValue(services.db, keys.password, password);
    setMetaValue(services.db, keys.facts, JSON.stringify(facts));
  })();
  return facts;
}

/** True when there was a certificate to remove. */
export function clearSigningCertificate(services: Pick<Services, 'db'>): boolean {
  return services.db.transaction(() =>
    [keys.p12, keys.password, keys.facts].map((k) => deleteMetaValue(services.db, k)).some(Boolean),
  )();
}

/**
 * The identity that signs the dossier now, or null when no certificate is set. Refused (with what to
 * do) when the certificate expired since it was set, or the stored file no longer opens.
 */
export async function bureauSigningIdentity(services: Deps): Promise<SigningIdentity | null> {
  const p12 = metaValue(services.db, keys.p12);
  if (!p12) return null;
  let identity: SigningIdentity;
  try {
    identity = await readPkcs12(Buffer.from(p12, 'base64'), metaValue(services.db, keys.password) ?? '');
  } catch {
    throw new AppError(
      'CERTIFICATE_INVALID',
      '本局设置中的电子签章证书无法读取，请在本局设置中重新设置证书，或不选“签章”组卷',
    );
  }
  refuseOutsideValidity(identity.certificate, services.clock.now(), '请在本局设置中更换证书，或不选“签章”组卷');
  return identity;
}
