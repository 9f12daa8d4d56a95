-- The benchmark data set: :total proposals BEN-000001 … (all led by BUF, adopted 2016) with 10-year plans
-- 2016-2025 (1,000,000 investment in 2016, then 400,000 service efficiency a year) and one economic target.
-- Run by bench/lib/bench.sh (psql -v total=…) and by the fault tests (src/test/java/…/replicas/Portfolio.java).
INSERT INTO proposal (reference, title, kind, lead_administration, adoption_round, adoption_year, price_level_year,
  digital, base_investment, transfers_effect, employer_area_effect, premises_change, new_it_system, other_administrations_potential)
SELECT 'BEN-' || lpad(g::text, 6, '0'), 'Benchmark ' || g, 'INVESTMENT', 'BUF', 'BUDGET', 2016, 2016,
  false, false, false, false, false, false, false FROM generate_series(1, :total) g;
INSERT INTO proposal_administration SELECT id, 'BUF' FROM proposal WHERE reference LIKE 'BEN-%';
INSERT INTO plan_version (proposal_id, number) SELECT id, 1 FROM proposal WHERE reference LIKE 'BEN-%';
INSERT INTO plan_line (plan_version_id, year, investment, operation_funding, operating_cost, service_efficiency, transfer_effect)
SELECT v.id, y, CASE WHEN y = 2016 THEN 1000000 ELSE 0 END, 0, 0, CASE WHEN y = 2016 THEN 0 ELSE 400000 END, 0
FROM plan_version v CROSS JOIN generate_series(2016, 2025) y;
INSERT INTO follow_up_target (proposal_id, code, type, position) SELECT id, 'EFF', 'ECONOMIC', 0 FROM proposal WHERE reference LIKE 'BEN-%';
ANALYZE;
