-- 通知公告 withdrawn (撤回) by its publishing bureau, with the reason: the one change a published notice
-- takes. Its deliveries and read receipts stay; desks that received it are told at their next sync.
ALTER TABLE notices ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE notices ADD COLUMN withdrawn_by text REFERENCES users(id);
ALTER TABLE notices ADD COLUMN withdraw_reason text;
