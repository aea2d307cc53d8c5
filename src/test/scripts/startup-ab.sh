#!/usr/bin/env bash
# A/B of later starts (issue 15): two packaged apps, or one app with two sets of JVM options, started
# in turn (A, B, A, B, …) so that a machine whose speed drifts treats both alike; prints ms to
# /q/health/ready and the JVM's CPU (user+sys) per start, then the medians. Every start goes through
# run.sh (its default collector unless the options name one, its class-data archive); each variant
# gets its own folder with its own ./data (made by a first start) and its own archive (run.sh's
# training run).
#   src/test/scripts/startup-ab.sh [JAR_A] [JAR_B]     (default: target/quarkus-app/quarkus-run.jar for both)
#   ROUNDS=n (default 6)  PORT=p (default 18182)  OPTS_A="…" OPTS_B="…" (extra JVM options per variant)
#   THREADS=1 also prints, per start, each thread kind's CPU and run-queue wait up to ready
#   (/proc/<pid>/task/*/stat and schedstat) — "waited" is time runnable but without a core.
set -euo pipefail
JAR_A=$(realpath "${1:-target/quarkus-app/quarkus-run.jar}")
JAR_B=$(realpath "${2:-$JAR_A}")
ROUNDS=${ROUNDS:-6}
PORT=${PORT:-18182}
TICK=$(getconf CLK_TCK)
DIR=$(mktemp -d)
RUN_SH=$(realpath "$(dirname "$(realpath "$0")")/../../../run.sh")
trap 'pkill -f -- "-Dquarkus.http.port=$PORT" 2>/dev/null || true; rm -rf "$DIR"' EXIT

ready() { until curl -sf "localhost:$PORT/q/health/ready" > /dev/null; do kill -0 "$1" 2>/dev/null || return 1; sleep 0.05; done; }

run() { # jar opts archive: run.sh in the background, its pid (the JVM: run.sh execs java) in $pid
  ONEWINDOW_APP=$(dirname "$1") ONEWINDOW_APPCDS=$3 JAVA_OPTS="$2 -Dquarkus.http.port=$PORT" "$RUN_SH" > "$4" 2>&1 & pid=$!
}

prepare() { # variant jar opts: a first start (initdb, caches), then run.sh's training run that writes the archive
  mkdir -p "$DIR/$1"; cd "$DIR/$1"
  for cds in off "$DIR/$1/app-cds.jsa"; do
    run "$2" "$3" "$cds" prepare.log
    ready $pid || { echo "variant $1 did not start:"; tail -20 prepare.log; exit 1; }
    kill $pid; wait $pid 2>/dev/null || true
  done
}

threads() { # pid: CPU and run-queue wait per thread kind, in ms
  for t in /proc/"$1"/task/*; do
    local name; name=$(sed 's/[-#]*[0-9]*$//' "$t/comm" | tr ' ' '_')
    local run wait; read -r run wait _ < "$t/schedstat"
    echo "$name $((run / 1000000)) $((wait / 1000000))"
  done | awk '{r[$1] += $2; w[$1] += $3} END {for (k in r) if (r[k] >= 50) printf "    %-18s CPU %5d ms, waited %5d ms\n", k, r[k], w[k]}' | sort -k3 -rn
}

start() { # variant jar opts
  cd "$DIR/$1"
  local t0; t0=$(date +%s%N)
  run "$2" "$3" "$DIR/$1/app-cds.jsa" start.log
  ready $pid || { echo "variant $1 did not start:"; tail -20 start.log; exit 1; }
  if grep -q 'no class-data archive' start.log; then echo "variant $1 started without its archive"; fi
  local t1; t1=$(date +%s%N)
  local u s; read -r u s < <(awk '{print $14, $15}' /proc/$pid/stat)
  echo "$1 $(( (t1 - t0) / 1000000 )) ms, JVM CPU $(( (u + s) * 1000 / TICK )) ms" | tee -a "$DIR/results"
  if [ "${THREADS:-0}" = 1 ]; then threads $pid; fi
  kill $pid; wait $pid 2>/dev/null || true
}

prepare A "$JAR_A" "${OPTS_A:-}"
prepare B "$JAR_B" "${OPTS_B:-}"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); A = $JAR_A ${OPTS_A:-}; B = $JAR_B ${OPTS_B:-}"
for _ in $(seq 1 "$ROUNDS"); do
  start A "$JAR_A" "${OPTS_A:-}"
  start B "$JAR_B" "${OPTS_B:-}"
done
for v in A B; do
  grep "^$v " "$DIR/results" | awk '{print $2}' | sort -n \
    | awk -v v=$v '{x[NR] = $1} END {m = NR % 2 ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2; printf "%s: median %d ms to ready (%d–%d, %d starts)\n", v, m, x[1], x[NR], NR}'
done
