package io.iamlocal.server.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.server.IamLocal;
import io.iamlocal.server.state.AccountSettings;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed file's {@code accounts} section: other accounts with their alias, root keys and
 * entities.
 */
class SeedAccountsTest {
  @TempDir Path dir;

  @Test
  void accountsGetTheirOwnEntitiesAliasAndRootKeys() throws Exception {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(
        seed,
        """
        users:
          - name: default-user
        accounts:
          - id: "111111111111"
            alias: development
            rootAccessKeys:
              - id: AKIADEVELOPMENTROOT1
                secret: dev-root-secret
            users:
              - name: ci
                accessKeys:
                  - id: AKIADEVELOPMENTCI001
                    secret: ci-secret
          - id: "222222222222"
            partition: aws-cn
            roles:
              - name: deployer
                assumeRolePolicy: {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "sts:AssumeRole"}]}
        """);
    try (IamLocal local = IamLocal.builder().port(0).initFile(seed).start()) {
      IamLocalState state = local.server().state();
      assertThat(state.account().users().get("default-user")).isNotNull();
      AccountState dev = state.accounts().find(Partition.AWS, "111111111111");
      assertThat(dev.users().get("ci")).isNotNull();
      assertThat(AccountSettings.of(dev).accountAlias()).isEqualTo("development");
      assertThat(state.accounts().ownerOfKey("AKIADEVELOPMENTROOT1")).isSameAs(dev);
      assertThat(dev.accessKeys().get("AKIADEVELOPMENTROOT1").owner()).isNull();
      assertThat(state.accounts().ownerOfKey("AKIADEVELOPMENTCI001")).isSameAs(dev);
      assertThat(state.accounts().find(Partition.AWS_CN, "222222222222").roles().get("deployer"))
          .isNotNull();
      // The export writes the same section back, and it seeds the same accounts.
      String exported = StateExporter.write(StateExporter.exportAll(state), true);
      assertThat(exported)
          .contains("alias: \"development\"", "AKIADEVELOPMENTROOT1", "partition: \"aws-cn\"");
      Path again = dir.resolve("again.yaml");
      Files.writeString(again, exported);
      try (IamLocal copy = IamLocal.builder().port(0).initFile(again).start()) {
        AccountState copied = copy.server().state().accounts().find(Partition.AWS, "111111111111");
        assertThat(copied.users().get("ci").accessKeys().get(0).accessKeyId())
            .isEqualTo("AKIADEVELOPMENTCI001");
        assertThat(copy.server().state().accounts().ownerOfKey("AKIADEVELOPMENTROOT1"))
            .isSameAs(copied);
        assertThat(StateExporter.write(StateExporter.exportAll(copy.server().state()), true))
            .isEqualTo(exported);
      }
    }
  }

  @Test
  void anAccountIdMustBeTwelveDigits() throws Exception {
    Path seed = dir.resolve("bad.yaml");
    Files.writeString(seed, "accounts:\n  - id: \"1234\"\n");
    assertThatThrownBy(() -> IamLocal.builder().port(0).initFile(seed).start())
        .hasMessageContaining("bad.yaml:2: account '1234': 'id' must be a 12-digit account ID");
  }
}
