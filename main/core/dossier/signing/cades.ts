/**
 * The detached CMS SignedData a PAdES signature holds (SubFilter ETSI.CAdES.detached, baseline B-B,
 * ETSI EN 319 142-1): SHA-256 over the signed byte ranges; signed attributes content-type,
 * message-digest and signing-certificate-v2 (the certificate's SHA-256, so it cannot be swapped). No
 * signing-time attribute: PAdES forbids it — the time of signing is the signature dictionary's /M.
 * Built with pkijs and asn1js, whose strings keep Chinese names as the certificate wrote them.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  Attribute,
  ContentInfo,
  EncapsulatedContentInfo,
  GeneralName,
  GeneralNames,
  IssuerAndSerialNumber,
  IssuerSerial,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
  id_ContentType_Data,
  id_ContentType_SignedData,
} from 'pkijs';
import { pkiEngine } from './engine.js';
import type { SigningIdentity } from './pkcs12.js';

const attr = {
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

/** A copy in its own ArrayBuffer (a Buffer may be a view into a shared pool). */
const ab = (b: Uint8Array): ArrayBuffer => new Uint8Array(b).buffer as ArrayBuffer;

/** ESS signing-certificate-v2 (RFC 5035): the certificate's SHA-256 (the default hash, so not named) and issuer/serial. */
function signingCertificateV2(identity: SigningIdentity): asn1js.Sequence {
  const cert = identity.certificate;
  const der = new Uint8Array(cert.toSchema().toBER());
  const issuerSerial = new IssuerSerial({
    issuer: new GeneralNames({ names: [new GeneralName({ type: 4, value: cert.issuer })] }),
    serialNumber: cert.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      new asn1js.OctetString({ valueHex: ab(createHash('sha256').update(der).digest()) }),
      issuerSerial.toSchema(),
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** The DER of a ContentInfo holding the SignedData over `signed` (the PDF without its /Contents). */
export async function cadesDetached(signed: Uint8Array, identity: SigningIdentity): Promise<Buffer> {
  const engine = pkiEngine();
  const digest = createHash('sha256').update(signed).digest();
  const cert = identity.certificate;
  const signedData = new SignedData({
    version: 1,
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_ContentType_Data }),
    signerInfos: [
      new SignerInfo({
        version: 1,
        sid: new IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new Attribute({
              type: attr.contentType,
              values: [new asn1js.ObjectIdentifier({ value: id_ContentType_Data })],
            }),
            new Attribute({ type: attr.messageDigest, values: [new asn1js.OctetString({ valueHex: ab(digest) })] }),
            new Attribute({ type: attr.signingCertificateV2, values: [signingCertificateV2(identity)] }),
          ],
        }),
      }),
    ],
    certificates: [cert, ...identity.chain],
  });
  await signedData.sign(identity.privateKey, 0, 'SHA-256', undefined, engine);
  const info = new ContentInfo({ contentType: id_ContentType_SignedData, content: signedData.toSchema(true) });
  return Buffer.from(info.toSchema().toBER());
}
