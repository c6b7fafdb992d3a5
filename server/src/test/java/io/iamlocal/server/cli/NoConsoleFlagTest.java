package io.iamlocal.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.IamLocal;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --no-console} (and {@code IamLocal.Builder#console(false)}) turns the web console off; it
 * is on by default.
 */
class NoConsoleFlagTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static IamLocal.Builder configure(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.configure();
  }

  @Test
  void theFlagBecomesTheBuilderSetting() {
    assertThat(configure("--port", "0").build().config().console()).isTrue();
    assertThat(configure("--port", "0", "--no-console").build().config().console()).isFalse();
  }

  @Test
  void withoutTheConsoleItsPathsAreNotServed() throws IOException, InterruptedException {
    try (IamLocal on = IamLocal.builder().port(0).start();
        IamLocal off = IamLocal.builder().port(0).console(false).start()) {
      assertThat(get(on, "/_iamlocal/").statusCode()).isEqualTo(200);
      assertThat(get(on, "/_iamlocal/api/users").body()).isEqualTo("[]");
      assertThat(get(off, "/_iamlocal/").statusCode()).isNotEqualTo(200);
      assertThat(get(off, "/_iamlocal/api/users").statusCode()).isNotEqualTo(200);
      assertThat(get(off, "/_iamlocal/health").statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(IamLocal server, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(server.endpoint().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
