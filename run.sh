#!/bin/sh
# Starts the packaged application (target/quarkus-app) the way it starts fastest on a small server:
#
# * with a class-data-sharing archive (AppCDS): the JVM maps the classes a start loads from one file
#   instead of reading, parsing and verifying them from the jars again (about a quarter less CPU to
#   ready; docs/benchmarks.md);
# * with the serial garbage collector, unless JAVA_OPTS names a collector: the live heap is small
#   (~40 MB after the start) and the machine we size for has two cores; G1's barriers and its
#   concurrent threads cost a start ~0.5-1 s of CPU (0.2-0.5 s of wall time) and gave no more
#   throughput under load (docs/benchmarks.md, the seventh round). It is also what the JVM picks by
#   itself in a container with less than ~1.8 GB of memory.
#
# Java 17 cannot make the archive by itself, so this script does: when the archive is missing or was
# made for another build, another Java or other JVM options (a stamp file beside it records those),
# this start runs as a training run and the JVM writes the archive when it stops (Ctrl-C / SIGTERM; a
# few seconds). The next start uses it. Deleting the archive is always safe: it only costs that speed
# once. A class that changed since the archive was made is never taken from it (the JVM checks the jar
# and each class's bytes), so a stale archive can only be unused, never wrong; the JVM then prints a
# [warning][cds] line and runs without it.
#
#   ONEWINDOW_APP     the packaged folder (default target/quarkus-app)
#   ONEWINDOW_APPCDS  the archive (default <ONEWINDOW_APP>/app-cds.jsa); "off" runs without one
#   JAVA_OPTS         more JVM options
# Arguments are passed to the application.
set -eu
APP=${ONEWINDOW_APP:-target/quarkus-app}
JAR=$APP/quarkus-run.jar
CDS=${ONEWINDOW_APPCDS:-$APP/app-cds.jsa}
if [ ! -f "$JAR" ]; then
  echo "run.sh: no packaged application at $JAR (build it with ./mvnw package -DskipTests, or set ONEWINDOW_APP)" >&2
  exit 1
fi
OPTS=${JAVA_OPTS:-}
COLLECTOR=""
for o in $OPTS; do
  case $o in -XX:+UseSerialGC|-XX:+UseParallelGC|-XX:+UseG1GC|-XX:+UseZGC|-XX:+UseShenandoahGC|-XX:+UseEpsilonGC) COLLECTOR=$o ;; esac
done
[ -n "$COLLECTOR" ] || OPTS="-XX:+UseSerialGC $OPTS"
if [ "$CDS" = off ]; then
  # shellcheck disable=SC2086
  exec java $OPTS -jar "$JAR" "$@"
fi
# What the archive must fit: this Java (its path and the build of its VM library), this build (every
# jar of the packaged folder, by size and time) and these JVM options. Working it out takes ~25 ms,
# where asking a JVM (java -Xshare:on … -version) took ~0.25 s of every start.
JAVA=$(command -v java) || { echo "run.sh: no java on the PATH (OneWindow needs Java 17)" >&2; exit 1; }
JAVA_REAL=$(readlink -f "$JAVA")
JAVA_HOME_REAL=${JAVA_REAL%/bin/java}
STAMP=$( {
  echo "java $JAVA_REAL"
  stat -L -c 'jvm %s %Y' "$JAVA_HOME_REAL/lib/server/libjvm.so" 2>/dev/null || echo "jvm ?"
  echo "options $OPTS"
  find "$APP" -name '*.jar' -printf '%P %s %T@\n' | LC_ALL=C sort
} | cksum)
if [ -s "$CDS" ] && [ "$(cat "$CDS.stamp" 2>/dev/null)" = "$STAMP" ]; then
  # shellcheck disable=SC2086
  exec java -XX:SharedArchiveFile="$CDS" $OPTS -jar "$JAR" "$@"
fi
rm -f "$CDS"
echo "$STAMP" > "$CDS.stamp"
echo "run.sh: no class-data archive for this build yet; this start writes $CDS when it stops" >&2
# shellcheck disable=SC2086
exec java -XX:ArchiveClassesAtExit="$CDS" -Xlog:cds=off -Xlog:cds+dynamic=off $OPTS -jar "$JAR" "$@"
