import { expect, it } from 'vitest';
import { readingOrder } from './readingOrder.js';

const at = (text: string, left: number, top: number, confidence = 0.9) => ({
  text,
  left,
  top,
  bottom: top + 20,
  confidence,
});

it('joins boxes of one row left to right, rows top to bottom', () => {
  const lines = readingOrder([at('意见', 300, 104), at('第二行', 10, 150), at('负责人', 10, 100, 0.7)]);
  expect(lines.map((l) => l.text)).toEqual(['负责人 意见', '第二行']);
  expect(lines[0]!.confidence).toBeCloseTo(0.8);
  expect(readingOrder([])).toEqual([]);
});
