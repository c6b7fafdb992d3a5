package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.Tags;
import java.util.List;

/**
 * Tagging for server certificates and SAML and OIDC providers. Past 50 tags AWS answers these with
 * its own LimitExceeded text (recorded for TagOpenIDConnectProvider), not the {@code Cannot exceed
 * quota for …} form.
 */
final class ResourceTags {
  static final String LIMIT_MESSAGE = "The number of tags has reached the maximum limit.";

  private ResourceTags() {}

  static void apply(Tags tags, List<Tags.Tag> requested) {
    Tags.checkRequest(requested);
    long added = requested.stream().filter(t -> tags.get(t.key()) == null).count();
    if (tags.size() + added > Tags.MAX_TAGS) {
      throw AwsServiceException.limitExceeded(LIMIT_MESSAGE);
    }
    tags.apply(requested, "Tags");
  }
}
