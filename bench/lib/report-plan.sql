-- The statements of a majbidrag (report.ReportService through portfolio.Portfolio), as the service sends them for a
-- committee whose administrations are :administrations (quoted, comma-separated; the service binds them as
-- parameters), under EXPLAIN (ANALYZE, BUFFERS): bench/lib/bench.sh (explain_report) prints their plans, to show that
-- they read the committee's rows by index. portfolio.ReportPlanSqlTest keeps these texts equal to the service's.

\echo == pending
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) SELECT d.proposal_id, count(*) FROM change_decision d WHERE d.status = 'PENDING' AND d.proposal_id IN (SELECT p.id
  FROM proposal p WHERE p.lead_administration IN (:administrations)) GROUP BY d.proposal_id;

\echo == proposals
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) SELECT p.id, p.reference, p.title, p.kind, p.lead_administration, p.adoption_round, p.adoption_year, p.price_level_year, p.priority_class, p.digital, p.base_investment, p.transfers_effect, p.employer_area_effect, p.premises_change, p.new_it_system, p.other_administrations_potential, p.expected_investment_proposal_year, p.status, p.cancellation_effective_year,
  (SELECT json_agg(json_build_array(a.administration_code, r.sector)) FROM proposal_administration a JOIN administration r ON r.code = a.administration_code WHERE a.proposal_id = p.id)::text,
  (SELECT json_agg(d.name ORDER BY d.position) FROM proposal_dependent d WHERE d.proposal_id = p.id)::text,
  (SELECT json_agg(json_build_array(s.type, s.assessed_on, s.reference, s.follow_up_on_effects) ORDER BY s.type) FROM assessment s WHERE s.proposal_id = p.id)::text,
  (SELECT json_agg(json_build_array(l.year, l.investment, l.operation_funding, l.operating_cost, l.service_efficiency, l.transfer_effect) ORDER BY l.year) FROM plan_line l WHERE l.plan_version_id = (SELECT v.id FROM plan_version v WHERE v.proposal_id = p.id ORDER BY v.number DESC LIMIT 1))::text,
  (SELECT json_agg(json_build_array(t.code, t.type, t.description, t.unit, t.direction, t.due_year,
  (SELECT json_object_agg(k.year, k.target) FROM kpi_yearly_target k WHERE k.target_id = t.id)) ORDER BY t.position) FROM follow_up_target t WHERE t.proposal_id = p.id)::text,
  (SELECT json_build_array(lo.principal, lo.loan_year,
  (SELECT json_object_agg(r.year, r.amount) FROM loan_repayment r WHERE r.proposal_id = lo.proposal_id)) FROM loan lo WHERE lo.proposal_id = p.id)::text
  FROM proposal p WHERE p.lead_administration IN (:administrations) ORDER BY p.id;

\echo == actuals
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) SELECT a.proposal_id, a.year, a.investment, a.operation_funding, a.operating_cost, a.service_efficiency, a.transfer_effect, a.repayment, a.explanation,
  (SELECT json_object_agg(k.code, k.value) FROM actual_kpi k WHERE k.actual_id = a.id)::text,
  (SELECT json_object_agg(m.code, m.achieved_year) FROM actual_milestone m WHERE m.actual_id = a.id)::text
  FROM actual a WHERE a.proposal_id IN (SELECT p.id
  FROM proposal p WHERE p.lead_administration IN (:administrations)) ORDER BY a.proposal_id, a.year;
