package io.iamlocal.server.authz;

import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.Tags;
import io.iamlocal.server.state.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request context AWS builds for every request: the global condition keys about the principal,
 * its session, the network and the time
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html), plus
 * the request's tag keys. Service-specific keys are added by the caller of these methods.
 */
public final class RequestContexts {
  private RequestContexts() {}

  /** The global keys of a call. */
  public static Map<String, List<String>> of(OperationCall call) {
    return of(call.caller(), call.account(), call.region(), call.facts());
  }

  /** The global keys of a call by {@code caller} in {@code account}, at the account clock's now. */
  public static Map<String, List<String>> of(
      Caller caller, AccountState account, String region, OperationCall.RequestFacts facts) {
    return of(
        caller,
        account,
        account.now(),
        region,
        facts == null ? null : facts.sourceIp(),
        facts != null && facts.secureTransport(),
        facts == null ? null : facts.userAgent());
  }

  /** The global keys for a caller, time and connection. */
  public static Map<String, List<String>> of(
      Caller caller,
      AccountState account,
      Instant now,
      String region,
      String sourceIp,
      boolean secure,
      String userAgent) {
    Map<String, List<String>> keys = new HashMap<>();
    put(keys, "aws:CurrentTime", iso(now));
    put(keys, "aws:EpochTime", Long.toString(now.getEpochSecond()));
    put(keys, "aws:SecureTransport", Boolean.toString(secure));
    put(keys, "aws:SourceIp", sourceIp);
    put(keys, "aws:UserAgent", userAgent);
    put(keys, "aws:RequestedRegion", region);
    put(keys, "aws:ResourceAccount", account.accountId());
    put(keys, "aws:ViaAWSService", "false");
    put(keys, "aws:PrincipalIsAWSService", "false");
    if (caller.kind() == Caller.Kind.ANONYMOUS) {
      put(keys, "aws:PrincipalType", "Anonymous");
      return keys;
    }
    Session session = caller.session();
    put(keys, "aws:PrincipalAccount", caller.accountId());
    put(keys, "aws:userid", caller.userId());
    switch (caller.kind()) {
      case ROOT -> {
        put(keys, "aws:PrincipalArn", caller.arn());
        put(keys, "aws:PrincipalType", "Account");
      }
      case USER -> {
        put(keys, "aws:PrincipalArn", caller.arn());
        put(keys, "aws:PrincipalType", "User");
        put(keys, "aws:username", caller.user().userName());
      }
      case ASSUMED_ROLE -> {
        put(keys, "aws:PrincipalArn", session.roleArn());
        put(keys, "aws:PrincipalType", "AssumedRole");
      }
      case FEDERATED_USER -> {
        put(keys, "aws:PrincipalArn", caller.arn());
        put(keys, "aws:PrincipalType", "FederatedUser");
      }
      default -> {}
    }
    principalTags(caller, account).forEach((k, v) -> put(keys, "aws:PrincipalTag/" + k, v));
    if (session != null) {
      put(keys, "aws:TokenIssueTime", iso(session.issuedAt()));
      put(keys, "aws:MultiFactorAuthPresent", Boolean.toString(session.mfaPresent()));
      if (session.mfaPresent() && session.mfaAuthTime() != null) {
        put(
            keys,
            "aws:MultiFactorAuthAge",
            Long.toString(
                Math.max(0, now.getEpochSecond() - session.mfaAuthTime().getEpochSecond())));
      }
      put(keys, "aws:SourceIdentity", session.sourceIdentity());
      put(keys, "aws:FederatedProvider", session.federatedProvider());
    }
    return keys;
  }

  /**
   * The caller's principal tags: a user's tags; for a role session the role's tags overridden by
   * the session tags (keys compared without regard to case); for a federated user the user's tags
   * overridden by the session tags.
   */
  public static Map<String, String> principalTags(Caller caller, AccountState account) {
    Map<String, String> byLowerKey = new LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    Session session = caller.session();
    Tags base = null;
    if (caller.kind() == Caller.Kind.USER) {
      base = caller.user().tags();
    } else if (caller.kind() == Caller.Kind.ASSUMED_ROLE) {
      Role role = caller.role();
      base = role != null && account.roles().get(role.roleName()) == role ? role.tags() : null;
    } else if (caller.kind() == Caller.Kind.FEDERATED_USER) {
      User user = session.user();
      base = user != null && account.users().get(user.userName()) == user ? user.tags() : null;
    }
    if (base != null) {
      for (Tags.Tag tag : base.list()) {
        byLowerKey.put(tag.key().toLowerCase(Locale.ROOT), tag.value());
        names.put(tag.key().toLowerCase(Locale.ROOT), tag.key());
      }
    }
    if (session != null && caller.kind() != Caller.Kind.USER && caller.kind() != Caller.Kind.ROOT) {
      for (Tags.Tag tag : session.tags()) {
        byLowerKey.put(tag.key().toLowerCase(Locale.ROOT), tag.value());
        names.put(tag.key().toLowerCase(Locale.ROOT), tag.key());
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    byLowerKey.forEach((k, v) -> out.put(names.get(k), v));
    return out;
  }

  /** {@code aws:RequestTag/KEY} for each tag and {@code aws:TagKeys} with all keys. */
  public static void requestTags(Map<String, List<String>> keys, List<Tags.Tag> tags) {
    if (tags == null || tags.isEmpty()) {
      return;
    }
    List<String> tagKeys = new ArrayList<>();
    for (Tags.Tag tag : tags) {
      put(keys, "aws:RequestTag/" + tag.key(), tag.value());
      tagKeys.add(tag.key());
    }
    keys.put("aws:TagKeys", tagKeys);
  }

  /**
   * {@code aws:ResourceTag/KEY} and IAM's own {@code iam:ResourceTag/KEY} for a resource's tags.
   */
  public static void resourceTags(Map<String, List<String>> keys, Tags tags) {
    if (tags == null) {
      return;
    }
    for (Tags.Tag tag : tags.list()) {
      put(keys, "aws:ResourceTag/" + tag.key(), tag.value());
      put(keys, "iam:ResourceTag/" + tag.key(), tag.value());
    }
  }

  public static void put(Map<String, List<String>> keys, String key, String value) {
    if (value != null) {
      keys.put(key, List.of(value));
    }
  }

  static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
