package io.iamlocal.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.policy.evaluation.Decision;
import io.iamlocal.policy.evaluation.DenyReason;
import io.iamlocal.policy.evaluation.EvaluationResult;
import io.iamlocal.policy.evaluation.RequestContext;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IdGenerator;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.state.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationMessagesTest {
  private final AccountState account =
      new AccountState("123456789012", Clock.systemUTC(), new IdGenerator());
  private final User alice =
      new User(Partition.AWS, "123456789012", "alice", "/", "AIDAAAAAAAAAAAAAAAAAA", Instant.now());

  @Test
  void encodedMessagesDecodeToAwsShapedJsonOnlyHere() {
    AuthorizationMessages messages = AuthorizationMessages.of(account);
    RequestContext request =
        new RequestContext(
            "iam:CreateUser",
            "arn:aws:iam::123456789012:user/bob",
            alice.arn(),
            null,
            Map.of("aws:username", List.of("alice")));
    EvaluationResult result =
        new EvaluationResult(
            Decision.IMPLICIT_DENY, List.of(), List.of(), null, DenyReason.IDENTITY_POLICY);
    String encoded = messages.recordDenial("req-1", Caller.user(alice, "AKIA"), request, result);
    String decoded = messages.decode(encoded);
    assertThat(decoded)
        .startsWith(
            "{\"allowed\":false,\"explicitDeny\":false,\"matchedStatements\":{\"items\":[]}")
        .contains(
            "\"principal\":{\"id\":\"AIDAAAAAAAAAAAAAAAAAA\",\"name\":\"alice\",\"arn\":\"arn:aws:iam::123456789012:user/alice\"}")
        .contains("\"action\":\"iam:CreateUser\"")
        .contains("{\"key\":\"aws:username\",\"values\":{\"items\":[{\"value\":\"alice\"}]}}");
    assertThat(messages.recentJson()).contains("\"requestId\":\"req-1\"").contains(encoded);

    char last = encoded.charAt(encoded.length() - 1);
    assertThat(
            messages.decode(encoded.substring(0, encoded.length() - 1) + (last == 'A' ? 'B' : 'A')))
        .isNull();
    assertThat(messages.decode("not-a-message")).isNull();
    AccountState other = new AccountState("123456789012", Clock.systemUTC(), new IdGenerator());
    assertThat(AuthorizationMessages.of(other).decode(encoded)).isNull();
  }
}
