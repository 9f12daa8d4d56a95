-- The evaluation snapshots are written in bulk: a rebuild copies about ten rows per proposal (1,010,000 for the
-- benchmark's portfolio) and an import marks every proposal it touched. Their foreign keys to proposal checked each of
-- those rows one at a time: 2.8 s of the database's 8.2 s for copying a rebuild's rows (bench/RESULTS.md, issue 23).
-- Proposals are never deleted (V30), and both tables are only ever written with ids just read from proposal in the
-- same transaction (SnapshotRepository: the rows of the proposals the job read; the marks an INSERT … SELECT of
-- proposal ids), so the check cannot fail; V30's rule, a foreign key only where rows are written one at a time,
-- now holds for these two tables as well.
ALTER TABLE evaluation_snapshot DROP CONSTRAINT evaluation_snapshot_proposal_id_fkey;
ALTER TABLE evaluation_snapshot_dirty DROP CONSTRAINT evaluation_snapshot_dirty_proposal_id_fkey;
