/**
 * 行业检查要点 ticked on a 现场检查: kept with the inspection as recorded (version, industry, every item
 * offered with its text and whether it was checked), JSON; null when no checklist was offered.
 */
export const sql = `
ALTER TABLE field_assignments ADD COLUMN checklist_json TEXT;
`;
