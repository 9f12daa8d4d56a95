# Shared by the benchmarks in bench/ (bench/run, bench/import, bench/report, bench/startup). Source it from a
# script that has cd'ed to the repository root; it checks the jar and psql, makes $work (deleted on exit) and
# stops the service on exit. Settings: PORT, MANAGEMENT_PORT (health and metrics), PROPOSALS (default 100,000), JAVA_OPTS (default -Xmx512m), JAR
# (default target/quarkus-app/quarkus-run.jar; a copy lets a build run meanwhile), POD_JVM (below).
set -euo pipefail
jar=${JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || { echo "no $jar: run 'mvn package -DskipTests' first" >&2; exit 1; }
port=${PORT:-18081}
management_port=${MANAGEMENT_PORT:-19081}
proposals=${PROPOSALS:-100000}
admin_password=bench-admin-pw
base="http://localhost:$port"
management="http://localhost:$management_port"
work=$(mktemp -d "${TMPDIR:-/tmp}/gevinstspor-bench-XXXXXX")
pid=
pgport=
sampler_pid=
jstat_pid=
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null
  [ -n "$jstat_pid" ] && kill "$jstat_pid" 2>/dev/null
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && { wait "$pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

# The JVM as it runs in the service's pod, whatever the machine the benchmark runs on: the memory the pod has
# (k8s/base/deployment.yaml: a 768 MiB limit), from which the JVM sizes what JAVA_OPTS does not set (its initial
# heap is 1/64 of it, not of this machine's 24 GB), and the serial collector the image sets (GC_CONTAINER_OPTIONS,
# src/main/docker/Dockerfile.jvm). JAVA_OPTS then sets the heap. POD_JVM= (empty) measures the JVM's own choices on
# this machine instead (G1, an initial heap of 384 MB): bench/RESULTS.md, 2026-11-30 night, has both.
pod_jvm=${POD_JVM--XX:MaxRAM=768m -XX:+UseSerialGC}
service_jvm="$pod_jvm ${JAVA_OPTS:--Xmx512m}"

seconds_since() { python3 -c "import sys, time; print(f'{(time.time_ns() - int(sys.argv[1])) / 1e9:.2f}')" "$1"; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }

# start_service DATA_FOLDER: starts the service on its embedded database in that folder (created on first use)
# and waits until /q/health/ready (management port) is UP; sets $pid, $pgport, $pgpassword (the embedded database's generated password,
# docs/running.md) and $ready_seconds (run command to ready).
start_service() {
  local t0
  t0=$(date +%s%N)
  GEVINSTSPOR_DATA_DIR="$1" GEVINSTSPOR_ADMIN_PASSWORD=$admin_password QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$management_port \
    java $service_jvm -jar "$jar" >>"$work/service.log" 2>&1 &
  pid=$!
  until curl -sf "$management/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; echo "the service died" >&2; exit 1; }
    sleep 0.05
  done
  ready_seconds=$(seconds_since "$t0")
  pgport=$(sed -n 4p "$1/postgres-17/postmaster.pid")
  pgpassword=$(cat "$1/postgres-password")
}

stop_service() { kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

sql() {
  command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }
  PGPASSWORD=$pgpassword PGOPTIONS='-c client_min_messages=warning' psql -q -X -v ON_ERROR_STOP=1 -h localhost -p "$pgport" -U postgres gevinstspor "$@"
}

# create_portfolio: $proposals + 1000 proposals (BEN-000001 …, all led by BUF) with 10-year plans 2016-2025, in
# SQL (bench/lib/portfolio.sql).
create_portfolio() {
  echo "== creating $((proposals + 1000)) proposals with plans 2016-2025 (SQL)"
  sql -v total=$((proposals + 1000)) -f bench/lib/portfolio.sql
  vacuum
}

# write_import_file NAME FIRST LAST: the actuals 2016-2025 of BEN-FIRST … BEN-LAST, equal to their plans, as
# CSV in $work/NAME.
write_import_file() {
  python3 - "$work/$1" "$2" "$3" <<'PY'
import sys
name, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(name, "w") as f:
    f.write("reference,year,investment,operationFunding,operatingCost,serviceEfficiency,transferEffect,repayment,explanation\n")
    for p in range(first, last + 1):
        for y in range(2016, 2026):
            inv, eff = (1000000, 0) if y == 2016 else (0, 400000)
            f.write(f"BEN-{p:06d},{y},{inv},0,0,{eff},0,0,\n")
PY
}

# import FILE: POST /api/imports/actuals; prints the seconds it took, fails unless 200 (answer in $work/response.json).
import() {
  local t0 status
  t0=$(date +%s%N)
  status=$(curl -s -o "$work/response.json" -w '%{http_code}' -u admin:$admin_password -H 'Content-Type: text/csv' \
    --data-binary @"$1" "$base/api/imports/actuals")
  [ "$status" = 200 ] || { echo "import failed: $status $(head -c 600 "$work/response.json")" >&2; exit 1; }
  seconds_since "$t0"
}

# raw_copy FILE: prints the seconds a \copy of FILE into a fresh plain table of the same shape and key takes.
raw_copy() {
  local t0
  sql -c "DROP TABLE IF EXISTS bench_raw" -c "CREATE TABLE bench_raw (reference varchar(40), year integer, investment numeric(15,2),
    operation_funding numeric(15,2), operating_cost numeric(15,2), service_efficiency numeric(15,2), transfer_effect numeric(15,2),
    repayment numeric(15,2), explanation varchar(4000), PRIMARY KEY (reference, year))"
  t0=$(date +%s%N)
  sql -c "\\copy bench_raw FROM '$1' WITH (FORMAT csv, HEADER true)"
  seconds_since "$t0"
}

# await_snapshots: waits (at most 30 minutes) until the background job has recomputed the evaluation snapshots of
# every proposal a write marked (evaluation_snapshot_dirty is empty); prints the seconds it waited.
await_snapshots() {
  local t0 deadline=$((SECONDS + 1800))
  t0=$(date +%s%N)
  until [ "$(sql -tAc 'SELECT count(*) FROM evaluation_snapshot_dirty')" = 0 ]; do
    [ $SECONDS -lt $deadline ] || { echo "the evaluation snapshots did not catch up in 30 minutes" >&2; exit 1; }
    sleep 1
  done
  seconds_since "$t0"
}

# time_majbidrag [COMMITTEE]: the committee's (default BUU) majbidrag 2026 (accounts year 2025) as JSON against the
# raw SQL of its plan and actual rows, median of 3 after a warm-up each; sets $report_rows, $t_report, $t_report_sql
# and the lists $report_times, $report_sql_times.
time_majbidrag() {
  local committee=${1:-BUU} url status t0 times=() raw=() i
  url="$base/api/reports/majbidrag/2026?committee=$committee"
  status=$(curl -s -u admin:$admin_password -o "$work/report.json" -w '%{http_code}' "$url")
  [ "$status" = 200 ] || { echo "report failed: $status $(head -c 300 "$work/report.json")" >&2; exit 1; }
  report_rows=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['rows']))" "$work/report.json")
  raw_report_sql "$committee"
  for i in 1 2 3; do
    t0=$(date +%s%N); curl -sf -u admin:$admin_password -o /dev/null "$url"; times+=("$(seconds_since "$t0")")
    t0=$(date +%s%N); raw_report_sql "$committee"; raw+=("$(seconds_since "$t0")")
  done
  report_times="${times[*]}"
  report_sql_times="${raw[*]}"
  t_report=$(median "${times[@]}")
  t_report_sql=$(median "${raw[@]}")
}

# raw_report_sql [COMMITTEE]: the plan and actual rows of the committee's (default BUU) proposals, fetched by psql
# and discarded.
raw_report_sql() {
  local committee=${1:-BUU}
  sql -o /dev/null -c "SELECT p.reference, l.* FROM proposal p JOIN plan_version v ON v.proposal_id = p.id JOIN plan_line l ON l.plan_version_id = v.id
    WHERE p.lead_administration IN (SELECT code FROM administration WHERE committee_code = '$committee')" \
    -c "SELECT p.reference, a.* FROM proposal p JOIN actual a ON a.proposal_id = p.id
    WHERE p.lead_administration IN (SELECT code FROM administration WHERE committee_code = '$committee')"
}

# create_committee COUNT: COUNT proposals KFF-BEN-… led by KFF (committee KFU, no other bench proposals) with
# actuals 2016-2025, in SQL (bench/lib/committee.sql).
create_committee() {
  echo "== creating a committee (KFU) of $1 proposals with actuals inside the portfolio (SQL)"
  sql -v count="$1" -f bench/lib/committee.sql
  vacuum
}

# vacuum: VACUUM after a data set is written (its SQL ends with ANALYZE; the integration tests run it as one statement,
# in which VACUUM cannot be), as after any bulk load (pg_restore's advice): the visibility map that lets the planner
# read a committee's proposals by an index-only scan, which autovacuum would otherwise set at a moment of its choosing.
vacuum() { sql -c "VACUUM"; }

# explain_report COMMITTEE: EXPLAIN (ANALYZE) of the statements the service sends for the committee's majbidrag
# (bench/lib/report-plan.sql); prints each plan's top node, its scans of proposal p and actual a (the statements'
# own tables: Index Scan / Index Only Scan when they read by index) and its execution time, and sets $report_scans to
# the sequential scans of portfolio tables (proposal, actual, plan_version, plan_line) the plans contain ("none" when
# they read by index only).
explain_report() {
  local administrations
  administrations=$(sql -tAc "SELECT string_agg(quote_literal(code), ',' ORDER BY code) FROM administration WHERE committee_code = '$1'")
  sql -t -v administrations="$administrations" -f bench/lib/report-plan.sql > "$work/report-plan.txt"
  awk '/^== /{print "   " $0; top = 1; next}
    top && NF {print "     " $0; top = 0; next}
    / on (proposal p|actual a) |Execution Time/ {sub(/^ +/, ""); print "       " $0}' "$work/report-plan.txt"
  report_scans=$({ grep -oE 'Seq Scan on (proposal|actual|plan_version|plan_line) ' "$work/report-plan.txt" || true; } | sort -u \
    | sed 's/ *$//' | paste -sd, -)
  report_scans=${report_scans:-none}
}

# sample_memory: samples the service's heap in use (jstat: survivors + eden + old) and RSS (the java process
# only, not the embedded PostgreSQL) every 200 ms into $work/heap.log and $work/rss.log until stop_sampling. One
# jstat samples all along (a jstat started per sample is a JVM start, about 0.2 s of CPU: a quarter of this
# machine's two cores, taken from what it measures); the RSS is read from /proc.
sample_memory() {
  jstat -gc "$pid" 200 > "$work/heap.log" 2>/dev/null &
  jstat_pid=$!
  : > "$work/rss.log"
  ( while [ -r "/proc/$pid/status" ]; do
      awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" >> "$work/rss.log" 2>/dev/null
      sleep 0.2
    done ) &
  sampler_pid=$!
}
# stop_sampling: sets $heap_max_mb and $rss_max_mb, the largest samples.
stop_sampling() {
  kill "$sampler_pid" "$jstat_pid" 2>/dev/null; wait "$sampler_pid" "$jstat_pid" 2>/dev/null || true; sampler_pid=; jstat_pid=
  heap_max_mb=$(awk '$1 ~ /^[0-9.]+$/ {h = ($3 + $4 + $6 + $8) / 1024; if (h > m) m = h} END {printf "%.0f", m}' "$work/heap.log")
  rss_max_mb=$(awk '$1 > m {m = $1} END {print m + 0}' "$work/rss.log")
}

# load URL CONNECTIONS SECONDS [RATE]: bench/LoadGenerator.java's one line of figures for GET URL as admin.
load() { java bench/LoadGenerator.java "$1" "admin:$admin_password" "$2" "$3" ${4:-}; }
# field LINE NAME: the number after NAME= in a line of load.
field() { sed -E "s/.*$2=([0-9.]+).*/\\1/" <<<"$1"; }

# raw_snapshot_read: the rows a full rebuild of the evaluation snapshots reads (current plan lines, actuals, targets),
# fetched by psql and discarded (bench/snapshots, bench/run).
raw_snapshot_read() {
  sql -o /dev/null -c "SELECT v.proposal_id, l.* FROM plan_version v JOIN plan_line l ON l.plan_version_id = v.id" \
    -c "SELECT * FROM actual" -c "SELECT * FROM follow_up_target"
}

# snapshot_rebuild: a full rebuild of the evaluation snapshots (POST /api/admin/snapshots/rebuild); prints its seconds.
snapshot_rebuild() {
  local t0 status
  t0=$(date +%s%N)
  status=$(curl -s -o "$work/rebuild.json" -w '%{http_code}' -u admin:$admin_password -X POST "$base/api/admin/snapshots/rebuild")
  [ "$status" = 200 ] || { echo "rebuild failed: $status $(head -c 600 "$work/rebuild.json")" >&2; exit 1; }
  seconds_since "$t0"
}
