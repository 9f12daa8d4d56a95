-- When the last snapshot run (a rebuild, or a refresh of the marked proposals, also one that found none) committed:
-- the gauge gevinstspor_snapshots_last_success_timestamp_seconds (docs/reporting.md, Metrics), the same on every
-- replica, so an alert sees a job that stopped on all of them. NULL before the first run.
ALTER TABLE evaluation_snapshot_state ADD COLUMN last_run_at timestamptz;
