#!/bin/sh
# Starts the packaged application (target/quarkus-app) with a class-data-sharing archive (AppCDS):
# the JVM maps the classes a start loads from one file instead of reading, parsing and verifying
# them from the jars again (about a quarter less CPU to ready; docs/benchmarks.md).
#
# Java 17 cannot make the archive by itself, so this script does: when the archive is missing or
# does not fit this build and this Java (the JVM says so in a 0.2 s probe), this start runs as a
# training run and the JVM writes the archive when it stops (Ctrl-C / SIGTERM; a few seconds).
# The next start uses it. Deleting the archive is always safe: it only costs that speed once.
# A class that changed since the archive was made is never taken from it (the JVM checks the jar
# and each class's bytes), so a stale archive can only be unused, never wrong.
#
#   ONEWINDOW_APP     the packaged folder (default target/quarkus-app)
#   ONEWINDOW_APPCDS  the archive (default <ONEWINDOW_APP>/app-cds.jsa); "off" runs without one
#   JAVA_OPTS         more JVM options
# Arguments are passed to the application.
set -eu
APP=${ONEWINDOW_APP:-target/quarkus-app}
JAR=$APP/quarkus-run.jar
CDS=${ONEWINDOW_APPCDS:-$APP/app-cds.jsa}
if [ "$CDS" = off ]; then
  # shellcheck disable=SC2086
  exec java ${JAVA_OPTS:-} -jar "$JAR" "$@"
fi
if java -Xshare:on -XX:SharedArchiveFile="$CDS" -cp "$JAR" -version > /dev/null 2>&1; then
  # shellcheck disable=SC2086
  exec java -XX:SharedArchiveFile="$CDS" ${JAVA_OPTS:-} -jar "$JAR" "$@"
fi
rm -f "$CDS"
echo "run.sh: no class-data archive for this build yet; this start writes $CDS when it stops" >&2
# shellcheck disable=SC2086
exec java -XX:ArchiveClassesAtExit="$CDS" -Xlog:cds=off -Xlog:cds+dynamic=off ${JAVA_OPTS:-} -jar "$JAR" "$@"
