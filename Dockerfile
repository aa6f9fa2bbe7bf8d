# syntax=docker/dockerfile:1
# Gofer Object Store: built with the Maven wrapper on a JDK, run on a JRE as an unprivileged user.
#   docker build -t gofer-object-store .
#   docker run -p 8080:8080 -v gofer-data:/data -e GOFER_AUTH_ADMIN_TOKEN=... gofer-object-store

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
# The Maven distribution and the dependencies stay in BuildKit's cache between builds, not in a
# layer. maven.test.skip: the image is built from sources that passed the test suite;
# codegen.skip: the generated API client is a test-only artifact. The jar gets a name without the
# version (mv fails if the build ever produced more than one).
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -Dmaven.test.skip=true -Dcodegen.skip=true package \
 && mv target/gofer-object-store-*.jar target/application.jar
# Spring Boot's layers (dependencies, spring-boot-loader, snapshot-dependencies, application), each
# a directory the runtime stage copies on its own: a code change rebuilds and ships only the last,
# a few hundred KB, while the ~45 MB of libraries stay in a cached layer. The application jar keeps
# a fixed name so that ENTRYPOINT and GOFER_JAR need no version.
RUN java -Djarmode=tools -jar target/application.jar extract --layers --application-filename gofer-object-store.jar --destination /layers

FROM eclipse-temurin:25-jre
# A fixed numeric uid/gid: Kubernetes' runAsNonRoot can only verify a numeric USER, and a volume's
# owner (fsGroup) can be set to match. No login shell, and no home outside the data directory.
RUN groupadd --system --gid 10001 gofer \
 && useradd --system --uid 10001 --gid gofer --home-dir /data --no-create-home --shell /usr/sbin/nologin gofer \
 && mkdir /data \
 && chown gofer:gofer /data
WORKDIR /app
# Least often changed first, so that pulls of a new version fetch only the application layer.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# The command-line client runs the same jar: `docker exec <container> gofer pipeline object get …`.
COPY --chmod=755 gofer /usr/local/bin/gofer
# gofer.data-dir by relaxed binding: the SQLite catalog, the database or filesystem engine's bytes
# and a generated admin token all live in the volume.
ENV GOFER_DATA_DIR=/data \
    GOFER_JAR=/app/gofer-object-store.jar
VOLUME /data
EXPOSE 8080
USER 10001:10001
# Exec form: the JVM is PID 1 and gets SIGTERM itself, which starts the graceful shutdown.
# MaxRAMPercentage sizes the heap from the container's memory limit, leaving a quarter for
# metaspace, thread stacks, direct buffers and SQLite; ExitOnOutOfMemoryError lets the orchestrator
# restart a broken JVM instead of leaving it serving errors. The parallel collector: the live heap
# is small (about 30 MiB) and short-lived request garbage dominates, which it collects with less CPU
# than G1, whose concurrent marking took a tenth of the CPU of small writes on two cores (1 KiB
# PUTs: 3,400-3,900 req/s with G1, 4,200-5,700 with it, p99 about half). More options:
# JDK_JAVA_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/gofer-object-store.jar"]
