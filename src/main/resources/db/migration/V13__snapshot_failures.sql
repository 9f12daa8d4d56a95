-- Proposals the snapshot job could not evaluate (docs/reporting.md, Failures): one row per proposal, with the
-- domain's message and since when it fails; a run that evaluates the proposal again removes its row. Shown to admins
-- on /admin/beregningsfejl and counted by the gauge gevinstspor.snapshots.failed.
CREATE TABLE snapshot_failure (
    proposal_id   bigint      PRIMARY KEY REFERENCES proposal (id) ON DELETE CASCADE,
    message       text        NOT NULL,
    failing_since timestamptz NOT NULL DEFAULT now()
);
