#!/usr/bin/env bash
# Measures wall time from `java -jar` to /q/health/ready answering 200, in an empty folder.
set -euo pipefail
JAR=$(realpath "${1:-target/quarkus-app/quarkus-run.jar}")
DIR=$(mktemp -d)
cd "$DIR"
for i in 1 2 3 4 5 6; do
  start=$(date +%s%N)
  java -Dquarkus.http.port=18181 -jar "$JAR" > "app-$i.log" 2>&1 &
  pid=$!
  until curl -sf localhost:18181/q/health/ready > /dev/null; do sleep 0.05; done
  end=$(date +%s%N)
  echo "run $i: $(( (end - start) / 1000000 )) ms to ready ($( [ $i = 1 ] && echo 'fresh ./data, initdb' || echo 'existing ./data'))"
  kill $pid; wait $pid 2>/dev/null || true
done
rm -rf "$DIR"
