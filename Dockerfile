# Build stage: the Maven reactor produces server/target/iamlocal.jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

# Run stage: a small JRE image with only the fat jar.
FROM eclipse-temurin:17-jre-alpine
WORKDIR /opt/iamlocal
COPY --from=build /src/server/target/iamlocal.jar iamlocal.jar
EXPOSE 4566
HEALTHCHECK --interval=5s --timeout=2s --start-period=5s --retries=5 \
  CMD wget -q -O /dev/null http://127.0.0.1:4566/_iamlocal/health || exit 1
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "iamlocal.jar", "--host", "0.0.0.0", "--port", "4566"]
