package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.error.AwsServiceException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The state layer keeps both sides of user-group and role-instance-profile links, and their quotas.
 */
class TwoWayLinksTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  @Test
  void membershipIsKeptOnBothSides() {
    User alice = new User(Partition.AWS, "123456789012", "alice", "/", "AIDAALICE", NOW);
    Group devs = group("devs");
    devs.addMember(alice);
    devs.addMember(alice); // twice: unchanged
    assertThat(devs.members()).containsExactly(alice);
    assertThat(alice.groups()).containsExactly(devs);
    devs.removeMember(alice);
    devs.removeMember(alice); // not a member: unchanged
    assertThat(devs.members()).isEmpty();
    assertThat(alice.groups()).isEmpty();
    assertThatThrownBy(() -> alice.groups().add(devs))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> devs.members().add(alice))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aUserJoinsAtMostTenGroups() {
    User alice = new User(Partition.AWS, "123456789012", "alice", "/", "AIDAALICE", NOW);
    for (int i = 0; i < Group.GROUPS_PER_USER; i++) {
      group("g" + i).addMember(alice);
    }
    Group eleventh = group("g10");
    assertThatThrownBy(() -> eleventh.addMember(alice))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("Cannot exceed quota for GroupsPerUser: 10");
    assertThat(eleventh.members()).isEmpty();
    assertThat(alice.groups()).hasSize(10);
  }

  @Test
  void instanceProfileAndRoleAreKeptOnBothSides() {
    Role role = new Role(Partition.AWS, "123456789012", "app", "/", "AROAAPP", NOW, "{}");
    InstanceProfile profile =
        new InstanceProfile(Partition.AWS, "123456789012", "web", "/", "AIPAWEB", NOW);
    profile.addRole(role);
    assertThat(role.instanceProfiles()).containsExactly(profile);
    assertThatThrownBy(() -> profile.addRole(role))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
    assertThat(profile.removeRole(role)).isTrue();
    assertThat(profile.removeRole(role)).isFalse();
    assertThat(role.instanceProfiles()).isEmpty();

    InstanceProfile other =
        new InstanceProfile(Partition.AWS, "123456789012", "worker", "/", "AIPAWORKER", NOW);
    profile.addRole(role);
    other.addRole(role);
    role.leaveInstanceProfiles();
    assertThat(profile.roles()).isEmpty();
    assertThat(other.roles()).isEmpty();
    assertThat(role.instanceProfiles()).isEmpty();
  }

  private static Group group(String name) {
    return new Group(Partition.AWS, "123456789012", name, "/", "AGPA" + name.toUpperCase(), NOW);
  }
}
