/**
 * Checks the PAdES signatures of a PDF without trusting it: the last signature's /ByteRange must
 * cover the whole file except its own /Contents (nothing appended, nothing cut), the SHA-256 of the
 * covered bytes must equal the signed message-digest, and the signature must verify with the
 * certificate it carries. Whether that certificate is the bureau's is not judged here (no trust list
 * on an offline workstation); the signer's name is reported for a reader to judge.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Certificate, ContentInfo, SignedData } from 'pkijs';
import { pkiEngine } from './engine.js';
import { commonName } from './names.js';

export interface PdfSignatureCheck {
  /** The signer's common name from the certificate in the signature, when it could be read. */
  signer: string | null;
  valid: boolean;
  /** What is wrong, in Chinese, when not valid. */
  problem: string | null;
}

const messageDigestOid = '1.2.840.113549.1.9.4';
const digestNames: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Every /ByteRange [a b c d] in the file, in file order. */
function byteRanges(pdf: Buffer): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let at = pdf.indexOf('/ByteRange'); at >= 0; at = pdf.indexOf('/ByteRange', at + 10)) {
    const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1', at, at + 120));
    if (m) out.push([Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]);
  }
  return out;
}

async function checkOne(pdf: Buffer, [a, b, c, d]: [number, number, number, number], last: boolean) {
  const bad = (problem: string, signer: string | null = null): PdfSignatureCheck => ({ signer, valid: false, problem });
  if (a !== 0 || b <= 0 || c <= b + 1 || c + d > pdf.length) return bad('签名的字节范围不正确');
  if (last && c + d !== pdf.length) return bad('签名没有覆盖整个文件：签章后文件被追加或截断过');
  if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) return bad('签名的字节范围不正确');
  for (let i = b + 1; i < c - 1; i++) if (!isHex(pdf[i] as number)) return bad('签名数据已损坏');
  const der = Buffer.from(pdf.toString('latin1', b + 1, c - 1), 'hex');
  let signedData: SignedData;
  let signer: string | null = null;
  try {
    const parsed = asn1js.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.length));
    if (parsed.offset === -1) return bad('签名数据已损坏');
    signedData = new SignedData({ schema: new ContentInfo({ schema: parsed.result }).content });
  } catch {
    return bad('签名数据已损坏');
  }
  const info = signedData.signerInfos[0];
  const cert = signedData.certificates?.find((x): x is Certificate => x instanceof Certificate);
  if (cert) signer = commonName(cert);
  const stated = info?.signedAttrs?.attributes.find((x) => x.type === messageDigestOid)?.values[0] as
    | asn1js.OctetString
    | undefined;
  if (!info || !stated) return bad('签名数据不完整（缺少摘要）', signer);
  const hash = digestNames[info.digestAlgorithm.algorithmId];
  if (!hash) return bad('签名使用的摘要算法不受支持', signer);
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const digest = createHash(hash).update(signed).digest();
  if (!digest.equals(Buffer.from(stated.valueBlock.valueHexView)))
    return bad('文件内容在签章后被改动过（摘要与签名不符）', signer);
  try {
    const data = signed.buffer.slice(signed.byteOffset, signed.byteOffset + signed.length) as ArrayBuffer;
    const ok = await signedData.verify({ signer: 0, data, checkChain: false }, pkiEngine());
    return ok ? { signer, valid: true, problem: null } : bad('签名值无效', signer);
  } catch {
    return bad('签名无法验证', signer);
  }
}

/** One check per signature, in file order; none for an unsigned PDF. */
export async function checkPdfSignatures(pdf: Buffer): Promise<PdfSignatureCheck[]> {
  const ranges = byteRanges(pdf);
  const out: PdfSignatureCheck[] = [];
  for (const [i, range] of ranges.entries()) out.push(await checkOne(pdf, range, i === ranges.length - 1));
  return out;
}
