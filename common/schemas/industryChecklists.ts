/**
 * 行业检查要点 (industry plans): per GB/T 4754 industry, the items an officer checks on site, as versioned
 * data (resources/industry-checklists/). A checklist is offered when an inspection concerns an enterprise
 * of its industry; the items ticked are kept with the inspection, each with its text and the version, so
 * the record still reads the same when a later version changes the list.
 */
import { z } from 'zod';
import { key, plainText } from './primitives.js';

/** A GB/T 4754-2017 code or its beginning (as the draw rules write them in common/sync/fieldTasks.ts). */
const industryPrefix = z
  .string()
  .regex(/^(?:[A-T]|[A-T]?\d{2,4})$/, '行业代码应如“C”“C26”或“C2614”（GB/T 4754门类字母或2至4位数字）');

export const checklistItem = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/, '检查要点编号只能含小写字母、数字和“-”'),
    text: plainText(300, '检查要点').min(1, '检查要点为空'),
    /** What the item checks against (the rule or the permit), as a reader would look it up. */
    basis: plainText(200, '依据').optional(),
  })
  .strict();

export const industryChecklist = z
  .object({
    name: plainText(50, '行业名称').min(1),
    /** GB/T 4754-2017 codes or their beginning (C26, 3011, D4411): the most specific match is offered. */
    industries: z.array(industryPrefix).min(1),
    items: z
      .array(checklistItem)
      .min(1)
      .max(100)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, '检查要点编号不能重复'),
  })
  .strict();

export const industryChecklists = z
  .object({
    version: z.string().min(1).max(40),
    source: plainText(500, '来源'),
    /** False until a lawyer or the province checked the items against the rules they name. */
    verified: z.boolean(),
    note: plainText(1000, '说明').optional(),
    checklists: z.array(industryChecklist),
  })
  .strict();
export type IndustryChecklists = z.infer<typeof industryChecklists>;
export type IndustryChecklist = z.infer<typeof industryChecklist>;

/** The checklist offered for an inspection (items to tick). */
export const offeredChecklist = z.object({
  version: z.string(),
  name: z.string(),
  verified: z.boolean(),
  items: z.array(z.object({ id: z.string(), text: z.string(), basis: z.string().optional() })),
});
export type OfferedChecklist = z.infer<typeof offeredChecklist>;

/** The ticks kept with an inspection: every item offered, with its text and whether it was checked. */
export const checklistRecord = z
  .object({
    version: key(40, '检查要点版本'),
    name: plainText(50, '行业名称'),
    items: z
      .array(z.object({ id: key(64, '检查要点编号'), text: plainText(300, '检查要点'), checked: z.boolean() }).strict())
      .max(100),
  })
  .strict();
export type ChecklistRecord = z.infer<typeof checklistRecord>;
