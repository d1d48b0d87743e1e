/**
 * Signs the update feed's indexes (checked by main/app/updateFeed.ts in the installed app).
 *   npx tsx scripts/release/signFeed.ts sign <feed folder>      writes latest*.yml.sig next to each latest*.yml
 *   npx tsx scripts/release/signFeed.ts public-key <out.pem>    writes the public half, built into the app as
 *                                                               resources/update-feed-key.pem before packaging
 * The private key (Ed25519, PKCS#8 PEM) comes from the environment variable UPDATE_FEED_SIGNING_KEY, a
 * secret of the release job. Make one (offline, kept by the provincial information centre) with
 *   openssl genpkey -algorithm ed25519 -out anjuan-feed-key.pem
 */
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isFeedIndex } from '../../main/app/updateFeed.js';

export function privateKeyFrom(env: Record<string, string | undefined> = process.env): KeyObject {
  const pem = env.UPDATE_FEED_SIGNING_KEY;
  if (!pem || !pem.includes('PRIVATE KEY')) throw new Error('UPDATE_FEED_SIGNING_KEY 未设置或不是PEM格式的私钥');
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`更新签名密钥应为Ed25519，实际为 ${key.asymmetricKeyType}`);
  return key;
}

/** Signs every index in `dir`; returns the names signed. */
export function signFeed(dir: string, key: KeyObject): string[] {
  const signed: string[] = [];
  for (const name of readdirSync(dir).filter(isFeedIndex).sort()) {
    const signature = sign(null, readFileSync(join(dir, name)), key);
    writeFileSync(join(dir, `${name}.sig`), `${signature.toString('base64')}\n`);
    signed.push(name);
  }
  if (signed.length === 0) throw new Error(`${dir} 中没有 latest*.yml`);
  return signed;
}

export function writePublicKey(out: string, key: KeyObject): void {
  writeFileSync(out, createPublicKey(key).export({ type: 'spki', format: 'pem' }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, target] = process.argv.slice(2);
  try {
    const key = privateKeyFrom();
    if (command === 'sign' && target) console.log(`已签名：${signFeed(target, key).join('、')}`);
    else if (command === 'public-key' && target) { writePublicKey(target, key); console.log(`公钥已写入 ${target}`); }
    else { console.error('用法：signFeed.ts sign <目录> | public-key <文件>'); process.exit(2); }
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
