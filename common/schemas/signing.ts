/**
 * The bureau's signing certificate (本局设置 → 电子签章证书): what the settings screen shows of it and
 * what settings.setCertificate takes. The private key and the password never leave the core.
 */
import { z } from 'zod';
import { base64File } from './primitives.js';

export const signingCertificateView = z.object({
  /** The subject's 通用名 (CN), else its organisation: the signer pdfsig and readers name. */
  commonName: z.string(),
  subject: z.string(),
  issuer: z.string(),
  selfSigned: z.boolean(),
  /** ISO instants. */
  notBefore: z.string(),
  notAfter: z.string(),
  serial: z.string(),
  /** SHA-256 of the certificate (DER), the fingerprint a CA prints. */
  sha256: z.string(),
  keyAlgorithm: z.enum(['RSA', 'ECDSA P-256']),
});
export type SigningCertificateView = z.infer<typeof signingCertificateView>;

/** A PKCS#12 file of a certificate and its chain is a few KB; 1 MB is far above any real one. */
export const maxCertificateBytes = 1024 * 1024;

export const setCertificateInput = z.object({
  p12Base64: base64File(maxCertificateBytes, '证书文件', '请选择证书文件（.p12或.pfx）'),
  password: z.string({ error: '请输入证书密码' }).max(200, '证书密码不超过200个字符'),
});
