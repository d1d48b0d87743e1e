-- 绩效排行 (docs/server.md "绩效排行"): what it counts of each case, derived like the other supervision
-- tables (server/supervision/rankingFacts.ts) and rebuilt with them, and the weights the province publishes.

-- The bureau's own deadlines that have begun: met on time, met late, or unmet (missed once due_on passed
-- while the case or track still ran — decided on the day asked, from these dates).
CREATE TABLE supervision_ranking_deadlines (
  case_id text NOT NULL REFERENCES supervision_cases(case_id) ON DELETE CASCADE,
  bureau_id text NOT NULL,
  track text NOT NULL,
  rule_id text NOT NULL,
  due_on date NOT NULL,
  met_on date,
  ends_on date,
  PRIMARY KEY (case_id, track, rule_id)
);
CREATE INDEX supervision_ranking_deadlines_bureau ON supervision_ranking_deadlines (bureau_id);

-- Each opinion of 法制审核 or an approval step, and whether it sent the case back or did not pass.
CREATE TABLE supervision_ranking_reviews (
  case_id text NOT NULL REFERENCES supervision_cases(case_id) ON DELETE CASCADE,
  bureau_id text NOT NULL,
  ordinal integer NOT NULL,
  action text NOT NULL,
  on_date date NOT NULL,
  changed boolean NOT NULL,
  PRIMARY KEY (case_id, ordinal)
);
CREATE INDEX supervision_ranking_reviews_bureau ON supervision_ranking_reviews (bureau_id);

-- Everyone named on a case as 承办人员, closed cases included (supervision_officers holds open cases only).
CREATE TABLE supervision_ranking_staff (
  case_id text NOT NULL REFERENCES supervision_cases(case_id) ON DELETE CASCADE,
  bureau_id text NOT NULL,
  officer_id text NOT NULL,
  officer_name text NOT NULL,
  PRIMARY KEY (case_id, officer_id)
);
CREATE INDEX supervision_ranking_staff_bureau ON supervision_ranking_staff (bureau_id, officer_id);

-- The weights: each version as published, never changed; the latest published is in force.
CREATE TABLE ranking_weights (
  seq bigserial PRIMARY KEY,
  version text NOT NULL UNIQUE,
  payload jsonb NOT NULL,
  published_at timestamptz NOT NULL,
  published_by text NOT NULL
);

-- The facts already derived have no ranking rows: empty them all (they are derived) so the next request
-- rebuilds every case with its ranking facts.
TRUNCATE supervision_ranking_staff, supervision_ranking_reviews, supervision_ranking_deadlines, supervision_steps,
  supervision_deadlines, supervision_officers, supervision_cases, supervision_step_totals;
