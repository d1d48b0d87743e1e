/**
 * The PKCS#12 password-based encryption older tools still write (Windows before 2017, OpenSSL 1.x,
 * many CA download pages): pbeWithSHAAnd3-KeyTripleDES-CBC, RFC 7292 appendix B/C. pkijs decrypts
 * only PBES2, so this one is ours: the RFC's key derivation over SHA-1 and 3DES-CBC from Node.
 */
import { createDecipheriv, createHash } from 'node:crypto';

export const pbeSha1TripleDes = '1.2.840.113549.1.12.1.3';
/** 40-bit RC2: OpenSSL 1.x encrypted the certificates with it; OpenSSL 3 and Node no longer offer RC2. */
export const pbeSha1Rc2_40 = '1.2.840.113549.1.12.1.6';
export const pbeSha1Rc2_128 = '1.2.840.113549.1.12.1.5';

/** The password as the KDF takes it: UTF-16BE with a two-byte terminator (RFC 7292 B.1). */
function bmpPassword(password: string): Buffer {
  const out = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

const repeatTo = (bytes: Buffer, length: number): Buffer => {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = bytes.length ? (bytes[i % bytes.length] as number) : 0;
  return out;
};

/** RFC 7292 B.2 with SHA-1 (u = 20, v = 64): id 1 gives key material, 2 the IV. */
export function pkcs12Kdf(password: string, salt: Buffer, iterations: number, id: 1 | 2 | 3, size: number): Buffer {
  const v = 64;
  const D = Buffer.alloc(v, id);
  const P = bmpPassword(password);
  const S = repeatTo(salt, v * Math.ceil(salt.length / v));
  const Pv = repeatTo(P, v * Math.ceil(P.length / v));
  const I = Buffer.concat([S, Pv]);
  const out: Buffer[] = [];
  let produced = 0;
  while (produced < size) {
    let A = createHash('sha1').update(D).update(I).digest();
    for (let j = 1; j < iterations; j++) A = createHash('sha1').update(A).digest();
    out.push(A);
    produced += A.length;
    if (produced >= size) break;
    const B = repeatTo(A, v);
    // I_j = (I_j + B + 1) mod 2^(8v), for every v-byte block of I.
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (I[j + k] as number) + (B[k] as number) + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, size);
}

/** Decrypts a pbeWithSHAAnd3-KeyTripleDES-CBC payload; throws when the padding is wrong (a wrong password). */
export function decryptTripleDes(password: string, salt: Buffer, iterations: number, data: Buffer): Buffer {
  const key = pkcs12Kdf(password, salt, iterations, 1, 24);
  const iv = pkcs12Kdf(password, salt, iterations, 2, 8);
  const decipher = createDecipheriv('des-ede3-cbc', key, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}
