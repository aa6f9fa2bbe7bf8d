#!/usr/bin/env bash
# The operator listings and the delete by prefix on a large catalog: fills a fresh SQLite catalog
# with 10,000 pipelines and a million objects (plus one pipeline of 100,000 to delete), starts the
# built service on it and times the listings and a bulk delete, with a writer running beside the
# delete. Prints the figures; not a pass/fail test (BenchPackagingTests runs it once, small). See
# bench/console/README.md.
#
#   bench/console/run.sh [--pipelines N] [--objects-per-pipeline N] [--bulk N] [--reps N]
#
# Builds nothing: it needs target/gofer-object-store-*.jar (./mvnw -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/../.."

die() {
  echo "bench: $*" >&2
  exit 1
}

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar_tool="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
"$java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])' \
  || die "Java 25 or later is needed: set JAVA_HOME (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)"
jar=${BENCH_JAR:-$(ls target/gofer-object-store-*.jar 2> /dev/null | grep -v '\.original$' | head -n 1 || true)}
[ -n "$jar" ] || die "no target/gofer-object-store-*.jar: build it first with ./mvnw -DskipTests package"
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar") # absolute: the fill step reads it from another directory

port=${BENCH_PORT:-28190}
if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
  die "port $port is in use; choose another with BENCH_PORT"
fi
dir=$(mktemp -d /tmp/gofer-console-bench.XXXXXX)
token="bench-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
pid=
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  fi
  if [ -n "${BENCH_KEEP:-}" ]; then
    echo "bench: kept $dir" >&2
  else
    rm -rf "$dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_service() {
  # Retention off: the enforce job visiting 10,000 pipelines would run into the measurements.
  "$java" -Xmx256m -XX:+UseParallelGC -jar "$jar" --server.port="$port" --gofer.data-dir="$dir/data" \
    --gofer.auth.admin-token="$token" --gofer.retention.enabled=false > "$dir/service-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1; then
      return
    fi
    kill -0 "$pid" 2> /dev/null || die "the service stopped; see $dir/service-$1.log (BENCH_KEEP=1 keeps it)"
    sleep 0.2
  done
  die "the service was not ready within 120 s"
}

stop_service() {
  kill "$pid"
  wait "$pid" 2> /dev/null || true
  pid=
}

echo "bench: creating the catalog's schema (the service's own migrations)" >&2
start_service schema
stop_service

echo "bench: filling $dir/data/gofer.db" >&2
mkdir -p "$dir/lib"
(cd "$dir/lib" && "$jar_tool" xf "$jar" $(unzip -Z1 "$jar" | grep '^BOOT-INF/lib/sqlite-jdbc-.*\.jar$'))
sqlite_jar=$(ls "$dir"/lib/BOOT-INF/lib/sqlite-jdbc-*.jar)
"$java" --enable-native-access=ALL-UNNAMED -cp "$sqlite_jar" bench/src/dev/gofer/bench/console/ConsoleBench.java fill "$dir/data/gofer.db" "$@"

echo "bench: measuring" >&2
start_service measure
echo "machine: $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg), $("$java" -version 2>&1 | head -n 1)"
"$java" bench/src/dev/gofer/bench/console/ConsoleBench.java measure "http://127.0.0.1:$port" "$token" "$@"
