package io.iamlocal.server.sts;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.iam.TagParams;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.Tags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Session tags: the request's {@code Tags} and {@code TransitiveTagKeys}, plus the transitive tags
 * a role session passes on to the sessions it assumes (role chaining). Keys are case-insensitive.
 * AWS documents the rules (transitive keys must be among the tags; an inherited transitive tag
 * cannot be overridden) without publishing the error texts; the ones here are IAMLocal's.
 */
final class SessionTags {
  private SessionTags() {}

  /** The tags and lower-case transitive keys the new session gets. */
  record Requested(List<Tags.Tag> requested, List<Tags.Tag> all, Set<String> transitive) {}

  /** AssumeRole's or GetFederationToken's tags (the latter has no TransitiveTagKeys). */
  static Requested read(Params params, Session callerSession) {
    List<String> transitive =
        params.carries("TransitiveTagKeys") ? params.strings("TransitiveTagKeys") : List.of();
    return combine(
        params.has("Tags") ? TagParams.read(params) : List.of(), transitive, callerSession);
  }

  static Requested combine(
      List<Tags.Tag> tags, List<String> transitiveKeys, Session callerSession) {
    Set<String> keys = new HashSet<>();
    for (Tags.Tag tag : tags) {
      if (!keys.add(tag.key().toLowerCase(Locale.ROOT))) {
        throw new AwsServiceException(
            AwsErrorCode.INVALID_PARAMETER_VALUE,
            "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
    }
    Set<String> transitive = new LinkedHashSet<>();
    for (String key : transitiveKeys == null ? List.<String>of() : transitiveKeys) {
      String lower = key.toLowerCase(Locale.ROOT);
      if (!keys.contains(lower)) {
        throw new AwsServiceException(
            AwsErrorCode.INVALID_PARAMETER_VALUE,
            "The specified transitive tag key must be included in the requested tags.");
      }
      transitive.add(lower);
    }
    List<Tags.Tag> all = new ArrayList<>();
    if (callerSession != null && callerSession.kind() == Session.Kind.ASSUMED_ROLE) {
      for (Tags.Tag inherited : callerSession.tags()) {
        String lower = inherited.key().toLowerCase(Locale.ROOT);
        if (!callerSession.transitiveTagKeys().contains(lower)) {
          continue;
        }
        if (keys.contains(lower)) {
          throw new AwsServiceException(
              AwsErrorCode.INVALID_PARAMETER_VALUE,
              "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key "
                  + "from the calling session.");
        }
        all.add(inherited);
        transitive.add(lower);
      }
    }
    all.addAll(tags);
    return new Requested(tags, all, transitive);
  }
}
