/** 电子签章证书 (本局设置): set from a PKCS#12 file and its password, or removed. */
import { clearSigningCertificate, setSigningCertificate } from '#core/application/signingCertificate.js';
import type { HandlerMap } from '../types.js';

export const signingCertificateHandlers: HandlerMap<'settings.setCertificate' | 'settings.clearCertificate'> = {
  'settings.setCertificate': ({ p12Base64, password }, { services }) =>
    setSigningCertificate(services, Buffer.from(p12Base64, 'base64'), password),
  'settings.clearCertificate': (_input, { services }) => ({ removed: clearSigningCertificate(services) }),
};
