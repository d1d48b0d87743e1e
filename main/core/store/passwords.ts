/**
 * Password hashes: scrypt from node:crypto (a memory-hard KDF) with Node's parameters N = 2^14,
 * r = 8, p = 1 (16 MiB, about 90 ms a check on the development machines), a random 16-byte salt per
 * password and a 32-byte key, stored as `scrypt$<salt hex>$<key hex>`; compared in constant time.
 * Tokens are stored as their SHA-256 (a token is 32 random bytes: nothing to guess, so no KDF needed).
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export function hashPassword(password: string, salt = randomBytes(16)): string {
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

export function checkPassword(password: string, stored: string): boolean {
  const [, saltHex, hashHex] = stored.split('$');
  if (!saltHex || !hashHex) return false;
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), 32);
  const expected = Buffer.from(hashHex, 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}

/**
 * The hash an unknown username is checked against, so that a login for a name that does not exist
 * costs the same scrypt as a wrong password (equal timing: nobody learns which names exist). Its
 * password is random and was thrown away: it never matches.
 */
export const dummyHash =
  'scrypt$5d3d283d058190fdd7ffeebbaf207fb8$8072e8b7b193c105b10c488f1ce6510736c5c82ae2ee70e1b76b5aef57f42dc0';

export function newToken(): string {
  return randomBytes(32).toString('hex');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
