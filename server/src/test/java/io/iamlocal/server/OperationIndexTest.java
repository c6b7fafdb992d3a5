package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operation index in the classes is the one the catalog's families register now (the build
 * writes it at {@code process-classes}; classes compiled without it would serve a stale one), and
 * it reads back as written.
 */
class OperationIndexTest {
  @Test
  void theIndexInTheClassesIsWhatTheFamiliesRegister() throws IOException {
    String written;
    try (InputStream in = OperationIndex.class.getResourceAsStream(OperationIndex.RESOURCE)) {
      assertThat(in).as("the build writes " + OperationIndex.RESOURCE).isNotNull();
      written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(written)
        .isEqualTo(
            OperationIndex.render(
                IamLocalServer.ServiceModels.iam(), IamLocalServer.ServiceModels.sts()));
    assertThat(OperationIndex.read()).hasSize(OperationCatalog.families().size());
  }

  @Test
  void eachLineIsAFamilyAndItsOperations() {
    assertThat(
            OperationIndex.parse("# comment\nx.A iam:GetUser iam:ListUsers\n\nx.B sts:AssumeRole"))
        .containsExactly(
            new OperationIndex.Family("x.A", List.of("iam:GetUser", "iam:ListUsers")),
            new OperationIndex.Family("x.B", List.of("sts:AssumeRole")));
  }
}
