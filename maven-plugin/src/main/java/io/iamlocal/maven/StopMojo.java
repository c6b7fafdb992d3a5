package io.iamlocal.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Stops the server {@code iamlocal:start} started in this project (bound by default to {@code
 * post-integration-test}, which runs even when tests failed, since failsafe reports failures only
 * in {@code verify}) and withdraws the properties it published.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Override
  public void execute() {
    RunningServer running = (RunningServer) getPluginContext().remove(RunningServer.CONTEXT_KEY);
    if (running == null) {
      getLog().info("IAMLocal: not running (skipped, or iamlocal:start is not bound)");
      return;
    }
    running.stop(project, session);
    getLog().info("IAMLocal stopped");
  }
}
