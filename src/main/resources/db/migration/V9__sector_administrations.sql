-- DOMAIN.md Edges 1: a proposal is cross-cutting when at least three fagforvaltninger take part. Økonomiforvaltningen
-- approves and coordinates and is not a fagforvaltning: it may take part and lead but does not count.
ALTER TABLE administration ADD COLUMN sector boolean NOT NULL DEFAULT true;
UPDATE administration SET sector = false WHERE code = 'ØKF';

-- Proposals that were cross-cutting by the old count (ØKF counting) and are not now: they move from the ØU report to
-- their lead's majbidrag (a pre-analysis among them needs a loan). The service logs each once at start-up
-- (proposal.CrossCuttingChanges) and removes it from here.
CREATE TABLE cross_cutting_change (
    reference varchar(40) PRIMARY KEY
);
INSERT INTO cross_cutting_change (reference)
SELECT p.reference
FROM proposal p
WHERE (SELECT count(DISTINCT pa.administration_code) FROM proposal_administration pa WHERE pa.proposal_id = p.id) >= 3
  AND (SELECT count(DISTINCT pa.administration_code) FROM proposal_administration pa
       JOIN administration a ON a.code = pa.administration_code WHERE pa.proposal_id = p.id AND a.sector) < 3;

-- The reporting views (a contract: columns are only added): the sector flag of an administration, and a group's
-- realisation by DOMAIN.md Edges 2, 1 + (A − P) / |P| (A / P when P > 0), empty when P = 0, as domain.Realisation.
CREATE OR REPLACE VIEW reporting.administration AS
SELECT a.code AS administration, a.name AS administration_name, a.committee_code AS committee, c.name AS committee_name,
       a.sort_order, a.sector
FROM administration a JOIN committee c ON c.code = a.committee_code;

CREATE OR REPLACE VIEW reporting.portfolio AS
SELECT year, make_date(year, 1, 1) AS year_start, administration, committee, kind, digital, count(*) AS proposals,
       sum(planned_pool_money) AS planned_pool_money, sum(actual_pool_money) AS actual_pool_money,
       sum(planned_gain) AS planned_gain, sum(actual_gain) AS actual_gain,
       sum(cumulative_planned_pool_money) AS cumulative_planned_pool_money,
       sum(cumulative_actual_pool_money) AS cumulative_actual_pool_money,
       sum(cumulative_planned_gain) AS cumulative_planned_gain, sum(cumulative_actual_gain) AS cumulative_actual_gain,
       round(1 + (sum(cumulative_actual_gain) - sum(cumulative_planned_gain))
                 / nullif(abs(sum(cumulative_planned_gain)), 0), 3) AS cumulative_realisation,
       round(sum(cumulative_actual_pool_money) / nullif(sum(cumulative_planned_pool_money), 0), 3) AS spend_ratio,
       count(*) FILTER (WHERE status = 'GREEN') AS green, count(*) FILTER (WHERE status = 'AMBER') AS amber,
       count(*) FILTER (WHERE status = 'RED') AS red, count(*) FILTER (WHERE status = 'MISSING') AS missing,
       count(*) FILTER (WHERE status = 'NOT_STARTED') AS not_started
FROM reporting.proposal_status
WHERE follow_up_year = year
GROUP BY year, administration, committee, kind, digital;
