package io.iamlocal.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.server.IamLocal;
import io.iamlocal.server.TransportConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HardeningFlagsTest {
  private static IamLocal configure(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.configure().build();
  }

  @Test
  void defaultsAreSane() {
    IamLocal server = configure("--port", "0");
    assertThat(server.config().idleTimeoutSeconds()).isEqualTo(120);
    assertThat(server.transport()).isEqualTo(TransportConfig.defaults());
    assertThat(server.transport().tls().enabled()).isFalse();
  }

  @Test
  void limitFlagsBecomeSettings() {
    IamLocal server =
        configure("--idle-timeout", "7", "--request-timeout", "3", "--max-header-size", "4096");
    assertThat(server.config().idleTimeoutSeconds()).isEqualTo(7);
    assertThat(server.transport().requestTimeoutSeconds()).isEqualTo(3);
    assertThat(server.transport().maxHeaderBytes()).isEqualTo(4096);
  }

  @Test
  void theRootSecretNeverShowsInAConfigurationsText() {
    IamLocal server =
        configure("--root-access-key", "AKIAROOT", "--root-secret-key", "root-secret-value-1234");
    assertThat(server.config().toString())
        .contains("AKIAROOT")
        .contains("rootSecretKey=****")
        .doesNotContain("root-secret-value-1234");
    assertThat(server.credentials().toString()).doesNotContain("root-secret-value-1234");
    assertThat(server.toString()).doesNotContain("root-secret-value-1234");
  }

  @Test
  void tlsFlags() {
    assertThat(configure("--tls").transport().tls())
        .isEqualTo(TransportConfig.Tls.selfSigned(null));
    assertThat(configure("--tls", "--tls-cert-out", "ca.pem").transport().tls().certificateOut())
        .isEqualTo(Path.of("ca.pem"));
    assertThat(configure("--tls-cert", "c.pem", "--tls-key", "k.pem").transport().tls())
        .isEqualTo(TransportConfig.Tls.files(Path.of("c.pem"), Path.of("k.pem")));
    assertThatThrownBy(() -> configure("--tls-cert", "c.pem"))
        .isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> configure("--request-timeout", "0"))
        .isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> configure("--idle-timeout", "-1"))
        .isInstanceOf(CommandLine.ParameterException.class);
  }
}
