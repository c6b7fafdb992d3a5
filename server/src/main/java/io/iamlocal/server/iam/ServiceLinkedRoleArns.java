package io.iamlocal.server.iam;

import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.Partition;

/** The ARN a service-linked role gets, for code outside this package (authorization). */
public final class ServiceLinkedRoleArns {
  private ServiceLinkedRoleArns() {}

  /**
   * {@code arn:PARTITION:iam::ACCOUNT:role/aws-service-role/SERVICE/AWSServiceRoleFor…}, or null
   * when {@code servicePrincipal} is not an {@code *.amazonaws.com} principal.
   */
  public static String arn(
      Partition partition, String accountId, String servicePrincipal, String customSuffix) {
    if (servicePrincipal == null
        || !servicePrincipal.endsWith(ServiceLinkedRoleNames.PRINCIPAL_SUFFIX)
        || servicePrincipal.length() == ServiceLinkedRoleNames.PRINCIPAL_SUFFIX.length()) {
      return null;
    }
    return Arns.iam(
        partition,
        accountId,
        "role",
        "/aws-service-role/" + servicePrincipal + "/",
        ServiceLinkedRoleNames.roleName(servicePrincipal, customSuffix));
  }
}
