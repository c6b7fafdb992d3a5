package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's operation list is generated from the registry. Run with {@code
 * -Diamlocal.updateReadme=true} to rewrite it after adding operations.
 */
class ReadmeListsSupportedOperationsTest {
  private static final String START = "<!-- operations:start -->\n";
  private static final String END = "<!-- operations:end -->";

  @Test
  void readmeSectionMatchesTheRegistry() throws IOException {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    assertThat(start).as("README has the operations markers").isNotNegative();
    String generated = SupportedOperations.markdown();
    String current = text.substring(start + START.length(), end);
    if (Boolean.getBoolean("iamlocal.updateReadme")) {
      Files.writeString(
          readme,
          text.substring(0, start + START.length()) + generated + text.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(current)
        .as("README operation list is stale: rerun this test with -Diamlocal.updateReadme=true")
        .isEqualTo(generated);
  }
}
