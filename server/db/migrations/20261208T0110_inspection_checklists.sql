-- 行业检查要点 ticked on a 现场检查, as the workstation recorded them (version, industry, each item with its
-- text and whether it was checked); null when none was offered. Kept like the rest of the result: first wins.
ALTER TABLE field_assignments ADD COLUMN checklist jsonb;
