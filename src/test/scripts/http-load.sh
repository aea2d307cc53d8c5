#!/usr/bin/env bash
# HTTP load test (issue 15): POST /api/intake/evaluate (one matter, decided and durably recorded)
# against GET /api/windows (a trivial JSON list) on the packaged jar with its embedded PostgreSQL,
# in the same run, loopback only. Needs wrk (Debian: apt-get install wrk).
#   ./mvnw package -DskipTests && src/test/scripts/http-load.sh [seconds] [connections] [rounds]
# The server starts through run.sh (ONEWINDOW_APPCDS=off); JAVA_OPTS go to its JVM (e.g. a JFR
# recording: JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/e.jfr; -XX:+UseG1GC for G1).
# Prints requests/s, p50, p99, CPU time of the server per request and its RSS, per endpoint and
# round, and the throughput ratio evaluate ÷ windows of each round; with psql installed, also the
# group commits and WAL flushes of each evaluate run. With VARIED=1 (the default) each
# round also posts VARIED situations: every matter and life event of the catalogue, as an identified
# enterprise and as an anonymous applicant (varied-situations.py), one picked at random per request —
# the evaluate API keeps a memo of recent decisions, so the fixed body alone would flatter it. The load client is exempt from
# the per-client rate limit (it is one client); everything else is the production configuration.
set -euo pipefail
JAR=$(realpath "${JAR:-target/quarkus-app/quarkus-run.jar}")
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-32}
ROUNDS=${3:-2}
PORT=${PORT:-18291}
VARIED=${VARIED:-1}
# warm-up per endpoint, seconds: the JIT is still compiling the decision path (KIE, Drools) after 10 s —
# the C2 compiler thread alone took ~500 µs of CPU per decision then — so steady state needs longer
WARMUP=${WARMUP:-10}
SCRIPTS=$(dirname "$(realpath "$0")")
DIR=$(mktemp -d)
cd "$DIR"
cat > evaluate.lua <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"matters": ["food-business-licence"], "answers": {"agent": false, "vendingMachineOnly": false}, "applicant": {"type": "enterprise", "id": "91350100M000100Y43"}}'
LUA
cat > varied.lua <<'LUA'
local bodies = {}
function init(args)
  for line in io.lines("bodies.txt") do bodies[#bodies + 1] = line end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end
function request()
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[math.random(#bodies)])
end
LUA
# as run.sh starts it (its collector unless JAVA_OPTS names one), without a class-data archive (a
# steady state does not depend on it); run.sh execs the JVM, so $! is the JVM
ONEWINDOW_APP=$(dirname "$JAR") ONEWINDOW_APPCDS=off \
  JAVA_OPTS="${JAVA_OPTS:-} -Dquarkus.http.port=$PORT -Donewindow.rate-limit.exempt=127.0.0.1" \
  "$SCRIPTS/../../../run.sh" > app.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR"' EXIT
until curl -sf localhost:$PORT/q/health/ready > /dev/null; do sleep 0.2; done
curl -sf -X POST -H 'Content-Type: application/json' --data-binary @<(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" evaluate.lua) \
  localhost:$PORT/api/intake/evaluate > first.json
grep -q '"reference"' first.json || { echo "evaluate did not answer a recorded decision"; cat first.json; exit 1; }
TICKS=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' /proc/$PID/stat; }
PG=$(pgrep -f -- "$DIR/data" | head -1 || true)
# the embedded PostgreSQL: its main process and its backends
pgcpu() { [ -n "$PG" ] || { echo 0; return; }; cat /proc/$PG/stat $(pgrep -P $PG | sed 's#.*#/proc/&/stat#') 2>/dev/null | awk '{s += $14 + $15} END {print s + 0}'; }
rss() { awk '/VmRSS/ {print $2}' /proc/$PID/status; }
# The group commit as PostgreSQL sees it, when psql is at hand (Debian: postgresql-client): commits per
# second, decisions per commit, WAL flushes and the wait for each (track_wal_io_timing, switched on in
# this throw-away cluster only). At 32 connections the flush's wait and the commit's serial work, not
# the decision's CPU, set evaluate's throughput (benchmarks.md, the fifteenth round).
# (the port read from its command line as record-insert-cost.sh reads it)
PGPORT_NUM=$([ -n "$PG" ] && tr '\0' ' ' < /proc/$PG/cmdline | grep -oE -- '-p [0-9]+' | awk '{print $2}' || true)
sql() { psql -h 127.0.0.1 -p "$PGPORT_NUM" -U postgres -d postgres -Atc "$1" 2>/dev/null; }
COMMITS=0
if [ -n "$PGPORT_NUM" ] && command -v psql > /dev/null && sql "ALTER SYSTEM SET track_wal_io_timing = on" > /dev/null \
    && sql "SELECT pg_reload_conf()" > /dev/null; then
  COMMITS=1
fi
commits() { [ "$COMMITS" = 1 ] && sql "SELECT (SELECT count(*) FROM decision_batch) || '|' || wal_sync || '|' || wal_sync_time FROM pg_stat_wal"; }
# THREADS=1: also the JVM's CPU per request by thread kind (name without its number), e.g. the
# event loop, the worker threads, the record writer, the JIT compilers
threads() { for f in /proc/$PID/task/*/stat; do sed 's/^[0-9]* (\(.*\)) [A-Z] /\1|/' "$f" 2>/dev/null; done \
  | awk -F'|' '{split($2, a, " "); n = $1; gsub(/[-#]?[0-9]+$/, "", n); s[n] += a[11] + a[12]} END {for (n in s) print n "|" s[n]}' | LC_ALL=C sort; }
run() { # name, wrk args...
  local name=$1; shift
  local before=$(cpu) pgbefore=$(pgcpu) tbefore=$([ "${THREADS:-0}" = 1 ] && threads) cbefore=$(commits)
  local out=$(wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency "$@")
  local after=$(cpu) pgafter=$(pgcpu) tafter=$([ "${THREADS:-0}" = 1 ] && threads) cafter=$(commits)
  local requests=$(echo "$out" | awk '/requests in/ {print $1}')
  local rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  local p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  local p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  local errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {printf "%s ", $0}')
  local cpu_us=$(awk -v t=$((after - before)) -v n=$requests -v hz=$TICKS 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
  local pg_us=$(awk -v t=$((pgafter - pgbefore)) -v n=$requests -v hz=$TICKS 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
  echo "$name|$rps|$p50|$p99|$cpu_us|$pg_us|$(rss)|$errors"
  if [ -n "$cbefore" ] && [ -n "$cafter" ]; then
    awk -F'|' -v b="$cbefore" -v n=$requests -v s=$SECONDS_PER_RUN '{split(b, o, "[|]"); c = $1 - o[1]; f = $2 - o[2]
      if (c > 0) printf "  group commits %.0f/s, %.1f decisions each; WAL flushes %.0f/s, %.0f µs each\n", c / s, n / c, f / s,
        (f > 0 ? ($3 - o[3]) * 1000 / f : 0)}' <<< "$cafter" >&2
  fi
  if [ "${THREADS:-0}" = 1 ]; then
    LC_ALL=C join -t'|' -a2 -e0 -o 0,1.2,2.2 <(echo "$tbefore") <(echo "$tafter") | awk -F'|' -v n=$requests -v hz=$TICKS \
      '{us = ($3 - $2) / hz * 1e6 / n; if (us >= 1) printf "  %s %.0f µs", $1, us} END {print ""}' >&2 || true
  fi
}
echo "load: $(uptime)"
if [ "$VARIED" = 1 ]; then
  python3 "$SCRIPTS/varied-situations.py" http://127.0.0.1:$PORT > bodies.txt # the exempt address; localhost may be ::1
fi
# warm-up: the JIT and the connection pool, both endpoints
wrk -t2 -c8 -d${WARMUP}s http://localhost:$PORT/api/windows > /dev/null
wrk -t2 -c8 -d${WARMUP}s -s evaluate.lua http://localhost:$PORT/api/intake/evaluate > /dev/null
if [ "$VARIED" = 1 ]; then wrk -t2 -c8 -d${WARMUP}s -s varied.lua http://localhost:$PORT/api/intake/evaluate > /dev/null; fi
echo "PostgreSQL main process: ${PG:-not found}"
echo "endpoint|requests/s|p50|p99|JVM CPU µs/request|PostgreSQL CPU µs/request|JVM RSS KiB|errors"
for round in $(seq 1 "$ROUNDS"); do
  w=$(run "GET /api/windows" http://localhost:$PORT/api/windows); echo "$w"
  e=$(run "POST /api/intake/evaluate" -s evaluate.lua http://localhost:$PORT/api/intake/evaluate); echo "$e"
  awk -v a="$(echo "$e" | cut -d'|' -f2)" -v b="$(echo "$w" | cut -d'|' -f2)" -v r=$round \
    'BEGIN {printf "round %d: evaluate ÷ windows throughput = %.2f\n", r, a / b}'
  if [ "$VARIED" = 1 ]; then
    v=$(run "POST /api/intake/evaluate (varied)" -s varied.lua http://localhost:$PORT/api/intake/evaluate); echo "$v"
    awk -v a="$(echo "$v" | cut -d'|' -f2)" -v b="$(echo "$w" | cut -d'|' -f2)" -v r=$round \
      'BEGIN {printf "round %d: evaluate (varied) ÷ windows throughput = %.2f\n", r, a / b}'
  fi
done
echo "load: $(uptime)"
# a non-2xx answer shows in wrk's errors column; the server log says why (it is deleted on exit)
echo "server warnings and errors during the run: $(grep -cE ' (WARN|ERROR) ' app.log || true)"
grep -E ' (WARN|ERROR) ' app.log | tail -5 || true
