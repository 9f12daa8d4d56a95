-- A committee of :count proposals inside the benchmark portfolio: KFF-BEN-0001 … led by KFF (committee KFU, which
-- has no other bench proposals), shaped as bench/lib/portfolio.sql's BEN-… (adopted 2016, 10-year plans 2016-2025,
-- one economic target), with actuals 2016-2025 equal to their plans. Run by bench/lib/bench.sh (create_committee).
INSERT INTO proposal (reference, title, kind, lead_administration, adoption_round, adoption_year, price_level_year,
  digital, base_investment, transfers_effect, employer_area_effect, premises_change, new_it_system, other_administrations_potential)
SELECT 'KFF-BEN-' || lpad(g::text, 4, '0'), 'Benchmark KFU ' || g, 'INVESTMENT', 'KFF', 'BUDGET', 2016, 2016,
  false, false, false, false, false, false, false FROM generate_series(1, :count) g;
INSERT INTO proposal_administration SELECT id, 'KFF' FROM proposal WHERE reference LIKE 'KFF-BEN-%';
INSERT INTO plan_version (proposal_id, number) SELECT id, 1 FROM proposal WHERE reference LIKE 'KFF-BEN-%';
INSERT INTO plan_line (plan_version_id, year, investment, operation_funding, operating_cost, service_efficiency, transfer_effect)
SELECT v.id, y, CASE WHEN y = 2016 THEN 1000000 ELSE 0 END, 0, 0, CASE WHEN y = 2016 THEN 0 ELSE 400000 END, 0
FROM plan_version v JOIN proposal p ON p.id = v.proposal_id CROSS JOIN generate_series(2016, 2025) y
WHERE p.reference LIKE 'KFF-BEN-%';
INSERT INTO follow_up_target (proposal_id, code, type, position) SELECT id, 'EFF', 'ECONOMIC', 0 FROM proposal WHERE reference LIKE 'KFF-BEN-%';
INSERT INTO actual (proposal_id, year, investment, operation_funding, operating_cost, service_efficiency, transfer_effect, repayment)
SELECT v.proposal_id, l.year, l.investment, l.operation_funding, l.operating_cost, l.service_efficiency, l.transfer_effect, 0
FROM plan_line l JOIN plan_version v ON v.id = l.plan_version_id JOIN proposal p ON p.id = v.proposal_id
WHERE p.reference LIKE 'KFF-BEN-%';
ANALYZE;
