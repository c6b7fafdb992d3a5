package io.iamlocal.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.model.Shape;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.IamLocalServer;
import io.iamlocal.server.ServedSpecs;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IdGenerator;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.state.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every operation's spec names its resource, and each form builds AWS's resource. */
class ActionResourcesTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private final AccountState account =
      new AccountState("123456789012", Clock.fixed(NOW, ZoneOffset.UTC), new IdGenerator());

  @Test
  void everyIamAndStsOperationHasAResource() {
    for (ServiceModel model :
        List.of(IamLocalServer.ServiceModels.iam(), IamLocalServer.ServiceModels.sts())) {
      List<String> missing =
          model.operations().keySet().stream()
              .map(op -> model.endpointPrefix() + ":" + op)
              .filter(
                  action ->
                      ServedSpecs.spec(action) == null
                          || ServedSpecs.spec(action).resource() == null)
              .collect(Collectors.toList());
      assertThat(missing).as("operations without a resource").isEmpty();
    }
    assertThat(ServedSpecs.all())
        .allMatch(s -> s.service().equals("iam") || s.service().equals("sts"));
    assertThat(ServedSpecs.all().stream().filter(s -> s.service().equals("iam")))
        .hasSize(IamLocalServer.ServiceModels.iam().operations().size());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "iam:ListUsers|       |arn:aws:iam::123456789012:user/",
        "iam:ListUsers|PathPrefix=/ops/|arn:aws:iam::123456789012:user/ops/",
        "iam:ListRoles|       |arn:aws:iam::123456789012:role/",
        "iam:ListGroups|      |arn:aws:iam::123456789012:group/",
        "iam:ListInstanceProfiles| |arn:aws:iam::123456789012:instance-profile/",
        "iam:ListVirtualMFADevices| |arn:aws:iam::123456789012:mfa/",
        "iam:ListPolicies|    |policy path /",
        "iam:ListOpenIDConnectProviders| |arn:aws:iam::123456789012:oidc-provider/*",
        "iam:GetAccountSummary| |*",
        "iam:CreateUser|UserName=bob,Path=/eng/|arn:aws:iam::123456789012:user/eng/bob",
        "iam:GetUser|UserName=ghost|arn:aws:iam::123456789012:user/ghost",
        "iam:GetUser|         |arn:aws:iam::123456789012:user/team/alice",
        "iam:ChangePassword|  |arn:aws:iam::123456789012:user/team/alice",
        "iam:CreatePolicy|PolicyName=p,Path=/a/|arn:aws:iam::123456789012:policy/a/p",
        "iam:GetPolicy|PolicyArn=arn:aws:iam::aws:policy/ReadOnlyAccess|arn:aws:iam::aws:policy/ReadOnlyAccess",
        "iam:CreateOpenIDConnectProvider|Url=https://token.example.com/x|arn:aws:iam::123456789012:oidc-provider/token.example.com/x",
        "iam:CreateSAMLProvider|Name=okta|arn:aws:iam::123456789012:saml-provider/okta",
        "iam:DeleteVirtualMFADevice|SerialNumber=arn:aws:iam::123456789012:mfa/phone|arn:aws:iam::123456789012:mfa/phone",
        "iam:CreateServiceLinkedRole|AWSServiceName=elasticloadbalancing.amazonaws.com|"
            + "arn:aws:iam::123456789012:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
        "sts:GetFederationToken|Name=fred|arn:aws:sts::123456789012:federated-user/fred",
        "sts:AssumeRoot|TargetPrincipal=111122223333|arn:aws:iam::111122223333:root",
        "sts:GetAccessKeyInfo| |*",
        "iam:GetDelegationRequest|DelegationRequestId=dr-1|arn:aws:iam::123456789012:delegation-request/dr-1",
        "iam:GenerateOrganizationsAccessReport|EntityPath=o-a1b2c3d4e5/r-f6g7|arn:aws:iam::123456789012:access-report/o-a1b2c3d4e5/r-f6g7",
        "iam:GetServiceLinkedRoleDeletionStatus|DeletionTaskId=task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/1a2b|"
            + "arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
        "iam:GetServiceLinkedRoleDeletionStatus|DeletionTaskId=bogus|*"
      })
  void resources(String action, String members, String expected) {
    User alice =
        new User(Partition.AWS, "123456789012", "alice", "/team/", "AIDAAAAAAAAAAAAAAAAAA", NOW);
    account.users().put(alice);
    Map<String, Object> params = new HashMap<>();
    if (members != null) {
      for (String pair : members.split(",")) {
        String[] kv = pair.split("=", 2);
        params.put(kv[0], kv[1]);
      }
    }
    // Typed as a decoded request is (without its required members), so reading a member the
    // operation lacks fails here too.
    String[] parts = action.split(":");
    ServiceModel model =
        parts[0].equals("iam")
            ? IamLocalServer.ServiceModels.iam()
            : IamLocalServer.ServiceModels.sts();
    Shape shape = model.operation(parts[1]).input();
    Params input = shape == null ? Params.NO_INPUT : Params.of(shape, params);
    ActionResources.Target target =
        ActionResources.resolve(
            ServedSpecs.spec(action).resource(),
            input,
            Caller.user(alice, "AKIAAAAAAAAAAAAAAAAA"),
            account);
    assertThat(target.resource()).isEqualTo(expected);
  }

  @Test
  void tagActionsAreRequiredWhenCreatingWithTags() {
    assertThat(ServedSpecs.spec("iam:CreateUser").resource().tagAction()).isEqualTo("iam:TagUser");
    assertThat(ServedSpecs.spec("iam:CreateRole").resource().tagAction()).isEqualTo("iam:TagRole");
    assertThat(ServedSpecs.spec("sts:AssumeRole").resource().unchecked()).isTrue();
    assertThat(ServedSpecs.spec("sts:GetCallerIdentity").resource().unchecked()).isTrue();
  }
}
