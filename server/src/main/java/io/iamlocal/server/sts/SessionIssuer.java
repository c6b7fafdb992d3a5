package io.iamlocal.server.sts;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.HeapPressure;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.Sessions;
import io.iamlocal.server.state.Tape;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Mints temporary credentials: a fresh {@code ASIA…} key and a random seed that the secret and the
 * token derive from, stored in the account.
 */
final class SessionIssuer {
  private SessionIssuer() {}

  /**
   * Completes {@code builder} with new credentials valid for {@code seconds} from now, and stores
   * the session.
   */
  static Session issue(AccountState account, Session.Builder builder, Instant now, int seconds) {
    // Sessions are what any caller can mint without limit; when the heap is full of live data,
    // refuse
    // as AWS refuses too many calls (retryable), rather than fail every client. A replay never
    // refuses.
    if (!Tape.replaying() && HeapPressure.high()) {
      throw new AwsServiceException(AwsErrorCode.THROTTLING, "Rate exceeded");
    }
    Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
    Sessions sessions = Sessions.of(account);
    Session session =
        builder
            .credentials(
                Sessions.newAccessKeyId(account),
                account.ids().recordedSecretAccessKey(),
                Sessions.newTokenSeed(account))
            .validity(issued, issued.plusSeconds(seconds))
            .shareName(sessions::recurringName)
            .build();
    sessions.add(session);
    return session;
  }

  /** The {@code Credentials} output structure. */
  static Struct credentials(Session session) {
    return new Struct()
        .with("AccessKeyId", session.accessKeyId())
        .with("SecretAccessKey", session.secretAccessKey())
        .with("SessionToken", session.sessionToken())
        .with("Expiration", session.expiration());
  }

  /** The {@code AssumedRoleUser} output structure. */
  static Struct assumedRoleUser(Session session) {
    return new Struct().with("Arn", session.stsArn()).with("AssumedRoleId", session.stsUserId());
  }
}
