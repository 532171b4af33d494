# syntax=docker/dockerfile:1
# DVK as a container image: built with the Maven wrapper on a Temurin 17 JDK, run as the Spring Boot
# jar on a Temurin 17 JRE, as a user without privileges. Used by docker-compose.yml (docs/compose.md).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY bpmn bpmn
# the Maven repository is a build cache, kept between builds (BuildKit)
RUN --mount=type=cache,target=/root/.m2 \
    sh ./mvnw -B -ntp -DskipTests package \
 && cp target/dvk-*.jar /dvk.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system dvk \
 && useradd --system --gid dvk --home-dir /app --shell /usr/sbin/nologin dvk
WORKDIR /app
# dvk.org.location defaults to file:./config/org/ (the unit trees), relative to this directory
COPY config/org /app/config/org
COPY --from=build /dvk.jar /app/dvk.jar
USER dvk
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=30 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && read -r status <&3 && [[ $status == *' 200'* ]]"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/dvk.jar"]
