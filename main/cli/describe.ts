/** `ops` and `ops --json`: the operations table as text, or with JSON Schemas for provincial IT. */
import { z } from 'zod';
import { operations, opNames } from '#common/operations.js';

export function describeOperations(asJson: boolean): string {
  if (!asJson) return opNames.map((n) => `${n.padEnd(22)} ${operations[n].description}`).join('\n');
  const out = Object.fromEntries(
    opNames.map((n) => [
      n,
      {
        description: operations[n].description,
        access: operations[n].access,
        input: z.toJSONSchema(operations[n].input, { io: 'input', unrepresentable: 'any' }),
        output: z.toJSONSchema(operations[n].output, { io: 'output', unrepresentable: 'any' }),
      },
    ]),
  );
  return JSON.stringify(out, null, 2);
}
