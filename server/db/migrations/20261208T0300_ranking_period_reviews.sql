-- 绩效排行 over a period and with 案卷评查 scores (docs/server.md "绩效排行"): for each case the day it was
-- decided and the day it was closed (a case counts in a period when either falls in it), and its last file
-- review as the workstation recorded it (review.ran, synced up with the case's events). Derived like the
-- other ranking rows, rebuilt by refresh.ts.
CREATE TABLE supervision_ranking_cases (
  case_id text PRIMARY KEY REFERENCES supervision_cases(case_id) ON DELETE CASCADE,
  bureau_id text NOT NULL,
  decided_on date,
  closed_on date,
  review_score numeric,
  review_max numeric,
  review_on date
);
CREATE INDEX supervision_ranking_cases_bureau ON supervision_ranking_cases (bureau_id);
CREATE INDEX supervision_ranking_cases_decided ON supervision_ranking_cases (decided_on);
CREATE INDEX supervision_ranking_cases_closed ON supervision_ranking_cases (closed_on);

-- The facts already derived have no such rows: empty the derived tables once so every case is worked out again.
TRUNCATE supervision_ranking_cases, supervision_ranking_staff, supervision_ranking_reviews, supervision_ranking_deadlines,
  supervision_steps, supervision_deadlines, supervision_officers, supervision_cases, supervision_step_totals;
