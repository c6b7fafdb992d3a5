package io.iamlocal.maven;

import io.iamlocal.server.IamLocal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The server {@code iamlocal:start} left running for {@code iamlocal:stop}, kept in the plugin
 * context (shared by this plugin's goals within one project), with the properties it published.
 */
final class RunningServer {
  static final String CONTEXT_KEY = RunningServer.class.getName();

  final IamLocal iamLocal;
  final Map<String, String> properties;

  private RunningServer(IamLocal iamLocal, Map<String, String> properties) {
    this.iamLocal = iamLocal;
    this.properties = properties;
  }

  /**
   * What {@code start} publishes: {@code <prefix>.endpoint}, {@code .port}, {@code .accessKeyId},
   * {@code .secretAccessKey}, {@code .region} and {@code .accountId}; with {@code sdkProperties}
   * also the AWS SDK's own system properties, so a default SDK client needs no configuration.
   */
  static RunningServer publish(
      IamLocal iamLocal,
      String prefix,
      boolean sdkProperties,
      MavenProject project,
      MavenSession session) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(prefix + ".endpoint", iamLocal.endpoint().toString());
    properties.put(prefix + ".port", Integer.toString(iamLocal.port()));
    properties.put(prefix + ".accessKeyId", iamLocal.accessKeyId());
    properties.put(prefix + ".secretAccessKey", iamLocal.secretAccessKey());
    properties.put(prefix + ".region", iamLocal.region());
    properties.put(prefix + ".accountId", iamLocal.accountId());
    if (sdkProperties) {
      // Read by the AWS SDKs for Java v2 (aws.endpointUrl since 2.20) and v1 (the keys).
      properties.put("aws.endpointUrl", iamLocal.endpoint().toString());
      properties.put("aws.accessKeyId", iamLocal.accessKeyId());
      properties.put("aws.secretAccessKey", iamLocal.secretAccessKey());
      properties.put("aws.secretKey", iamLocal.secretAccessKey());
      properties.put("aws.region", iamLocal.region());
    }
    // Project properties for ${...} in later plugin configuration; user properties because failsafe
    // and surefire pass those on to the test JVM as system properties; JVM properties for
    // in-process tools (exec:java, a non-forked test run).
    for (Properties target : targets(project, session)) {
      target.putAll(properties);
    }
    properties.forEach(System::setProperty);
    return new RunningServer(iamLocal, properties);
  }

  /** Stops the server and withdraws every property {@link #publish} set. */
  void stop(MavenProject project, MavenSession session) {
    try {
      iamLocal.close();
    } finally {
      for (Properties target : targets(project, session)) {
        properties.keySet().forEach(target::remove);
      }
      properties.keySet().forEach(System::clearProperty);
    }
  }

  private static Properties[] targets(MavenProject project, MavenSession session) {
    return new Properties[] {project.getProperties(), session.getUserProperties()};
  }
}
