# Shared by bench/import and bench/report: starts the service on a fresh embedded database and creates
# $proposals + 1000 proposals (BEN-000001 …, all led by BUF) with 10-year plans 2016-2025 directly in SQL.
# Expects: $jar, $port, $proposals, $work; sets $pid, $pgport and the function sql.
start_service_with_portfolio() {
  echo "== starting the service (fresh data folder in $work)"
  GEVINSTSPOR_DATA_DIR="$work/data" GEVINSTSPOR_ADMIN_PASSWORD=bench-admin-pw QUARKUS_HTTP_PORT=$port \
    java ${JAVA_OPTS:--Xmx512m} -jar "$jar" >"$work/service.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/q/health/ready" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { cat "$work/service.log"; exit 1; }
    sleep 0.2
  done
  pgport=$(sed -n 4p "$work/data/postgres-17/postmaster.pid")

  total=$((proposals + 1000))
  echo "== creating $total proposals with plans 2016-2025 (SQL)"
  sql <<SQL
INSERT INTO proposal (reference, title, kind, lead_administration, adoption_round, adoption_year, price_level_year,
  digital, base_investment, transfers_effect, employer_area_effect, premises_change, new_it_system, other_administrations_potential)
SELECT 'BEN-' || lpad(g::text, 6, '0'), 'Benchmark ' || g, 'INVESTMENT', 'BUF', 'BUDGET', 2016, 2016,
  false, false, false, false, false, false, false FROM generate_series(1, $total) g;
INSERT INTO proposal_administration SELECT id, 'BUF' FROM proposal WHERE reference LIKE 'BEN-%';
INSERT INTO plan_version (proposal_id, number) SELECT id, 1 FROM proposal WHERE reference LIKE 'BEN-%';
INSERT INTO plan_line (plan_version_id, year, investment, operation_funding, operating_cost, service_efficiency, transfer_effect)
SELECT v.id, y, CASE WHEN y = 2016 THEN 1000000 ELSE 0 END, 0, 0, CASE WHEN y = 2016 THEN 0 ELSE 400000 END, 0
FROM plan_version v CROSS JOIN generate_series(2016, 2025) y;
INSERT INTO follow_up_target (proposal_id, code, type, position) SELECT id, 'EFF', 'ECONOMIC', 0 FROM proposal WHERE reference LIKE 'BEN-%';
ANALYZE;
SQL

}

sql() { psql -q -X -v ON_ERROR_STOP=1 -h localhost -p "$pgport" -U postgres gevinstspor "$@"; }
