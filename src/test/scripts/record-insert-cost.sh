#!/usr/bin/env bash
# What one decision record costs PostgreSQL (issue 15): starts the packaged jar with its embedded
# PostgreSQL in an empty folder, makes one decision, then inserts records the way the group-commit
# writer does (DecisionWriter.INSERT: one INSERT … SELECT FROM unnest(…) per batch, one transaction
# per batch) with pgbench, one client, into
#   decision_record   — as the application has it (V74: the statement trigger checks the references)
#   unchecked         — a copy with the same columns and indexes but no trigger
# and prints PostgreSQL's CPU per record (its main process, exited backends and live ones, from /proc).
# Since V75 this is the path of the decisions recorded in a caller's transaction (casework) only: the
# group commit of the intake API, the kiosk and the online channel writes one decision_batch row per
# commit (DecisionBatches), measured by http-load.sh.
# Needs pgbench (Debian: postgresql-client).
#   ./mvnw package -DskipTests && src/test/scripts/record-insert-cost.sh [batch] [transactions]
set -euo pipefail
JAR=$(realpath "${JAR:-target/quarkus-app/quarkus-run.jar}")
BATCH=${1:-16}
TXS=${2:-500}
PORT=${PORT:-18293}
DIR=$(mktemp -d)
cd "$DIR"
java -Dquarkus.http.port=$PORT -jar "$JAR" > app.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR"' EXIT
until curl -sf localhost:$PORT/q/health/ready > /dev/null; do sleep 0.2; done
curl -sf -X POST -H 'Content-Type: application/json' localhost:$PORT/api/intake/evaluate -o /dev/null \
  -d '{"matters": ["food-business-licence"], "answers": {"agent": false, "vendingMachineOnly": false}}'
PG=$(pgrep -f -- "$DIR/data/pg" | head -1)
PGPORT=$(tr '\0' ' ' < /proc/$PG/cmdline | grep -oE -- '-p [0-9]+' | awk '{print $2}')
psql() { command psql -h localhost -p "$PGPORT" -U postgres -q -At "$@"; }
# the stored record's values, repeated with a fresh reference per row
IFS='|' read -r HASH VERSION CATALOGUE MATTERS WINDOW INPUTS OUTCOME RELEASE < <(psql -c "SELECT inputs_hash, rule_set_version,
  catalogue_version, matters, window_code, encode(convert_to(inputs::text, 'UTF8'), 'hex'), encode(outcome_hash, 'hex'),
  rule_set_release FROM decision_record LIMIT 1")
psql -c "CREATE TABLE unchecked (LIKE decision_record INCLUDING ALL)"
script() { # table
  local cols="" i
  for i in $(seq 1 "$BATCH"); do echo "\\set r$i random(1, 999999999999)"; done
  echo "BEGIN;"
  arr() { local out="ARRAY[" i; for i in $(seq 1 "$BATCH"); do out+="${1//@/$i},"; done; echo "${out%,}]::$2[]"; }
  echo "INSERT INTO $1 (inputs_hash, rule_set_version, catalogue_version, matters, event_code, window_code, inputs,
    outcome_hash, reference, rule_set_release)
    SELECT h, v, c, m, e, w, CAST(convert_from(i, 'UTF8') AS jsonb), o, r, rel FROM unnest($(arr "'$HASH'" text),
    $(arr "'$VERSION'" text), $(arr "'$CATALOGUE'" text), $(arr "'$MATTERS'" text), $(arr NULL text),
    $(arr "'$WINDOW'" text), $(arr "'\\x$INPUTS'::bytea" bytea), $(arr "'\\x$OUTCOME'::bytea" bytea),
    $(arr "'OW-00000000-' || :r@" text), $(arr "$RELEASE" bigint)) AS t(h, v, c, m, e, w, i, o, r, rel)
    ON CONFLICT (reference) DO NOTHING RETURNING id, reference;" | tr '\n' ' '
  echo
  echo "COMMIT;"
}
TICKS=$(getconf CLK_TCK)
pgcpu() { (awk '{print $14 + $15 + $16 + $17}' /proc/$PG/stat; for p in $(pgrep -P $PG); do awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null; done) | awk '{s += $1} END {print s}'; }
echo "load: $(uptime)"
echo "table|batch|records|transactions/s|PostgreSQL CPU µs/record"
for round in 1 2; do
  for table in decision_record unchecked; do
    script $table > $table.sql
    before=$(pgcpu)
    out=$(pgbench -h localhost -p "$PGPORT" -U postgres -n -M prepared -c1 -t "$TXS" -f $table.sql postgres 2>&1)
    sleep 0.5 # the backend has exited: its CPU reaches the postmaster once it is reaped
    after=$(pgcpu)
    echo "$out" | grep -qE '^tps' || { echo "$out" | tail -5; exit 1; }
    echo "$table|$BATCH|$((BATCH * TXS))|$(echo "$out" | awk '/^tps/ {printf "%.0f", $3}')|$(awk -v t=$((after - before)) \
      -v n=$((BATCH * TXS)) -v hz=$TICKS 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')"
  done
done
