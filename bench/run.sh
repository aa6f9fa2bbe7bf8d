#!/usr/bin/env bash
# Side-by-side benchmark: the built service on one engine, nginx WebDAV and (if its jar is there)
# s3proxy, each started here on loopback with a fresh temporary directory, driven one at a time:
# the 1 KiB loads by wrk, the large transfers by bench/src/dev/gofer/bench (run from source, in a
# JVM of its own). Prints the figures and the targets; see bench/README.md.
#
#   bench/run.sh database|filesystem|s3 [Bench options, e.g. --duration 20 --phases get,put]
#   bench/run.sh database --smoke       # a few seconds: shows the harness works, measures nothing
#
# Builds nothing and installs nothing: it needs target/gofer-object-store-*.jar, nginx with the
# WebDAV module and wrk (Debian: apt-get install -y nginx-light wrk) and, for s3, the s3proxy jar.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
die() {
  echo "bench: $*" >&2
  exit 1
}

engine=${1:-}
case "$engine" in
  database | filesystem | s3) shift ;;
  *) usage ;;
esac

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])' \
  || die "Java 25 or later is needed: set JAVA_HOME (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)"

jar=${BENCH_JAR:-$(ls target/gofer-object-store-*.jar 2> /dev/null | grep -v '\.original$' | head -n 1 || true)}
[ -n "$jar" ] || die "no target/gofer-object-store-*.jar: build it first with ./mvnw -DskipTests package (the benchmark builds nothing)"

nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || die "nginx is not installed; on Debian: apt-get install -y nginx-light"
"$nginx" -V 2>&1 | grep -q -- '--with-http_dav_module' || die "$nginx has no WebDAV module (Debian's nginx-light has it)"
smoke=
for arg in "$@"; do
  [ "$arg" != --smoke ] || smoke=1
done
if ! command -v wrk > /dev/null; then
  [ -n "$smoke" ] || die "wrk is not installed; on Debian: apt-get install -y wrk"
  echo "bench: no wrk, so this smoke run leaves out the 1 KiB loads" >&2
fi

# The build copies s3proxy's jar into target/s3proxy for the tests.
s3proxy_jar=${S3PROXY_JAR:-target/s3proxy/s3proxy.jar}
fetch_s3proxy="./mvnw -q dependency:copy -Dartifact=org.gaul:s3proxy:2.6.0:jar:jar-with-dependencies -DoutputDirectory=target/s3proxy -Dmdep.stripFileName=s3proxy.jar"
if [ ! -f "$s3proxy_jar" ] || [ -n "${BENCH_NO_S3PROXY:-}" ]; then
  [ "$engine" != s3 ] || die "the s3 engine needs s3proxy; fetch its jar with: $fetch_s3proxy"
  [ -n "${BENCH_NO_S3PROXY:-}" ] || echo "bench: no $s3proxy_jar, so no s3proxy column; to add it: $fetch_s3proxy" >&2
  s3proxy_jar=
fi

base=${BENCH_PORT_BASE:-28180}
service_port=$base nginx_port=$((base + 1)) s3_port=$((base + 2))
for port in $service_port $nginx_port $s3_port; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    die "port $port is in use; choose other ports with BENCH_PORT_BASE"
  fi
done

dir=${BENCH_DIR:-$(mktemp -d /tmp/gofer-bench.XXXXXX)}
dir=$(cd "$dir" && pwd)
mkdir -p "$dir"/nginx/root "$dir"/s3/gofer "$dir"/service
token="bench-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2> /dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2> /dev/null || true
  done
  if [ -n "${BENCH_KEEP:-}${BENCH_JFR:-}" ]; then
    echo "bench: kept $dir (logs, GC log${BENCH_JFR:+, service.jfr})" >&2
  else
    # Hundreds of thousands of small files after the PUT loads: removing them takes minutes and
    # a disk's worth of work, which would skew a benchmark started meanwhile.
    echo "bench: removing $dir; start the next run after 'bench: done'" >&2
    rm -rf "$dir"
  fi
  echo "bench: done" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# nginx: WebDAV PUT/DELETE on a temporary root, everything it writes under $dir, no access log
# (the service keeps none either), a worker per core and connections enough for wrk's 128. As root
# it needs a user to run workers as: root itself.
{
  [ "$(id -u)" != 0 ] || echo "user root;"
  cat << CONF
worker_processes auto;
daemon off;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    client_body_temp_path $dir/nginx/body;
    proxy_temp_path $dir/nginx/proxy;
    fastcgi_temp_path $dir/nginx/fastcgi;
    uwsgi_temp_path $dir/nginx/uwsgi;
    scgi_temp_path $dir/nginx/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        root $dir/nginx/root;
        client_max_body_size 0;
        dav_methods PUT DELETE;
        create_full_put_path on;
        dav_access user:rw;
    }
}
CONF
} > "$dir/nginx.conf"
"$nginx" -e "$dir/nginx/error.log" -p "$dir/nginx" -c "$dir/nginx.conf" &
nginx_pid=$!
pids+=("$nginx_pid")

if [ -n "$s3proxy_jar" ]; then
  # Without authorization, so that plain PUT/GET work; loopback only.
  cat > "$dir/s3proxy.conf" << CONF
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=none
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/s3
CONF
  "$java" -Xmx256m -jar "$s3proxy_jar" --properties "$dir/s3proxy.conf" > "$dir/s3proxy.log" 2>&1 &
  s3_pid=$!
  pids+=("$s3_pid")
fi

service_args=(--server.port="$service_port" --gofer.data-dir="$dir/service" --gofer.auth.admin-token="$token"
  --gofer.object-store.engine="$engine"
  # Reclaim evicted bytes within seconds, so that the write load's steady state includes it.
  --gofer.retention.reclaim-interval=5s --gofer.retention.reclaim-delay=5s)
if [ "$engine" = s3 ]; then
  service_args+=(--gofer.object-store.s3.endpoint="http://127.0.0.1:$s3_port" --gofer.object-store.s3.bucket=gofer
    --gofer.object-store.s3.path-style=true --gofer.object-store.s3.access-key=bench
    --gofer.object-store.s3.secret-key=bench)
fi
# The collector the container image runs the service with (see the Dockerfile's ENTRYPOINT).
jvm_args=(-Xmx256m -XX:+UseParallelGC "-Xlog:gc:file=$dir/gc.log:timemillis")
if [ -n "${BENCH_JFR:-}" ]; then
  jvm_args+=("-XX:StartFlightRecording=filename=$dir/service.jfr,settings=profile")
fi
# shellcheck disable=SC2206 # extra options are meant to split on spaces
jvm_args+=(${BENCH_SERVICE_JAVA_OPTS:-})
# shellcheck disable=SC2206
service_args+=(${BENCH_SERVICE_OPTS:-})

wait_for() { # name pid url
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null "$3"; then
      return 0
    fi
    kill -0 "$2" 2> /dev/null || die "$1 exited; see $dir (set BENCH_KEEP=1 to keep it)"
    sleep 1
  done
  die "$1 did not answer on $3 within 120 s"
}
# The servers start at once, the service last waited for; on the s3 engine it needs s3proxy first.
start_service() {
  "$java" "${jvm_args[@]}" -jar "$jar" "${service_args[@]}" > "$dir/service.log" 2>&1 &
  service_pid=$!
  pids+=("$service_pid")
}
[ "$engine" = s3 ] || start_service
wait_for nginx "$nginx_pid" "http://127.0.0.1:$nginx_port/"
if [ -n "$s3proxy_jar" ]; then
  wait_for s3proxy "$s3_pid" "http://127.0.0.1:$s3_port/"
fi
[ "$engine" != s3 ] || start_service
wait_for service "$service_pid" "http://127.0.0.1:$service_port/actuator/health/readiness"
until curl -sf -o /dev/null "http://127.0.0.1:$service_port/actuator/health/readiness"; do
  kill -0 "$service_pid" 2> /dev/null || die "the service exited; see $dir/service.log"
  sleep 1
done

machine=$(
  echo "- CPU: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- disk of $dir: $(df -h --output=source,fstype,size "$dir" | tail -n 1 | tr -s ' ')"
  echo "- kernel $(uname -r); $("$java" -version 2>&1 | head -n 1); $("$nginx" -v 2>&1)"
  echo "- load generator: $( (wrk -v 2>&1 || true) | head -n 1 | cut -d' ' -f1-2) for the 1 KiB loads; the benchmark's JVM for the transfers"
  echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
)
echo "$machine"

load_args=(--engine "$engine" --service "127.0.0.1:$service_port:$service_pid" --token "$token"
  --nginx "127.0.0.1:$nginx_port:$nginx_pid" --nginx-root "$dir/nginx/root" --gc-log "$dir/gc.log"
  --out "$dir/results.md" --scratch "$dir/disk" --wrk-script bench/wrk/bench.lua)
if [ -n "$s3proxy_jar" ]; then
  load_args+=(--s3proxy "127.0.0.1:$s3_port:$s3_pid" --s3-root "$dir/s3")
fi
heap=1g
[ -z "$smoke" ] || heap=256m
status=0
"$java" "-Xmx$heap" bench/src/dev/gofer/bench/Bench.java "${load_args[@]}" "$@" || status=$?

mkdir -p target/bench
result="target/bench/results-$engine-$(date +%Y%m%d-%H%M%S).md"
{
  echo "$machine"
  echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  cat "$dir/results.md" 2> /dev/null || echo "(no figures: the benchmark failed; see above)"
} > "$result"
echo "bench: figures saved in $result" >&2
exit "$status"
