/**
 * The enterprise directory's data: the county-code table (resources/regions/gb2260.json) and the
 * header names of provincial exports (resources/enterprises/columns.json). Checked once when the
 * core starts; a broken file stops the start with what is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { resourcesDir } from './paths.js';
import { regionTable, regionTableSchema, type RegionTable } from './domain/enterprises/regions.js';
import { columnMapSchema, type ColumnMap } from './domain/enterprises/columns.js';

export interface EnterpriseData {
  regions: RegionTable;
  columns: ColumnMap;
}

function readChecked<T>(file: string, schema: z.ZodType<T>, label: string): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${label} 有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return parsed.data;
}

export function loadEnterpriseData(dir = resourcesDir()): EnterpriseData {
  return {
    regions: regionTable(
      readChecked(join(dir, 'regions', 'gb2260.json'), regionTableSchema, 'resources/regions/gb2260.json'),
    ),
    columns: readChecked(
      join(dir, 'enterprises', 'columns.json'),
      columnMapSchema,
      'resources/enterprises/columns.json',
    ),
  };
}
