-- Evaluation snapshots (docs/reporting.md): each proposal's evaluation per accounts year as the domain computes it,
-- stored for SQL readers (the reporting views, dashboards). Never written by hand: the service rebuilds them
-- (dk.kk.gevinstspor.snapshot). Amounts in the proposal's own price level; ratios rounded as shown (3 decimals).

CREATE TABLE evaluation_snapshot (
    proposal_id                   bigint        NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
    year                          integer       NOT NULL,
    follow_up_year                integer       NOT NULL,
    status                        varchar(20)   NOT NULL CHECK (status IN ('NOT_STARTED', 'MISSING', 'GREEN', 'AMBER', 'RED')),
    planned_pool_money            numeric(15,2) NOT NULL,
    actual_pool_money             numeric(15,2) NOT NULL,
    planned_gain                  numeric(15,2) NOT NULL,
    actual_gain                   numeric(15,2) NOT NULL,
    cumulative_planned_pool_money numeric(15,2) NOT NULL,
    cumulative_actual_pool_money  numeric(15,2) NOT NULL,
    cumulative_planned_gain       numeric(15,2) NOT NULL,
    cumulative_actual_gain        numeric(15,2) NOT NULL,
    realisation                   numeric(20,3),
    cumulative_realisation        numeric(20,3),
    spend_ratio                   numeric(20,3),
    effects_followed_up           boolean       NOT NULL,
    fully_implemented             boolean       NOT NULL,
    fully_implemented_year        integer,
    cancelled                     boolean       NOT NULL,
    loan_status                   varchar(20)   CHECK (loan_status IN ('ON_SCHEDULE', 'BEHIND', 'REPAID')),
    loan_principal                numeric(15,2),
    loan_scheduled_to_date        numeric(15,2),
    loan_repaid_to_date           numeric(15,2),
    loan_outstanding              numeric(15,2),
    milestones                    integer       NOT NULL,
    milestones_met                integer       NOT NULL,
    milestones_overdue            integer       NOT NULL,
    targets_not_met               integer       NOT NULL,
    error_findings                integer       NOT NULL,
    warning_findings              integer       NOT NULL,
    info_findings                 integer       NOT NULL,
    computed_at                   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (proposal_id, year)
);
CREATE INDEX evaluation_snapshot_year ON evaluation_snapshot (year);

-- The innovation pool's frames per adoption year with what is allocated to them (domain.InnovationFrames).
CREATE TABLE frame_snapshot (
    adoption_year integer       NOT NULL,
    frame         varchar(40)   NOT NULL,
    limit_amount  numeric(15,2) NOT NULL,
    allocated     numeric(15,2) NOT NULL,
    exceeded      boolean       NOT NULL,
    PRIMARY KEY (adoption_year, frame)
);

-- Proposals whose snapshots are out of date. Every write of a proposal, its actuals or a decision marks it in
-- the same transaction (INSERT … ON CONFLICT DO UPDATE, which locks the mark until that transaction ends); the
-- background job claims marks by deleting them and recomputes those proposals in its own transaction.
CREATE TABLE evaluation_snapshot_dirty (
    proposal_id bigint      PRIMARY KEY REFERENCES proposal (id) ON DELETE CASCADE,
    marked_at   timestamptz NOT NULL DEFAULT now()
);

-- One row: the last accounts year the snapshots cover and when they were last rebuilt in full.
CREATE TABLE evaluation_snapshot_state (
    id           integer     PRIMARY KEY CHECK (id = 1),
    through_year integer,
    rebuilt_at   timestamptz
);
INSERT INTO evaluation_snapshot_state (id) VALUES (1);
