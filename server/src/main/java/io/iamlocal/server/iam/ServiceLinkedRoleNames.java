package io.iamlocal.server.iam;

import io.iamlocal.server.state.ServiceLinkedRoleCatalog;
import java.util.Locale;
import java.util.Map;

/**
 * The name AWS gives a service-linked role: the recorded one for the services in {@link
 * ServiceLinkedRoleCatalog}; otherwise {@code AWSServiceRoleFor} plus a service-chosen part, plus
 * {@code _CustomSuffix} when one is given. The service-chosen parts below are the ones the services
 * document; for any other service principal the part is derived from the principal: its service
 * label in PascalCase followed by its qualifier labels ({@code logger.cloudfront.amazonaws.com}
 * gives {@code CloudfrontLogger}).
 */
final class ServiceLinkedRoleNames {
  static final String PREFIX = "AWSServiceRoleFor";
  static final String PRINCIPAL_SUFFIX = ".amazonaws.com";

  /** A documented role name part and whether the service accepts a CustomSuffix. */
  record Known(String namePart, boolean suffixAllowed) {}

  private static final Map<String, Known> KNOWN =
      Map.ofEntries(
          yes("managedupdates.elasticbeanstalk.amazonaws.com", "ElasticBeanstalkManagedUpdates"),
          // Elasticsearch refuses a suffix (real error quoted in public issue reports).
          no("es.amazonaws.com", "AmazonElasticsearchService"),
          yes("spot.amazonaws.com", "EC2Spot"),
          yes("spotfleet.amazonaws.com", "EC2SpotFleet"),
          yes("ec2fleet.amazonaws.com", "EC2Fleet"),
          yes("ec2scheduled.amazonaws.com", "EC2Scheduled"),
          yes("transitgateway.amazonaws.com", "VPCTransitGateway"),
          yes("organizations.amazonaws.com", "Organizations"),
          yes("support.amazonaws.com", "Support"),
          yes("trustedadvisor.amazonaws.com", "TrustedAdvisor"),
          yes("guardduty.amazonaws.com", "AmazonGuardDuty"),
          yes("securityhub.amazonaws.com", "SecurityHub"),
          yes("inspector2.amazonaws.com", "AmazonInspector2"),
          yes("macie.amazonaws.com", "AmazonMacie"),
          yes("access-analyzer.amazonaws.com", "AccessAnalyzer"),
          yes("dax.amazonaws.com", "DAX"),
          yes("compute-optimizer.amazonaws.com", "ComputeOptimizer"),
          yes("globalaccelerator.amazonaws.com", "GlobalAccelerator"),
          yes("logger.cloudfront.amazonaws.com", "CloudFrontLogger"),
          yes("replication.dynamodb.amazonaws.com", "DynamoDBReplication"),
          yes(
              "dynamodb.application-autoscaling.amazonaws.com",
              "ApplicationAutoScaling_DynamoDBTable"),
          yes("ecs.application-autoscaling.amazonaws.com", "ApplicationAutoScaling_ECSService"),
          yes("rds.application-autoscaling.amazonaws.com", "ApplicationAutoScaling_RDSCluster"),
          yes("elasticmapreduce.amazonaws.com", "EMRCleanup"),
          yes("fsx.amazonaws.com", "AmazonFSx"),
          yes("servicequotas.amazonaws.com", "ServiceQuotas"),
          yes("fms.amazonaws.com", "FMS"),
          yes("events.amazonaws.com", "CloudWatchEvents"),
          yes("cloud9.amazonaws.com", "AWSCloud9"));

  private ServiceLinkedRoleNames() {}

  /** The role name part for a service principal ending in {@code .amazonaws.com}. */
  static String namePart(String servicePrincipal) {
    Known known = KNOWN.get(servicePrincipal);
    if (known != null) {
      return known.namePart();
    }
    String[] labels =
        servicePrincipal
            .substring(0, servicePrincipal.length() - PRINCIPAL_SUFFIX.length())
            .split("\\.");
    StringBuilder part = new StringBuilder(pascal(labels[labels.length - 1]));
    for (int i = labels.length - 2; i >= 0; i--) {
      part.append(pascal(labels[i]));
    }
    return part.toString();
  }

  /**
   * Whether the service takes a CustomSuffix: as recorded from AWS, else as documented, else yes.
   */
  static boolean suffixAllowed(String servicePrincipal) {
    ServiceLinkedRoleCatalog.Entry recorded = ServiceLinkedRoleCatalog.get().find(servicePrincipal);
    if (recorded != null) {
      return recorded.customSuffixAllowed();
    }
    Known known = KNOWN.get(servicePrincipal);
    return known == null || known.suffixAllowed();
  }

  /** The role's name: the one AWS gave it when recorded, else the documented or derived one. */
  static String roleName(String servicePrincipal, String customSuffix) {
    ServiceLinkedRoleCatalog.Entry recorded = ServiceLinkedRoleCatalog.get().find(servicePrincipal);
    String base = recorded != null ? recorded.roleName() : PREFIX + namePart(servicePrincipal);
    return base + (customSuffix == null ? "" : "_" + customSuffix);
  }

  /** {@code access-analyzer} to {@code AccessAnalyzer}. */
  private static String pascal(String label) {
    StringBuilder out = new StringBuilder(label.length());
    for (String word : label.split("-")) {
      if (!word.isEmpty()) {
        out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return out.toString();
  }

  private static Map.Entry<String, Known> yes(String principal, String namePart) {
    return Map.entry(principal, new Known(namePart, true));
  }

  private static Map.Entry<String, Known> no(String principal, String namePart) {
    return Map.entry(principal, new Known(namePart, false));
  }
}
