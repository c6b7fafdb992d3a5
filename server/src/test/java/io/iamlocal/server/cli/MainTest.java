package io.iamlocal.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.server.IamLocal;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI builds its server through the embeddable {@link IamLocal} API. */
class MainTest {

  private static Main parse(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main;
  }

  @Test
  void flagsBecomeBuilderSettings() {
    IamLocal iamLocal =
        parse(
                "--host",
                "0.0.0.0",
                "--port",
                "0",
                "--account-id",
                "111122223333",
                "--root-access-key",
                "AK",
                "--root-secret-key",
                "SK",
                "--region",
                "eu-west-1",
                "--max-body",
                "2048",
                "--log-format",
                "json")
            .configure()
            .build();
    assertThat(iamLocal.config().host()).isEqualTo("0.0.0.0");
    assertThat(iamLocal.config().port()).isZero();
    assertThat(iamLocal.accountId()).isEqualTo("111122223333");
    assertThat(iamLocal.credentials()).isEqualTo(new IamLocal.Credentials("AK", "SK"));
    assertThat(iamLocal.region()).isEqualTo("eu-west-1");
    assertThat(iamLocal.config().maxBodyBytes()).isEqualTo(2048);
  }

  @Test
  void badLogFlagsAreUsageErrors() {
    assertThatThrownBy(() -> parse("--log-format", "xml").configure())
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("text or json");
    assertThatThrownBy(() -> parse("--log-level", "loud").configure())
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("debug, info, warn, error or off");
  }

  @Test
  void helpListsTheLogFlags() {
    StringWriter help = new StringWriter();
    new CommandLine(new Main()).usage(new PrintWriter(help));
    assertThat(help.toString())
        .contains("--log-format=text|json")
        .contains("--log-level=debug|info|warn|error|off")
        .contains("--quiet");
  }
}
