# syntax=docker/dockerfile:1
#
# Lantian and its simulators in one image (used by docker-compose.yml).
#
#   docker build -t lantian:local .
#   docker run --rm -p 127.0.0.1:8080:8080 -e LANTIAN_API_KEYS_0_KEY=... -e LANTIAN_API_KEYS_0_ROLE=admin lantian:local
#
# The simulators run from the same Spring Boot jar with another main class, as
# scripts/hj212-decode does for the HJ 212 inspector:
#
#   docker run --rm --entrypoint java lantian:local -cp app.jar \
#     -Dloader.main=org.lantian.simulator.SimulatorMain \
#     org.springframework.boot.loader.launch.PropertiesLauncher --scenario /app/simulators/scenarios/live.yaml

# --- build: the project's pom with Maven and JDK 17, dependencies from Maven Central ---
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
COPY simulators ./simulators
# maven.test.skip: the tests need mosquitto and influxd (scripts/test runs them); the cache
# mount keeps ~/.m2 between builds without putting it into a layer.
RUN --mount=type=cache,target=/root/.m2 \
	mvn -B -ntp -Dmaven.test.skip=true package \
	&& cp target/lantian-*.jar /build/app.jar

# --- runtime: JRE 17, a non-root user, the Spring Boot jar and the scenario files ---
FROM eclipse-temurin:17.0.13_11-jre
RUN groupadd --system --gid 10001 lantian \
	&& useradd --system --uid 10001 --gid lantian --home-dir /app --no-create-home --shell /usr/sbin/nologin lantian \
	&& mkdir -p /app/var/spool /app/var/deadletters \
	&& chown -R lantian:lantian /app/var
WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar
COPY simulators/scenarios /app/simulators/scenarios

# In a container Lantian must listen on every interface of its own network namespace;
# what the host exposes is decided where ports are published (docker-compose.yml: 127.0.0.1).
ENV SERVER_ADDRESS=0.0.0.0 \
	LANTIAN_HJ212_BIND_ADDRESS=0.0.0.0 \
	LANTIAN_SPOOL_DIR=/app/var/spool \
	LANTIAN_DEADLETTERS_DIR=/app/var/deadletters \
	JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"

USER lantian
# The spool and the dead letters must outlive the container (docs/adr/0002).
VOLUME ["/app/var"]
# 8080: REST API, OpenAPI and actuator; 9212: HJ 212 TCP listener for data loggers.
EXPOSE 8080 9212

# Health is DOWN (503) while InfluxDB or the broker is unreachable (INTERFACES §1).
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
	CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT:-8080}/actuator/health" || exit 1

# exec: java becomes PID 1 and gets SIGTERM for a graceful shutdown (server.shutdown: graceful).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "lantian"]
