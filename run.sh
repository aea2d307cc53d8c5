#!/bin/sh
# Starts the packaged application (target/quarkus-app) the way it starts fastest on a small server:
#
# * on Java 25 or later (JAVA_HOME, else the java on the PATH), with an AOT cache (JEP 483/514/515):
#   the classes a start loads, already parsed and linked, and the method profiles of a training run,
#   so the JIT compiles the hot code sooner. It keeps only classes of the JDK's own class loaders, so
#   it does most with the aot-jar packaging (./mvnw package -Dquarkus.package.jar.type=aot-jar); with
#   the default fast-jar it keeps the JDK's classes alone (docs/benchmarks.md, the ninth round);
# * on Java 17-24, with a class-data-sharing archive (AppCDS) of the default fast-jar: the classes a
#   start loads, mapped from one file instead of read, parsed and verified from the jars again. An
#   aot-jar runs there without one: Java 17's archive dump crashes on it (a lambda of a pre-Java-6
#   class file, XStream's, loaded by the application class loader);
# * with the serial garbage collector, unless JAVA_OPTS names a collector: the live heap is small
#   (~40 MB after the start) and the machine we size for has two cores; G1's barriers and its
#   concurrent threads cost a start ~0.5-1 s of CPU (0.2-0.5 s of wall time) and gave no more
#   throughput under load (docs/benchmarks.md, the seventh round). It is also what the JVM picks by
#   itself in a container with less than ~1.8 GB of memory.
#
# The cache is made by a training run: when it is missing or was made for another build, another Java
# or other JVM options (a stamp file beside it records those), this start runs as a training run and
# the JVM writes the cache when it stops (Ctrl-C / SIGTERM; a few seconds with AppCDS, ~15 s on
# Java 25, which assembles the AOT cache in a second JVM). The next start uses it. Deleting the cache
# is always safe: it only costs that speed once. A class that changed since the cache was made is
# never taken from it (the JVM checks the jars), so a stale cache can only be unused, never wrong; the
# JVM then prints a [warning][cds] or [warning][aot] line and runs without it.
#
#   ONEWINDOW_APP     the packaged folder (default target/quarkus-app)
#   ONEWINDOW_APPCDS  the cache (default <ONEWINDOW_APP>/app.aot on Java 25+, else app-cds.jsa);
#                     "off" runs without one
#   JAVA_HOME         the Java to run on (default: the java on the PATH); Java 17 or later
#   JAVA_OPTS         more JVM options
#   ONEWINDOW_JIT     "quick-start": C2 held back for a shorter start, at a cost after it (see below)
# Arguments are passed to the application.
# (no file-name expansion: the -Xlog selectors and JAVA_OPTS are split into words, never globbed)
set -euf
APP=${ONEWINDOW_APP:-target/quarkus-app}
JAR=$APP/quarkus-run.jar
if [ ! -f "$JAR" ]; then
  echo "run.sh: no packaged application at $JAR (build it with ./mvnw package -DskipTests, or set ONEWINDOW_APP)" >&2
  exit 1
fi
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA=$JAVA_HOME/bin/java
else
  JAVA=$(command -v java) || { echo "run.sh: no java on the PATH and no JAVA_HOME (OneWindow needs Java 17 or later)" >&2; exit 1; }
fi
JAVA_REAL=$(readlink -f "$JAVA")
JAVA_HOME_REAL=${JAVA_REAL%/bin/java}
# The feature version from the JDK's release file: asking a JVM (java -version) would cost ~0.2 s.
FEATURE=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME_REAL/release" 2>/dev/null || true)
case $FEATURE in ''|*[!0-9]*) FEATURE=17 ;; esac
OPTS=${JAVA_OPTS:-}
COLLECTOR=""
for o in $OPTS; do
  case $o in -XX:+UseSerialGC|-XX:+UseParallelGC|-XX:+UseG1GC|-XX:+UseZGC|-XX:+UseShenandoahGC|-XX:+UseEpsilonGC) COLLECTOR=$o ;; esac
done
[ -n "$COLLECTOR" ] || OPTS="-XX:+UseSerialGC $OPTS"
# ONEWINDOW_JIT=quick-start, on Java 17-24, holds C2 (the JIT's optimising compiler) back: it compiles
# a method only after 30 times the JVM's default count of calls or loop iterations, and never the code
# that only compiles rules (deploy/jvm/compiler-directives.json). With the JVM's defaults C2 is busy
# through the whole start, about half of it on code a start runs often and a server never again
# (reading DMN XML, parsing FEEL, loading classes). Held back, a later start on two cores took ~13 %
# less time and ~22 % less CPU; the price is paid after the start: code that runs per request or per group commit
# reaches C2 30 times later, so under load the decision path took more CPU per request for minutes,
# and a rule set published later compiles ~20 % slower (docs/operator.md, "JIT compiler";
# docs/benchmarks.md, the eleventh round). Unset, the JVM keeps its own settings.
DIRECTIVES=$(dirname "$(readlink -f "$0")")/deploy/jvm/compiler-directives.json
case ${ONEWINDOW_JIT:-} in
  '') ;;
  quick-start)
    if [ "$FEATURE" -ge 25 ]; then
      echo "run.sh: ONEWINDOW_JIT=quick-start is for Java 17-24 (measured there); Java $FEATURE keeps its own JIT settings" >&2
    elif [ ! -f "$DIRECTIVES" ]; then
      echo "run.sh: ONEWINDOW_JIT=quick-start needs $DIRECTIVES (it ships beside run.sh)" >&2
      exit 1
    else
      OPTS="-XX:Tier4InvocationThreshold=150000 -XX:Tier4MinInvocationThreshold=18000 -XX:Tier4CompileThreshold=450000 -XX:Tier4BackEdgeThreshold=1200000 -XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=$DIRECTIVES $OPTS"
    fi ;;
  *)
    echo "run.sh: ONEWINDOW_JIT=${ONEWINDOW_JIT}: unknown (quick-start, or unset for the JVM's own JIT settings)" >&2
    exit 1 ;;
esac
# Lucene maps its index files through the foreign-memory API on Java 21+; from Java 22 on, the JVM
# warns about that at every start unless native access is granted.
[ "$FEATURE" -lt 22 ] || OPTS="--enable-native-access=ALL-UNNAMED $OPTS"
# The cache's kind: the option that uses one, the option that trains one, and the logging a training
# run silences (the JVM lists every class it cannot keep — a multi-release jar's, a signed jar's, a
# pre-Java-6 one: not faults).
if [ "$FEATURE" -ge 25 ]; then
  CDS=${ONEWINDOW_APPCDS:-$APP/app.aot} USE=-XX:AOTCache TRAIN=-XX:AOTCacheOutput QUIET='-Xlog:aot*=off -Xlog:cds*=off'
else
  CDS=${ONEWINDOW_APPCDS:-$APP/app-cds.jsa} USE=-XX:SharedArchiveFile TRAIN=-XX:ArchiveClassesAtExit
  QUIET='-Xlog:cds=off -Xlog:cds+dynamic=off'
  # An aot-jar's quarkus-application.dat starts with Quarkus' AotSerializedApplication magic number.
  if [ "$CDS" != off ] && [ "$(od -An -tx1 -N4 "$APP/quarkus/quarkus-application.dat" 2>/dev/null | tr -d ' \n')" = 0a07ca3e ]; then
    echo "run.sh: an aot-jar on Java $FEATURE starts without a class-data archive (fast-jar for Java 17-24, or run it on Java 25)" >&2
    CDS=off
  fi
fi
if [ "$CDS" = off ]; then
  # shellcheck disable=SC2086
  exec "$JAVA" $OPTS -jar "$JAR" "$@"
fi
# What the cache must fit: this Java (its path and the build of its VM library), this build (every
# jar of the packaged folder, by size and time) and these JVM options. Working it out takes ~25 ms,
# where asking a JVM (java -Xshare:on … -version) took ~0.25 s of every start.
STAMP=$( {
  echo "java $JAVA_REAL"
  stat -L -c 'jvm %s %Y' "$JAVA_HOME_REAL/lib/server/libjvm.so" 2>/dev/null || echo "jvm ?"
  echo "options $OPTS"
  find "$APP" -name '*.jar' -printf '%P %s %T@\n' | LC_ALL=C sort
} | cksum)
if [ -s "$CDS" ] && [ "$(cat "$CDS.stamp" 2>/dev/null)" = "$STAMP" ]; then
  # shellcheck disable=SC2086
  exec "$JAVA" "$USE=$CDS" $OPTS -jar "$JAR" "$@"
fi
rm -f "$CDS"
echo "$STAMP" > "$CDS.stamp"
echo "run.sh: no class-data cache for this build yet; this start writes $CDS when it stops" >&2
# shellcheck disable=SC2086
exec "$JAVA" "$TRAIN=$CDS" $QUIET $OPTS -jar "$JAR" "$@"
