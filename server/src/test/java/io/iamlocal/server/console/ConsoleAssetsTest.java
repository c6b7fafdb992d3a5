package io.iamlocal.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's files are read at its first request, so their presence in the jar is checked here
 * rather than at start-up.
 */
class ConsoleAssetsTest {

  @Test
  void everyServedFileIsPackagedWithAnEtag() {
    for (String name :
        List.of(
            "index.html",
            "console.css",
            "console.js",
            "favicon.svg",
            "least-privilege.html",
            "least-privilege.js")) {
      ConsoleAssets.Asset asset = ConsoleAssets.all().get(name);
      assertThat(asset).as(name).isNotNull();
      assertThat(asset.bytes()).as(name).isNotEmpty();
      assertThat(asset.etag()).as(name).matches("\"[0-9a-f]{32}\"");
    }
    assertThat(ConsoleAssets.all().get("../console.js")).isNull();
  }
}
