#!/usr/bin/env bash
# Two Gofer Object Store replicas on one PostgreSQL catalog and one S3 bucket, on this machine:
# the high-availability topology in miniature. S3 comes from s3proxy (fetched from Maven Central
# through the wrapper) keeping its bucket in a local directory; PostgreSQL is yours.
#
#   GOFER_DB_URL='jdbc:postgresql://localhost:5432/gofer?user=gofer&password=secret' examples/ha-local/run.sh
#
# Then use either replica: http://localhost:8080 and http://localhost:8081, with the admin token
# printed below. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${GOFER_DB_URL:?set GOFER_DB_URL to a JDBC URL of an empty PostgreSQL database, user and password included}"
work=${GOFER_EXAMPLE_DIR:-target/ha-local}
# The service needs Java 25: JAVA_HOME's, else the java on the PATH.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
token=${GOFER_AUTH_ADMIN_TOKEN:-ha-local-admin-token}
mkdir -p "$work/buckets/gofer"

jar=${GOFER_JAR:-}
if [ -z "$jar" ]; then
  ./mvnw -q -DskipTests package
  jar=$(ls target/gofer-object-store-*.jar | grep -v '\.original$' | head -n 1)
fi
if [ ! -f "$work/s3proxy.jar" ]; then
  ./mvnw -q dependency:copy -Dartifact=org.gaul:s3proxy:2.6.0:jar:jar-with-dependencies \
    -DoutputDirectory="$work" -Dmdep.stripVersion=true
  mv "$work"/s3proxy*.jar "$work/s3proxy.jar"
fi

# s3proxy without authorization: fine on loopback for a demonstration, never elsewhere.
cat > "$work/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:9000
s3proxy.authorization=none
jclouds.provider=filesystem
jclouds.filesystem.basedir=$PWD/$work/buckets
CONF

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
"$java" -jar "$work/s3proxy.jar" --properties "$work/s3proxy.conf" > "$work/s3proxy.log" 2>&1 &
pids+=($!)

for port in 8080 8081; do
  "$java" -jar "$jar" --server.port=$port --gofer.data-dir="$work/replica-$port" \
    --spring.datasource.url="$GOFER_DB_URL" \
    --gofer.object-store.engine=s3 --gofer.object-store.s3.endpoint=http://127.0.0.1:9000 \
    --gofer.object-store.s3.bucket=gofer --gofer.object-store.s3.path-style=true \
    --gofer.object-store.s3.access-key=local --gofer.object-store.s3.secret-key=local \
    --gofer.auth.admin-token="$token" > "$work/replica-$port.log" 2>&1 &
  pids+=($!)
done

for port in 8080 8081; do
  until curl -sf "http://localhost:$port/actuator/health/readiness" > /dev/null; do
    sleep 1
    kill -0 "${pids[@]}" 2>/dev/null || { echo "a process exited; see $work/*.log" >&2; exit 1; }
  done
done
echo "Replicas ready on http://localhost:8080 and http://localhost:8081 (admin token: $token)"
echo "Try: curl -H 'Authorization: Bearer $token' -X PUT --data-binary hello http://localhost:8080/api/namespaces/default/pipelines/demo/objects/greeting"
echo " and: curl -H 'Authorization: Bearer $token' http://localhost:8081/api/namespaces/default/pipelines/demo/objects/greeting"
wait
