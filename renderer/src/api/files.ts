/**
 * Stored files for the screens: every photo, DOCX and PDF the page shows, prints or downloads is read
 * here, as bytes (common/files.ts) — never Base64 inside JSON. The core decides who may read what.
 */
import type { FileRequest } from '#common/files';
import { client } from './send';

export function readFile(request: FileRequest): Promise<Blob> {
  return client.file(request);
}

export async function readFileBytes(request: FileRequest): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await (await readFile(request)).arrayBuffer());
}
