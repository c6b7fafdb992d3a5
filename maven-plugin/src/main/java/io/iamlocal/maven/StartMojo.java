package io.iamlocal.maven;

import io.iamlocal.server.IamLocal;
import io.iamlocal.server.authz.EnforcementMode;
import java.io.File;
import java.util.Locale;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Starts an in-process IAMLocal server (bound by default to {@code pre-integration-test}) and
 * publishes its endpoint and root credentials as Maven properties and as system properties of the
 * test JVMs that failsafe forks, e.g. {@code System.getProperty("iamlocal.endpoint")}.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractMojo {
  /** Port to listen on; 0 (the default) picks a free one, published as {@code iamlocal.port}. */
  @Parameter(property = "iamlocal.port", defaultValue = "0")
  int port;

  /** Address to listen on. */
  @Parameter(property = "iamlocal.host", defaultValue = "127.0.0.1")
  String host;

  /** The 12-digit account ID used in ARNs. */
  @Parameter(property = "iamlocal.accountId", defaultValue = "123456789012")
  String accountId;

  /** The root user's access key ID. */
  @Parameter(property = "iamlocal.accessKeyId", defaultValue = "test")
  String accessKeyId;

  /** The root user's secret access key. */
  @Parameter(property = "iamlocal.secretAccessKey", defaultValue = "test")
  String secretAccessKey;

  /** Region reported for the server. */
  @Parameter(property = "iamlocal.region", defaultValue = "us-east-1")
  String region;

  /**
   * Policy enforcement: {@code strict}, {@code soft} or {@code off} (the CLI's {@code --enforce}).
   */
  @Parameter(property = "iamlocal.enforce", defaultValue = "strict")
  String enforce;

  /** A YAML or JSON seed file applied at start (the CLI's {@code --init}). */
  @Parameter(property = "iamlocal.init")
  File initFile;

  /** Prefix of the published properties: {@code <prefix>.endpoint}, {@code <prefix>.port}… */
  @Parameter(property = "iamlocal.propertyPrefix", defaultValue = "iamlocal")
  String propertyPrefix;

  /**
   * Also publish the AWS SDK's system properties ({@code aws.endpointUrl}, {@code aws.accessKeyId},
   * {@code aws.secretAccessKey}, {@code aws.region}), so default SDK clients in the tests reach the
   * server with no configuration at all.
   */
  @Parameter(property = "iamlocal.sdkProperties", defaultValue = "true")
  boolean sdkProperties;

  /** Skips starting (and so the matching stop), like {@code -DskipITs}. */
  @Parameter(property = "iamlocal.skip", defaultValue = "${skipITs}")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("IAMLocal: skipped");
      return;
    }
    if (getPluginContext().get(RunningServer.CONTEXT_KEY) != null) {
      throw new MojoExecutionException(
          "IAMLocal is already started in this project: bind iamlocal:start once");
    }
    IamLocal iamLocal;
    try {
      IamLocal.Builder builder =
          IamLocal.builder()
              .host(host)
              .port(port)
              .accountId(accountId)
              .rootCredentials(accessKeyId, secretAccessKey)
              .region(region)
              .enforcement(EnforcementMode.valueOf(enforce.toUpperCase(Locale.ROOT)));
      if (initFile != null) {
        builder.initFile(initFile.toPath());
      }
      iamLocal = builder.start();
    } catch (RuntimeException e) {
      throw new MojoExecutionException("IAMLocal could not start: " + e.getMessage(), e);
    }
    RunningServer running =
        RunningServer.publish(iamLocal, propertyPrefix, sdkProperties, project, session);
    getPluginContext().put(RunningServer.CONTEXT_KEY, running);
    getLog()
        .info(
            "IAMLocal listening on " + iamLocal.endpoint() + " (" + propertyPrefix + ".endpoint)");
  }
}
