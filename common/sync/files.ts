/**
 * Files of cases between the workstations and the server: uploaded resumably with the tus protocol
 * (`/api/files/uploads`, metadata `sha256` and `type`), named by their SHA-256 on both ends.
 */
import { z } from 'zod';

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, '文件哈希值应为64位十六进制');

/** Which of these files the server holds for the device's bureau (at most 5,000 a request). */
export const fileStatusInput = z.object({ hashes: z.array(sha256Hex).max(5000, '一次最多查询5000个文件') }).strict();
export const fileStatusOutput = z.object({ held: z.array(z.string()) });

/** A device's upload of one file: its id on the server, so an interrupted upload is found again. */
export const uploadId = (deviceId: string, sha256: string): string => `${deviceId}-${sha256}`;
export const uploadPath = '/api/files/uploads';
