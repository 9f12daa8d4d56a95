-- The reporting schema (docs/reporting.md): read-only views for SQL readers such as Grafana. Their names and columns
-- are a contract like the API: add, never rename or remove. Every figure is the domain's (the evaluation snapshots of
-- V6) or a plain sum or count of stored figures; a group's realisation and spend ratio are the domain's definition
-- (domain.Ratio: Σ actual / Σ planned, empty when Σ planned is 0, rounded half up to 3 decimals) applied to the sums.
-- Amounts are kroner in each proposal's own price level. year_start (1 January of the year) is for time filters.

CREATE SCHEMA reporting;

CREATE VIEW reporting.administration AS
SELECT a.code AS administration, a.name AS administration_name, a.committee_code AS committee, c.name AS committee_name,
       a.sort_order
FROM administration a JOIN committee c ON c.code = a.committee_code;

-- One row per proposal and accounts year, from its adoption to the last completed accounts year.
CREATE VIEW reporting.proposal_status AS
SELECT p.reference, p.title, p.kind, p.lead_administration AS administration, a.committee_code AS committee, p.digital,
       p.adoption_round, p.adoption_year, p.price_level_year, p.expected_investment_proposal_year, p.status AS proposal_status,
       s.year, make_date(s.year, 1, 1) AS year_start, s.follow_up_year, s.status,
       s.planned_pool_money, s.actual_pool_money, s.planned_gain, s.actual_gain,
       s.cumulative_planned_pool_money, s.cumulative_actual_pool_money, s.cumulative_planned_gain, s.cumulative_actual_gain,
       s.cumulative_actual_gain - s.cumulative_planned_gain AS cumulative_gain_deviation,
       s.realisation, s.cumulative_realisation, s.spend_ratio, s.effects_followed_up,
       s.fully_implemented, s.fully_implemented_year, s.cancelled,
       s.loan_status, s.loan_principal, s.loan_scheduled_to_date, s.loan_repaid_to_date, s.loan_outstanding,
       s.milestones, s.milestones_met, s.milestones_overdue, s.targets_not_met,
       s.error_findings, s.warning_findings, s.info_findings, s.computed_at
FROM evaluation_snapshot s
JOIN proposal p ON p.id = s.proposal_id
JOIN administration a ON a.code = p.lead_administration;

-- The portfolio under follow-up per accounts year × administration × committee × kind × digital: proposals whose
-- follow-up runs in the year (it ends with the year a proposal is fully implemented or cancelled, as in the reports).
CREATE VIEW reporting.portfolio AS
SELECT year, make_date(year, 1, 1) AS year_start, administration, committee, kind, digital, count(*) AS proposals,
       sum(planned_pool_money) AS planned_pool_money, sum(actual_pool_money) AS actual_pool_money,
       sum(planned_gain) AS planned_gain, sum(actual_gain) AS actual_gain,
       sum(cumulative_planned_pool_money) AS cumulative_planned_pool_money,
       sum(cumulative_actual_pool_money) AS cumulative_actual_pool_money,
       sum(cumulative_planned_gain) AS cumulative_planned_gain, sum(cumulative_actual_gain) AS cumulative_actual_gain,
       round(sum(cumulative_actual_gain) / nullif(sum(cumulative_planned_gain), 0), 3) AS cumulative_realisation,
       round(sum(cumulative_actual_pool_money) / nullif(sum(cumulative_planned_pool_money), 0), 3) AS spend_ratio,
       count(*) FILTER (WHERE status = 'GREEN') AS green, count(*) FILTER (WHERE status = 'AMBER') AS amber,
       count(*) FILTER (WHERE status = 'RED') AS red, count(*) FILTER (WHERE status = 'MISSING') AS missing,
       count(*) FILTER (WHERE status = 'NOT_STARTED') AS not_started
FROM reporting.proposal_status
WHERE follow_up_year = year
GROUP BY year, administration, committee, kind, digital;

-- Fully implemented per accounts year × administration × kind: how many became so in the year, how many are so by
-- its end, of how many proposals adopted by then.
CREATE VIEW reporting.fully_implemented AS
SELECT year, make_date(year, 1, 1) AS year_start, administration, kind,
       count(*) FILTER (WHERE fully_implemented_year = year) AS fully_implemented_in_year,
       count(*) FILTER (WHERE fully_implemented) AS fully_implemented_to_date,
       count(*) AS proposals
FROM reporting.proposal_status
GROUP BY year, administration, kind;

-- The innovation pool's frames per adoption year: limit, allocated (domain.InnovationFrames), what is left.
CREATE VIEW reporting.innovation_frames AS
SELECT f.adoption_year, make_date(f.adoption_year, 1, 1) AS year_start, f.frame, f.limit_amount, f.allocated,
       f.limit_amount - f.allocated AS remaining, f.exceeded
FROM frame_snapshot f;

-- The loan book: every loan at the end of each accounts year (domain.LoanStatus).
CREATE VIEW reporting.loan_book AS
SELECT reference, title, administration, committee, kind, adoption_year, year, year_start, loan_status AS status,
       loan_principal AS principal, loan_scheduled_to_date AS scheduled_to_date, loan_repaid_to_date AS repaid_to_date,
       loan_outstanding AS outstanding
FROM reporting.proposal_status
WHERE loan_status IS NOT NULL;

-- The role Grafana reads with: SELECT on the reporting views and nothing else (the views run with their owner's
-- rights, so it needs none on the tables). Created here where the service's database user may create roles (the
-- embedded database); elsewhere (CloudNativePG's managed roles) it exists before the first migration. Its password is
-- set at start-up from gevinstspor.reporting.password (common.database.ReportingRole).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gevinstspor_reporting') THEN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
            RAISE NOTICE 'Role gevinstspor_reporting does not exist and % may not create it: no grants (docs/reporting.md)', current_user;
            RETURN;
        END IF;
        CREATE ROLE gevinstspor_reporting NOLOGIN;
    END IF;
    GRANT USAGE ON SCHEMA reporting TO gevinstspor_reporting;
    GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO gevinstspor_reporting;
    ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO gevinstspor_reporting;
END
$$;
