package io.iamlocal.server.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.server.IamLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFileTest {
  @TempDir Path dir;

  @Test
  void errorsNameTheLine() throws Exception {
    assertThatThrownBy(
            () ->
                read("a.yaml", "users:\n  - name: a\n  - name: b\n    pth: /x/\n")
                    .top(SeedApplier.TOP)
                    .items("users", SeedApplier.USER, "user", "name"))
        .isInstanceOf(SeedException.class)
        .hasMessageStartingWith(dir.resolve("a.yaml") + ":4: user 'b': unknown key 'pth'");
    assertThatThrownBy(() -> read("b.yaml", "users:\n  - name: a\n    name: b\n"))
        .hasMessageStartingWith(dir.resolve("b.yaml") + ":3: duplicate key 'name'");
    assertThatThrownBy(() -> read("c.json", "{\"users\": [\n {\"name\": \"a\",}\n]}"))
        .hasMessageStartingWith(dir.resolve("c.json") + ":2: not valid JSON");
    assertThatThrownBy(() -> read("d.yaml", "- just\n- a list\n").top(SeedApplier.TOP))
        .hasMessageStartingWith(dir.resolve("d.yaml") + ":1: the document must be a mapping");
  }

  @Test
  void documentsMayBeMappingsOrJsonText() throws Exception {
    SeedFile.Item role =
        read(
                "r.yaml",
                "roles:\n  - name: r\n    assumeRolePolicy: {Version: '2012-10-17', Statement: []}\n")
            .top(SeedApplier.TOP)
            .items("roles", SeedApplier.ROLE, "role", "name")
            .get(0);
    assertThat(role.document("assumeRolePolicy", true))
        .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
  }

  @Test
  void anEmbeddedServerStartsSeededAndExportsTheSameFormat() throws Exception {
    Path seed =
        Files.writeString(
            dir.resolve("seed.yaml"),
            """
        users:
          - name: ci
            tags: {team: a}
            accessKeys: [{id: AKIASEEDEXAMPLE00001, secret: s3cr3t}]
        """);
    try (IamLocal local = IamLocal.builder().port(0).initFile(seed).start()) {
      assertThat(
              local
                  .server()
                  .state()
                  .account()
                  .accessKeys()
                  .get("AKIASEEDEXAMPLE00001")
                  .owner()
                  .userName())
          .isEqualTo("ci");
      assertThat(StateExporter.write(StateExporter.export(local.server().state().account()), true))
          .isEqualTo(
              """
          users:
          - name: "ci"
            tags:
              team: "a"
            accessKeys:
            - id: "AKIASEEDEXAMPLE00001"
              secret: "s3cr3t"
          """);
    }
  }

  private SeedFile read(String name, String content) throws Exception {
    return SeedFile.read(Files.writeString(dir.resolve(name), content));
  }
}
