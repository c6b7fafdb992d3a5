package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code --init} seed files and {@code GET /_iamlocal/state}, which exports the same format. */
@SuppressWarnings("deprecation")
class SeedIT {
  static final String SEED =
      """
      # A CI fixture: one bot user with a fixed key, its group and policy, and a role it deploys with.
      policies:
        - name: ReadUsers
          path: /ci/
          description: Lets CI read users
          document:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: ["iam:GetUser", "iam:ListUsers", "sts:AssumeRole"]
                Resource: "*"
          tags: {owner: platform}
      groups:
        - name: readers
          attachedPolicies: [ReadUsers]
          inlinePolicies:
            whoami: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:GetCallerIdentity","Resource":"*"}]}'
      users:
        - name: ci-bot
          path: /ci/
          tags: {team: platform, purpose: ci}
          groups: [readers]
          accessKeys:
            - id: AKIACIBOTEXAMPLE0001
              secret: ciBotSecretKeyExample/0001
            - id: AKIACIBOTEXAMPLE0002
              secret: ciBotSecretKeyExample/0002
              status: Inactive
        - name: auditor
          permissionsBoundary: arn:aws:iam::aws:policy/ReadOnlyAccess
          inlinePolicies:
            audit:
              Version: "2012-10-17"
              Statement: [{Effect: Allow, Action: "iam:Get*", Resource: "*"}]
      roles:
        - name: deployer
          description: Assumed by CI
          maxSessionDuration: 7200
          assumeRolePolicy:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Principal: {AWS: "arn:aws:iam::123456789012:user/ci/ci-bot"}
                Action: sts:AssumeRole
          attachedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]
          tags: {env: ci}
      """;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AwsCredentials CI_BOT =
      AwsBasicCredentials.create("AKIACIBOTEXAMPLE0001", "ciBotSecretKeyExample/0001");

  @TempDir Path tmp;

  @Test
  void seedFileCreatesEntitiesWithFixedKeys() throws Exception {
    Path seed = write("seed.yaml", SEED);
    IamLocalProcess server = IamLocalProcess.start("--init", seed.toString(), "--quiet");
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root());
        StsClient asBot = Clients.sts(server.endpoint(), CI_BOT);
        IamClient iamAsBot = Clients.iam(server.endpoint(), CI_BOT)) {
      assertThat(asBot.getCallerIdentity().arn())
          .isEqualTo("arn:aws:iam::123456789012:user/ci/ci-bot");
      assertThat(
              iamAsBot
                  .getUser(r -> r.userName("auditor"))
                  .user()
                  .permissionsBoundary()
                  .permissionsBoundaryArn())
          .isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
      assertThat(
              asBot
                  .assumeRole(
                      r ->
                          r.roleArn("arn:aws:iam::123456789012:role/deployer")
                              .roleSessionName("deploy"))
                  .assumedRoleUser()
                  .arn())
          .isEqualTo("arn:aws:sts::123456789012:assumed-role/deployer/deploy");
      assertThat(iam.listAccessKeys(r -> r.userName("ci-bot")).accessKeyMetadata())
          .extracting(k -> k.accessKeyId() + " " + k.statusAsString())
          .containsExactly("AKIACIBOTEXAMPLE0001 Active", "AKIACIBOTEXAMPLE0002 Inactive");
      assertThat(iam.listUserTags(r -> r.userName("ci-bot")).tags())
          .containsExactly(
              Tag.builder().key("team").value("platform").build(),
              Tag.builder().key("purpose").value("ci").build());
      assertThat(iam.listGroupsForUser(r -> r.userName("ci-bot")).groups())
          .extracting(g -> g.groupName())
          .containsExactly("readers");
      assertThat(iam.listAttachedGroupPolicies(r -> r.groupName("readers")).attachedPolicies())
          .extracting(p -> p.policyArn())
          .containsExactly("arn:aws:iam::123456789012:policy/ci/ReadUsers");
      assertThat(
              iam.getPolicy(r -> r.policyArn("arn:aws:iam::123456789012:policy/ci/ReadUsers"))
                  .policy()
                  .description())
          .isEqualTo("Lets CI read users");
      Role deployer = iam.getRole(r -> r.roleName("deployer")).role();
      assertThat(deployer.description()).isEqualTo("Assumed by CI");
      assertThat(deployer.maxSessionDuration()).isEqualTo(7200);
      assertThat(deployer.tags()).containsExactly(Tag.builder().key("env").value("ci").build());
      assertThat(iam.listAttachedRolePolicies(r -> r.roleName("deployer")).attachedPolicies())
          .extracting(p -> p.policyName())
          .containsExactly("ReadOnlyAccess");
    } finally {
      server.stop();
    }
  }

  @Test
  void invalidSeedFilesNameTheLineAndExitNonZero() throws Exception {
    Path unknownGroup =
        write(
            "groups.yaml",
            """
        users:
          - name: alice
          - name: bob
            groups: [nobody]
        """);
    DataDirProcesses.Exit exit =
        DataDirProcesses.runExpectingExit("--init", unknownGroup.toString());
    assertThat(exit.code()).isNotZero();
    assertThat(exit.output())
        .contains(
            unknownGroup
                + ":3: user 'bob': AddUserToGroup failed: NoSuchEntity: "
                + "The group with name nobody cannot be found.");

    Path badName =
        write(
            "names.json",
            """
        {
          "roles": [
            {"name": "ok", "assumeRolePolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}},
            {"name": "not a valid name!", "assumeRolePolicy": "{}"}
          ]
        }
        """);
    exit = DataDirProcesses.runExpectingExit("--init", badName.toString());
    assertThat(exit.code()).isNotZero();
    assertThat(exit.output())
        .contains(
            badName
                + ":4: role 'not a valid name!': CreateRole failed: ValidationError: 1 validation error detected");

    Path typo =
        write(
            "typo.yaml",
            """
        users:
          - name: alice
            accessKey:
              - id: AKIAEXAMPLEEXAMPLE01
        """);
    exit = DataDirProcesses.runExpectingExit("--init", typo.toString());
    assertThat(exit.code()).isNotZero();
    assertThat(exit.output()).contains(typo + ":3: user 'alice': unknown key 'accessKey'");

    exit = DataDirProcesses.runExpectingExit("--init", tmp.resolve("missing.yaml").toString());
    assertThat(exit.code()).isNotZero();
    assertThat(exit.output()).contains("missing.yaml: no such file");
  }

  @Test
  void exportReimportsToTheSameState() throws Exception {
    Path seed = write("seed.yaml", SEED);
    IamLocalProcess first = IamLocalProcess.start("--init", seed.toString(), "--quiet");
    String json;
    String yaml;
    try (IamClient iam = Clients.iam(first.endpoint(), Clients.root())) {
      // Changes made through the API after seeding are exported too.
      iam.createUser(r -> r.userName("late").tags(Tag.builder().key("k").value("v").build()));
      iam.createAccessKey(r -> r.userName("late"));
      iam.updateRole(r -> r.roleName("deployer").description("Changed"));
      iam.attachUserPolicy(
          r -> r.userName("late").policyArn("arn:aws:iam::123456789012:policy/ci/ReadUsers"));
      json = export(first.endpoint(), Clients.root(), "").body();
      yaml = export(first.endpoint(), Clients.root(), "?format=yaml").body();
    } finally {
      first.stop();
    }
    JsonNode exported = JSON.readTree(json);
    assertThat(exported.path("users")).hasSize(3);
    assertThat(exported.at("/roles/0/description").asText()).isEqualTo("Changed");
    assertThat(yaml).contains("name: \"ci-bot\"");

    for (String name : List.of("export.json", "export.yaml")) {
      Path file = write(name, name.endsWith(".json") ? json : yaml);
      IamLocalProcess second = IamLocalProcess.start("--init", file.toString(), "--quiet");
      try {
        assertThat(JSON.readTree(export(second.endpoint(), Clients.root(), "").body()))
            .as(name)
            .isEqualTo(exported);
      } finally {
        second.stop();
      }
    }
  }

  @Test
  void exportNeedsTheRootSignature() throws Exception {
    Path seed = write("seed.yaml", SEED);
    Path data = tmp.resolve("data");
    IamLocalProcess server =
        IamLocalProcess.start("--init", seed.toString(), "--data-dir", data.toString(), "--quiet");
    try {
      HttpResponse<String> unsigned =
          RawHttp.send(
              HttpRequest.newBuilder(server.endpoint().resolve("/_iamlocal/state")).GET().build());
      assertThat(unsigned.statusCode()).isEqualTo(403);
      assertThat(unsigned.body()).contains("<Code>MissingAuthenticationToken</Code>");
      HttpResponse<String> asBot = export(server.endpoint(), CI_BOT, "");
      assertThat(asBot.statusCode()).isEqualTo(403);
      assertThat(asBot.body()).contains("<Code>AccessDenied</Code>");
      HttpResponse<String> badSecret =
          export(server.endpoint(), AwsBasicCredentials.create("test", "wrong"), "");
      assertThat(badSecret.statusCode()).isEqualTo(403);
      assertThat(badSecret.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    } finally {
      server.stop();
    }
    // With a data directory the seed applies once: the restart finds the state and keeps it.
    server =
        IamLocalProcess.start("--init", seed.toString(), "--data-dir", data.toString(), "--quiet");
    try (StsClient asBot = Clients.sts(server.endpoint(), CI_BOT)) {
      assertThat(asBot.getCallerIdentity().arn())
          .isEqualTo("arn:aws:iam::123456789012:user/ci/ci-bot");
      assertThat(JSON.readTree(export(server.endpoint(), Clients.root(), "").body()).path("users"))
          .hasSize(2);
    } finally {
      server.stop();
    }
  }

  private Path write(String name, String content) throws Exception {
    Path file = tmp.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  /** {@code GET /_iamlocal/state}, SigV4-signed for IAM with {@code credentials}. */
  static HttpResponse<String> export(URI endpoint, AwsCredentials credentials, String query) {
    URI uri = endpoint.resolve("/_iamlocal/state" + query);
    SdkHttpFullRequest signed =
        Aws4Signer.create()
            .sign(
                SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(uri).build(),
                Aws4SignerParams.builder()
                    .awsCredentials(credentials)
                    .signingName("iam")
                    .signingRegion(Region.US_EAST_1)
                    .build());
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
      if (!h.getKey().equalsIgnoreCase("host")) {
        h.getValue().forEach(v -> request.header(h.getKey(), v));
      }
    }
    return RawHttp.send(request.build());
  }
}
