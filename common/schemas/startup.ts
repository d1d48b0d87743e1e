/** What the core found when it started: data files that were damaged and set aside. */
import { z } from 'zod';

export const dataFileWarning = z.object({
  /** 节假日日历, 程序定义, 文书模板. */
  kind: z.string(),
  /** The file, relative to the data directory (e.g. calendars/cn-2027.json). */
  file: z.string(),
  /** Where it now lies, relative to the data directory (…​.bad-20261207T030000Z). */
  setAsideAs: z.string(),
  /** When it was set aside (ISO). */
  foundAt: z.string(),
  /** Why, when found at this start; null for a file set aside at an earlier start. */
  reason: z.string().nullable(),
  /** The whole warning in Chinese, for the user interface. */
  message: z.string(),
});
export type DataFileWarning = z.infer<typeof dataFileWarning>;

/**
 * The check of the database's bulky tables that runs after the first answer (main/core/store/integrity.ts):
 * none (checked whole at open), pending/running, ok, or damaged with the first problem and a Chinese message.
 */
export const databaseCheck = z.object({
  state: z.enum(['none', 'pending', 'running', 'ok', 'damaged']),
  finishedAt: z.string().nullable(),
  message: z.string().nullable(),
});
export type DatabaseCheck = z.infer<typeof databaseCheck>;

export const startupReportOutput = z.object({
  warnings: z.array(dataFileWarning),
  databaseCheck: databaseCheck.optional(),
});
