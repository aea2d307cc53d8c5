#!/usr/bin/env bash
# Measures wall time from starting the application as run.sh starts it (the serial collector unless
# JAVA_OPTS names one; the class-data archive) to /q/health/ready answering 200, in an empty folder: the first
# run starts on a fresh ./data (initdb, no caches), the later runs reuse it. For each run it also
# prints the JVM's CPU time up to ready (user+sys, which holds up better than wall time on a loaded
# machine; the embedded PostgreSQL's own processes are not included) and where the time went,
# from the log's timestamps. The embedded PostgreSQL starts beside Quarkus (OneWindowMain): "PostgreSQL up"
# is the server's own start, during which Quarkus already boots; "to Flyway" the rest of that boot.
# To compare two builds or two sets of JVM options start by start, use startup-ab.sh.
#   RUNS=n (default 6)  PORT=p (default 18181)  KEEP=1 keeps the folder (logs, ./data)
#   JAVA_OPTS="..." extra JVM options, e.g. -XX:StartFlightRecording=filename=start.jfr
#   ONEWINDOW_JIT=quick-start is passed on to run.sh (C2 held back; docs/operator.md, "JIT compiler")
#   APPCDS=1 (default): run 1 (fresh ./data) without a class-data archive, run 2 is run.sh's
#   training run (a later start without the archive; the JVM writes it when the run is stopped),
#   runs 3+ use it. APPCDS=0: every run without an archive (ONEWINDOW_APPCDS=off).
#   JAVA_HOME=… the Java run.sh runs on; on Java 25 the "archive" is an AOT cache (the training
#   run's stop then takes ~15 s). The first argument names another build's quarkus-run.jar, e.g. a
#   copy of an aot-jar build (./mvnw package -DskipTests -Dquarkus.package.jar.type=aot-jar).
set -euo pipefail
JAR=$(realpath "${1:-target/quarkus-app/quarkus-run.jar}")
RUN_SH=$(realpath "$(dirname "$(realpath "$0")")/../../../run.sh")
RUNS=${RUNS:-6}
PORT=${PORT:-18181}
DIR=$(mktemp -d)
cd "$DIR"
TICK=$(getconf CLK_TCK)
APPCDS=${APPCDS:-1}
CDS=$DIR/app-cds.jsa

# seconds between the first log line matching $1 and the first matching $2 (HH:MM:SS,mmm stamps)
between() {
  local log=$1 from=$2 to=$3 a b
  a=$(grep -m1 -E "$from" "$log" | grep -oE '[0-9]{2}:[0-9]{2}:[0-9]{2},[0-9]{3}' | head -1) || true
  b=$(grep -m1 -E "$to" "$log" | grep -oE '[0-9]{2}:[0-9]{2}:[0-9]{2},[0-9]{3}' | head -1) || true
  if [ -z "$a" ] || [ -z "$b" ]; then echo "?"; return; fi
  awk -v a="$a" -v b="$b" 'function s(t, p) { split(t, p, /[:,]/); return p[1]*3600 + p[2]*60 + p[3] + p[4]/1000 }
    BEGIN { printf "%.2f", s(b) - s(a) }'
}

for i in $(seq 1 "$RUNS"); do
  cds=off what=""
  if [ "$APPCDS" = 1 ] && [ "$i" = 2 ]; then
    cds=$CDS what=", training run: no archive yet"
  elif [ "$APPCDS" = 1 ] && [ "$i" -gt 2 ]; then
    cds=$CDS what=", class-data archive"
  fi
  start=$(date +%s%N)
  ONEWINDOW_APP=$(dirname "$JAR") ONEWINDOW_APPCDS=$cds JAVA_OPTS="${JAVA_OPTS:-} -Dquarkus.http.port=$PORT" \
    "$RUN_SH" > "app-$i.log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$PORT/q/health/ready" > /dev/null; do
    kill -0 $pid 2>/dev/null || { echo "run $i: the application stopped; log:"; tail -40 "app-$i.log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  read -r utime stime < <(awk '{ print $14, $15 }' "/proc/$pid/stat")
  cpu=$(awk -v u="$utime" -v s="$stime" -v t="$TICK" 'BEGIN { printf "%.1f", (u + s) / t }')
  echo "run $i: $(( (end - start) / 1000000 )) ms to ready, JVM CPU ${cpu} s user+sys ($( [ "$i" = 1 ] && echo 'fresh ./data, initdb' || echo 'existing ./data')$what)"
  log="app-$i.log"
  pg='postmaster startup finished|database system is ready'
  echo \
       "PostgreSQL up $(between "$log" 'EmbeddedPostgres' "$pg") s," \
       "to Flyway $(between "$log" "$pg" 'Database: ') s," \
       "Flyway $(between "$log" 'Database: ' 'up to date|Successfully applied') s,"
  echo "  knowledge base $(between "$log" 'up to date|Successfully applied' 'knowledge base ') s," \
       "rule set $(between "$log" 'knowledge base ' 'now serves|did not compile|does not compile') s," \
       "search index $(between "$log" 'now serves|did not compile|does not compile' 'search index of') s," \
       "to started $(between "$log" 'search index of' 'started in') s"
  grep -hE 'search index of|now serves|cache|started in' "$log" | sed 's/^/    /' || true
  kill $pid; wait $pid 2>/dev/null || true
done
if [ -n "${KEEP:-}" ]; then echo "kept: $DIR"; else rm -rf "$DIR"; fi
