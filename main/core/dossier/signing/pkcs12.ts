/**
 * Reads the bureau's PKCS#12 file (.p12/.pfx) with pkijs: the password checked against the file's MAC,
 * the bags decrypted — PBES2 (AES or 3DES with PBKDF2, what OpenSSL 3 and current Windows write) by
 * pkijs, the older pbeWithSHAAnd3-KeyTripleDES-CBC by legacyPbe.ts —, the private key imported into
 * WebCrypto (not extractable) and matched with its certificate by a trial signature. RC2-encrypted
 * bags (OpenSSL 1.x's default for certificates) and SM2 keys are refused, saying what to do.
 */
import * as asn1js from 'asn1js';
import {
  type AlgorithmIdentifier,
  type CertBag,
  Certificate,
  ContentInfo,
  EncryptedContentInfo,
  EncryptedData,
  PFX,
  type PKCS8ShroudedKeyBag,
  PrivateKeyInfo,
  SafeContents,
  id_ContentType_Data,
} from 'pkijs';
import type { webcrypto } from 'node:crypto';
import { AppError } from '#common/errors.js';
import { pkiEngine } from './engine.js';
import { decryptTripleDes, pbeSha1Rc2_128, pbeSha1Rc2_40, pbeSha1TripleDes } from './legacyPbe.js';

export type KeyKind = 'rsa' | 'ecdsa-p256';

/** What signs: the certificate, the rest of its chain as the file holds it, and the key (usable only to sign). */
export interface SigningIdentity {
  certificate: Certificate;
  chain: Certificate[];
  privateKey: webcrypto.CryptoKey;
  keyKind: KeyKind;
}

const pbes2 = '1.2.840.113549.1.5.13';
const rsaKey = '1.2.840.113549.1.1.1';
const ecKey = '1.2.840.10045.2.1';
const p256 = '1.2.840.10045.3.1.7';
const sm2 = '1.2.156.10197.1.301';
const bag = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
};
const encryptedDataType = '1.2.840.113549.1.7.6';

const invalid = (why: string): AppError => new AppError('CERTIFICATE_INVALID', `${why}，证书未设置`);
const wrongPassword = (): AppError =>
  new AppError('CERTIFICATE_PASSWORD_WRONG', '证书密码错误（请输入导出该证书文件时设置的密码），证书未设置');

const bytesOf = (b: ArrayBuffer | Uint8Array): Uint8Array => (b instanceof Uint8Array ? b : new Uint8Array(b));
/** A copy in its own ArrayBuffer: a Buffer may be a view into a larger shared pool. */
const exact = (u: Uint8Array): ArrayBuffer => new Uint8Array(u).buffer as ArrayBuffer;

/** Decrypts a bag or a SafeContents encrypted with the password; a failure is the password's fault. */
async function decrypt(algorithm: AlgorithmIdentifier, data: Uint8Array, password: string): Promise<Uint8Array> {
  const id = algorithm.algorithmId;
  if (id === pbeSha1Rc2_40 || id === pbeSha1Rc2_128)
    throw invalid(
      '证书文件使用了已淘汰的RC2加密（旧版OpenSSL的默认方式），请用AES加密重新导出（如 openssl pkcs12 -export）',
    );
  try {
    if (id === pbes2) {
      const info = new EncryptedContentInfo({
        contentType: id_ContentType_Data,
        contentEncryptionAlgorithm: algorithm,
        encryptedContent: new asn1js.OctetString({ valueHex: exact(data) }),
      });
      return bytesOf(
        await pkiEngine().decryptEncryptedContentInfo({
          password: exact(new TextEncoder().encode(password)),
          encryptedContentInfo: info,
        }),
      );
    }
    if (id === pbeSha1TripleDes) {
      const params = algorithm.algorithmParams as asn1js.Sequence;
      const [salt, iterations] = params.valueBlock.value as [asn1js.OctetString, asn1js.Integer];
      return decryptTripleDes(
        password,
        Buffer.from(salt.valueBlock.valueHexView),
        iterations.valueBlock.valueDec,
        Buffer.from(data),
      );
    }
  } catch {
    throw wrongPassword();
  }
  throw invalid(`证书文件的加密方式（${id}）不受支持，请用AES加密重新导出`);
}

interface Contents {
  certificates: Certificate[];
  keys: Uint8Array[]; // PKCS#8 DER
}

async function readBags(safe: SafeContents, password: string, out: Contents): Promise<void> {
  for (const b of safe.safeBags) {
    if (b.bagId === bag.cert) {
      const value = (b.bagValue as CertBag).parsedValue;
      if (value instanceof Certificate) out.certificates.push(value);
    } else if (b.bagId === bag.shroudedKey) {
      const shrouded = b.bagValue as PKCS8ShroudedKeyBag;
      out.keys.push(
        await decrypt(shrouded.encryptionAlgorithm, shrouded.encryptedData.valueBlock.valueHexView, password),
      );
    } else if (b.bagId === bag.key) {
      out.keys.push(bytesOf((b.bagValue as PrivateKeyInfo).toSchema().toBER()));
    }
  }
}

async function importKey(pkcs8: Uint8Array): Promise<{ key: webcrypto.CryptoKey; kind: KeyKind }> {
  let info: PrivateKeyInfo;
  try {
    info = PrivateKeyInfo.fromBER(exact(pkcs8));
  } catch {
    throw wrongPassword(); // garbage that decrypted without a padding error: the password was wrong
  }
  const algorithm = info.privateKeyAlgorithm;
  const curve =
    algorithm.algorithmParams instanceof asn1js.ObjectIdentifier ? algorithm.algorithmParams.getValue() : '';
  const subtle = globalThis.crypto.subtle;
  try {
    if (algorithm.algorithmId === rsaKey) {
      const params = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
      return { key: await subtle.importKey('pkcs8', exact(pkcs8), params, false, ['sign']), kind: 'rsa' };
    }
    if (algorithm.algorithmId === ecKey && curve === p256) {
      const params = { name: 'ECDSA', namedCurve: 'P-256' };
      return { key: await subtle.importKey('pkcs8', exact(pkcs8), params, false, ['sign']), kind: 'ecdsa-p256' };
    }
  } catch {
    throw invalid('证书文件中的私钥无法读取');
  }
  if (curve === sm2) throw invalid('证书使用国密SM2算法，本软件目前只支持RSA和ECDSA（P-256）证书');
  throw invalid('证书的密钥算法不受支持（本软件支持RSA和ECDSA P-256）');
}

/** True when the certificate's public key verifies what the private key signed. */
async function belongsTo(cert: Certificate, key: webcrypto.CryptoKey, kind: KeyKind): Promise<boolean> {
  const subtle = globalThis.crypto.subtle;
  const algorithm =
    kind === 'rsa'
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  try {
    const publicKey = await subtle.importKey('spki', cert.subjectPublicKeyInfo.toSchema().toBER(), algorithm, false, [
      'verify',
    ]);
    const probe = new TextEncoder().encode('anjuan-key-match');
    const signature = await subtle.sign(algorithm, key, probe);
    return await subtle.verify(algorithm, publicKey, signature, probe);
  } catch {
    return false;
  }
}

export async function readPkcs12(file: Uint8Array, password: string): Promise<SigningIdentity> {
  const engine = pkiEngine();
  let pfx: PFX;
  try {
    pfx = PFX.fromBER(exact(file));
  } catch {
    throw invalid('所选文件不是PKCS#12格式的证书文件（.p12或.pfx）');
  }
  if (pfx.authSafe.contentType !== ContentInfo.DATA)
    throw invalid('证书文件以公钥方式保护完整性，本软件只支持以密码保护的证书文件');
  try {
    await pfx.parseInternalValues(
      { password: exact(new TextEncoder().encode(password)), checkIntegrity: !!pfx.macData },
      engine,
    );
  } catch (e) {
    if (e instanceof Error && /Integrity/.test(e.message)) throw wrongPassword();
    throw invalid('证书文件已损坏或格式不正确');
  }
  const contents: Contents = { certificates: [], keys: [] };
  const safeContents = pfx.parsedValue?.authenticatedSafe?.safeContents ?? [];
  for (const info of safeContents) {
    let bytes: Uint8Array;
    if (info.contentType === id_ContentType_Data) {
      bytes = (info.content as asn1js.OctetString).getValue() as unknown as Uint8Array;
      bytes = bytesOf(bytes);
    } else if (info.contentType === encryptedDataType) {
      const data = new EncryptedData({ schema: info.content });
      const eci = data.encryptedContentInfo;
      bytes = await decrypt(eci.contentEncryptionAlgorithm, bytesOf(eci.getEncryptedContent()), password);
    } else {
      throw invalid('证书文件中有以公钥加密的部分，本软件只支持以密码加密的证书文件');
    }
    let safe: SafeContents;
    try {
      safe = SafeContents.fromBER(exact(bytes));
    } catch {
      throw wrongPassword();
    }
    await readBags(safe, password, contents);
  }
  if (contents.keys.length === 0) throw invalid('证书文件中没有私钥（只含证书的文件不能用于签章）');
  if (contents.certificates.length === 0) throw invalid('证书文件中没有证书');
  for (const pkcs8 of contents.keys) {
    const { key, kind } = await importKey(pkcs8);
    for (const cert of contents.certificates) {
      if (await belongsTo(cert, key, kind)) {
        return {
          certificate: cert,
          chain: contents.certificates.filter((c) => c !== cert),
          privateKey: key,
          keyKind: kind,
        };
      }
    }
  }
  throw invalid('证书文件中的私钥与其中的证书不匹配');
}
