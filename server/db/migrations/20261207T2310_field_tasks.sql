-- 现场检查任务 (双随机). The directory the draws come from is the one the province publishes as reference
-- data (kind `enterprises`), kept here as rows so a draw filters it in SQL; each row remembers the
-- reference version that last wrote it, so an audit can tell whether the directory changed since a draw.
CREATE TABLE directory_enterprises (
  uscc text PRIMARY KEY,
  name text NOT NULL,
  county_id text NOT NULL,
  industry_code text NOT NULL,
  key_polluter text[] NOT NULL DEFAULT '{}',
  last_inspected_on date,
  ref_seq bigint NOT NULL
);
-- In the order the draw takes each county's candidates (byte order), with what the rules read: a
-- province-wide pool is an index-only scan with no sort (≈ 50 ms for 90,910 rows instead of ≈ 450).
CREATE INDEX directory_enterprises_county ON directory_enterprises (county_id, uscc COLLATE "C")
  INCLUDE (industry_code, key_polluter, last_inspected_on);

-- A task: its rules as data and the seed of its draw, recorded so the draw can be re-run.
CREATE TABLE field_tasks (
  id text PRIMARY KEY,
  submission_id text NOT NULL UNIQUE,
  bureau_id text NOT NULL REFERENCES bureaus(id),
  name text NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  counties text[] NOT NULL,
  rules jsonb NOT NULL,
  per_county integer NOT NULL CHECK (per_county > 0),
  seed bigint NOT NULL,
  directory_seq bigint NOT NULL,
  created_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  UNIQUE (bureau_id, name)
);

-- What each county's draw was made from, so the audit re-runs it on exactly these: the candidates'
-- 统一社会信用代码 sorted and joined by commas (one value: a province-wide pool is ~1.7 MB, which as an
-- array costs far more to send and store), and the officers' ids.
CREATE TABLE field_task_pools (
  task_id text NOT NULL REFERENCES field_tasks(id),
  county_id text NOT NULL,
  candidate_count integer NOT NULL,
  candidates text NOT NULL,
  officers text[] NOT NULL,
  PRIMARY KEY (task_id, county_id)
);
-- Stored as is: compressing 1.7 MB of codes costs more time at each draw than it saves space.
ALTER TABLE field_task_pools ALTER COLUMN candidates SET STORAGE EXTERNAL;

-- One enterprise of a task with its two officers; done when a workstation sends the inspection back.
CREATE TABLE field_assignments (
  id text PRIMARY KEY,
  task_id text NOT NULL REFERENCES field_tasks(id),
  county_id text NOT NULL,
  position integer NOT NULL,
  uscc text NOT NULL,
  enterprise_name text NOT NULL,
  officer_ids text[] NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  inspected_on date,
  findings text,
  result text CHECK (result IN ('clean', 'issues')),
  recorded_by text,
  case_id text,
  case_number text,
  result_device text,
  result_at timestamptz,
  UNIQUE (task_id, county_id, position)
);
CREATE INDEX field_assignments_county ON field_assignments (county_id, task_id);
CREATE INDEX field_assignments_inspected ON field_assignments (uscc, result_at) WHERE inspected_on IS NOT NULL;
