package io.iamlocal.server.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceLinkedRoleNamesTest {

  @Test
  void documentedNamesWin() {
    assertThat(ServiceLinkedRoleNames.roleName("elasticbeanstalk.amazonaws.com", null))
        .isEqualTo("AWSServiceRoleForElasticBeanstalk");
    assertThat(ServiceLinkedRoleNames.roleName("ops.apigateway.amazonaws.com", null))
        .isEqualTo("AWSServiceRoleForAPIGateway");
    assertThat(ServiceLinkedRoleNames.roleName("autoscaling.amazonaws.com", "x"))
        .isEqualTo("AWSServiceRoleForAutoScaling_x");
  }

  @Test
  void otherNamesAreDerivedServiceLabelFirst() {
    assertThat(ServiceLinkedRoleNames.roleName("access-thing.amazonaws.com", null))
        .isEqualTo("AWSServiceRoleForAccessThing");
    assertThat(ServiceLinkedRoleNames.roleName("logger.cloudwidget.amazonaws.com", null))
        .isEqualTo("AWSServiceRoleForCloudwidgetLogger");
    assertThat(ServiceLinkedRoleNames.roleName("a.b.c.amazonaws.com", "s"))
        .isEqualTo("AWSServiceRoleForCBA_s");
  }

  @Test
  void suffixesAreRefusedOnlyWhereAwsRefusesThem() {
    assertThat(ServiceLinkedRoleNames.suffixAllowed("es.amazonaws.com")).isFalse();
    assertThat(ServiceLinkedRoleNames.suffixAllowed("ecs.amazonaws.com")).isFalse();
    assertThat(ServiceLinkedRoleNames.suffixAllowed("autoscaling.amazonaws.com")).isTrue();
    assertThat(ServiceLinkedRoleNames.suffixAllowed("unknown.amazonaws.com")).isTrue();
  }

  /**
   * Recorded from AWS (service-linked-roles.json): names and suffix rules win over the documented
   * table.
   */
  @Test
  void recordedServicesFollowTheRecording() {
    assertThat(ServiceLinkedRoleNames.roleName("accountdiscovery.ssm.amazonaws.com", null))
        .isEqualTo("AWSServiceRoleForAmazonSSM_AccountDiscovery");
    assertThat(ServiceLinkedRoleNames.suffixAllowed("elasticbeanstalk.amazonaws.com")).isFalse();
    assertThat(ServiceLinkedRoleNames.suffixAllowed("lexv2.amazonaws.com")).isTrue();
  }
}
