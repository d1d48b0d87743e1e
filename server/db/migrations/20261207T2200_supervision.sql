-- Supervision (docs/server.md "Supervision"): what the dashboards count, derived from each case's projection
-- and events by server/supervision/refresh.ts. Derived, never authoritative: the rows of a case are rebuilt
-- whenever its head moves (head_seq differs from cases.head_seq), so they can be dropped and rebuilt at will.
CREATE TABLE supervision_cases (
  case_id text PRIMARY KEY REFERENCES cases(id),
  bureau_id text NOT NULL REFERENCES bureaus(id),
  head_seq integer NOT NULL,
  -- The day the deadlines were evaluated; a suspended case whose deadlines slide is re-evaluated each day.
  evaluated_on date NOT NULL,
  slides boolean NOT NULL,
  number text NOT NULL,
  party text NOT NULL,
  procedure_id text NOT NULL,
  procedure_name text NOT NULL,
  node text NOT NULL,
  node_name text NOT NULL,
  closed boolean NOT NULL,
  violation_id text NOT NULL,
  violation_name text NOT NULL,
  -- 元: the approved penalty decision's fine, and what the payments recorded add up to.
  fine_decided numeric NOT NULL,
  fine_collected numeric NOT NULL
);
CREATE INDEX supervision_cases_bureau ON supervision_cases (bureau_id);

-- The officers (承办人员) of each open case: the workload per officer.
CREATE TABLE supervision_officers (
  case_id text NOT NULL REFERENCES supervision_cases(case_id) ON DELETE CASCADE,
  bureau_id text NOT NULL,
  officer_id text NOT NULL,
  officer_name text NOT NULL,
  PRIMARY KEY (case_id, officer_id)
);
CREATE INDEX supervision_officers_bureau ON supervision_officers (bureau_id, officer_id);

-- The deadlines of open cases that are not met yet: due_on decides overdue / due soon on the day asked.
CREATE TABLE supervision_deadlines (
  case_id text NOT NULL REFERENCES supervision_cases(case_id) ON DELETE CASCADE,
  bureau_id text NOT NULL,
  track text NOT NULL,
  rule_id text NOT NULL,
  name text NOT NULL,
  citation text NOT NULL,
  owner text NOT NULL,
  due_on date NOT NULL,
  warn_ahead integer NOT NULL,
  PRIMARY KEY (case_id, track, rule_id)
);
CREATE INDEX supervision_deadlines_bureau ON supervision_deadlines (bureau_id, due_on);

-- Each stay of the main procedure at a node, from the event that entered it to the one that left it.
CREATE TABLE supervision_steps (
  case_id text NOT NULL REFERENCES supervision_cases(case_id) ON DELETE CASCADE,
  bureau_id text NOT NULL,
  ordinal integer NOT NULL,
  procedure_id text NOT NULL,
  node text NOT NULL,
  node_name text NOT NULL,
  entered_at timestamptz NOT NULL,
  seconds double precision NOT NULL,
  PRIMARY KEY (case_id, ordinal)
);
CREATE INDEX supervision_steps_bureau ON supervision_steps (bureau_id, procedure_id, node);

-- The stays summed per bureau and node, kept with the stays (store.ts writeFacts): the averages are read
-- from a few thousand rows instead of every stay of the province.
CREATE TABLE supervision_step_totals (
  bureau_id text NOT NULL,
  procedure_id text NOT NULL,
  node text NOT NULL,
  node_name text NOT NULL,
  first_ordinal integer NOT NULL,
  stays bigint NOT NULL,
  seconds double precision NOT NULL,
  PRIMARY KEY (bureau_id, procedure_id, node)
);
