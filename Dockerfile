# IAMLocal image: `docker build -t iamlocal/iamlocal .`, then `docker run -p 4566:4566 iamlocal/iamlocal`.
#
# The bases are build arguments: the defaults are the public images; machines that cannot pull
# them (our CI) build the same file from bases made out of Debian packages by docker/local-bases.sh:
#   docker build -t iamlocal/iamlocal $(docker/local-bases.sh) .
# BUILD_BASE needs a JDK 17 with jlink and jmods, and Maven; RUN_BASE a glibc Linux with bash.
ARG BUILD_BASE=maven:3.9-eclipse-temurin-17
ARG RUN_BASE=debian:bookworm-slim

FROM ${BUILD_BASE} AS build
# A Java runtime with only the modules the server uses (`jdeps --print-module-deps` on the jar, plus
# jdk.crypto.ec for --tls, which jdeps cannot see): ~50 MB instead of a ~190 MB JRE. It depends on
# no source file, so the layer is reused. (--strip-debug would need objcopy.)
RUN jlink --add-modules java.base,java.desktop,java.management,java.naming,java.sql,jdk.unsupported,jdk.crypto.ec \
      --strip-java-debug-attributes --no-header-files --no-man-pages --compress=2 --output /opt/iamlocal/runtime
WORKDIR /src
# Dependencies and plugins first, from the poms of the server and the modules it uses alone (they
# build empty; the root pom's other modules are left out for this step), so this layer is reused
# until one of these poms changes. Only a cache: if it fails, the next step downloads what it needs.
COPY pom.xml ./
COPY sigv4/pom.xml sigv4/
COPY protocol/pom.xml protocol/
COPY policy/pom.xml policy/
COPY server/pom.xml server/
RUN sed -i -E '/<module>/{/<module>(sigv4|protocol|policy|server)<\/module>/!d}' pom.xml \
 && mvn -B -q -pl server -am -Dmaven.test.skip=true -Dmaven.source.skip=true package \
 || echo "dependency prefetch failed; the build below downloads what it needs"
COPY . .
# The jar and the launcher `mvn package` writes beside it (server/target/iamlocal), which holds the
# sidecar JVM flags (server/pom.xml, iamlocal.jvmFlags): the image starts the server as the README does.
# native/ holds Netty's epoll libraries, which the launcher loads in place.
# The class-data-sharing archive is made below instead, for the jar's final path (-Diamlocal.cds.skip).
RUN mvn -B -q -pl server -am -Dmaven.test.skip=true -Dmaven.source.skip=true -Diamlocal.cds.skip=true package \
 && cp -r server/target/iamlocal.jar server/target/iamlocal server/target/native /opt/iamlocal/
COPY docker/iamlocal /opt/iamlocal/bin/
# The CDS archive of the classes the server's start and common requests load (start-up ~2x faster),
# made by the same training as `mvn package` with this runtime and the jar at its final path. An
# unusable archive fails the image build here.
RUN /opt/iamlocal/runtime/bin/java -cp /opt/iamlocal/iamlocal.jar io.iamlocal.server.cli.CdsTraining

FROM ${RUN_BASE}
RUN useradd --uid 10001 --user-group --shell /usr/sbin/nologin --home-dir /opt/iamlocal --no-create-home iamlocal \
 && mkdir /data && chown iamlocal:iamlocal /data
COPY --from=build /opt/iamlocal /opt/iamlocal
USER iamlocal
WORKDIR /opt/iamlocal
# The launcher runs this runtime's java with the sidecar flags and /opt/iamlocal/iamlocal.jsa;
# `docker run -e IAMLOCAL_JAVA_OPTS=...` adds JVM flags after them (so they win).
ENV JAVA_HOME=/opt/iamlocal/runtime
EXPOSE 4566
# `--data-dir /data` with a volume there keeps the state across restarts.
# bash's /dev/tcp makes the health check need no curl or wget.
HEALTHCHECK --interval=2s --timeout=2s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/4566 && printf 'GET /_iamlocal/health HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3 && read -r _ status _ <&3 && [ \"$status\" = 200 ]"]
ENTRYPOINT ["/opt/iamlocal/bin/iamlocal"]
