package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * 64 SDK clients at once create, attach, detach, delete and list overlapping users, groups, roles,
 * policies and access keys, with names in random letter case; then every invariant is checked over
 * the wire: AttachmentCount equals the real attachments (both directions), no orphan or lost access
 * keys (and deleted ones no longer sign), group membership symmetric, list pages consistent, names
 * unique regardless of case, and the account summary matching the lists. AWS errors the races make
 * legitimate (NoSuchEntity, EntityAlreadyExists, DeleteConflict, LimitExceeded) are fine; anything
 * else (5xx, unexpected codes, broken connections) fails the test.
 *
 * <p>Runs 15 s by default; {@code -Diamlocal.stress.seconds=60} for the full run.
 */
class ConcurrencyStressIT {
  private static final int CLIENTS = 64;
  private static final int MAX_OPS_PER_CLIENT = 5_000;
  private static final Duration RUN =
      Duration.ofSeconds(Long.getLong("iamlocal.stress.seconds", 15));
  private static final Set<String> EXPECTED =
      Set.of("NoSuchEntity", "EntityAlreadyExists", "DeleteConflict", "LimitExceeded");
  private static final String ACCOUNT = "123456789012";
  private static final String DOC =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}]}";
  private static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  private static final int USERS = 12;
  private static final int GROUPS = 6;
  private static final int ROLES = 6;
  private static final int POLICIES = 6;

  private static IamLocalProcess server;
  private static URI endpoint;
  private final Map<String, AwsBasicCredentials> createdKeys = new ConcurrentHashMap<>();
  private final Set<String> deletedKeys = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> expectedErrors = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void start() throws IOException {
    server = IamLocalProcess.start("-q");
    endpoint = server.endpoint();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void concurrentClientsKeepEveryInvariant() throws Exception {
    long deadline = System.nanoTime() + RUN.toNanos();
    CountDownLatch done = new CountDownLatch(CLIENTS);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      Thread t =
          new Thread(
              () -> {
                try (IamClient iam = Clients.iam(endpoint, Clients.root())) {
                  Random random = new Random(1000L + client);
                  for (int i = 0;
                      i < MAX_OPS_PER_CLIENT
                          && System.nanoTime() < deadline
                          && failures.size() < 20;
                      i++) {
                    step(iam, random);
                  }
                } finally {
                  done.countDown();
                }
              },
              "stress-" + c);
      threads.add(t);
      t.start();
    }
    assertThat(done.await(RUN.toSeconds() + 120, java.util.concurrent.TimeUnit.SECONDS))
        .as("clients finished")
        .isTrue();
    long total = counts.values().stream().mapToLong(AtomicLong::get).sum();
    long refused = expectedErrors.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.printf(
        "stress: %d clients, %d calls in %s (%.0f/s), %d refused as races make legitimate%n  calls: %s%n  refusals: %s%n",
        CLIENTS,
        total,
        RUN,
        total / (double) RUN.toSeconds(),
        refused,
        new TreeMap<>(counts),
        new TreeMap<>(expectedErrors));
    assertThat(failures).as("unexpected failures").isEmpty();
    assertThat(total).isGreaterThan(CLIENTS * 10L);

    try (IamClient iam = Clients.iam(endpoint, Clients.root())) {
      checkInvariants(iam);
    }
  }

  // --- the workload -------------------------------------------------------------------------

  private void step(IamClient iam, Random random) {
    String user = "user" + random.nextInt(USERS);
    String group = "group" + random.nextInt(GROUPS);
    String role = "role" + random.nextInt(ROLES);
    String policy = "policy" + random.nextInt(POLICIES);
    String policyArn = "arn:aws:iam::" + ACCOUNT + ":policy/" + policy;
    switch (random.nextInt(22)) {
      case 0, 1 ->
          call("CreateUser", () -> iam.createUser(r -> r.userName(randomCase(user, random))));
      case 2 ->
          call("CreateGroup", () -> iam.createGroup(r -> r.groupName(randomCase(group, random))));
      case 3 ->
          call(
              "CreateRole",
              () ->
                  iam.createRole(
                      r -> r.roleName(randomCase(role, random)).assumeRolePolicyDocument(TRUST)));
      case 4 ->
          call(
              "CreatePolicy",
              () -> iam.createPolicy(r -> r.policyName(policy).policyDocument(DOC)));
      case 5, 6 ->
          call(
              "AddUserToGroup",
              () -> iam.addUserToGroup(r -> r.userName(randomCase(user, random)).groupName(group)));
      case 7 ->
          call(
              "RemoveUserFromGroup",
              () ->
                  iam.removeUserFromGroup(
                      r -> r.userName(user).groupName(randomCase(group, random))));
      case 8 ->
          call(
              "AttachUserPolicy",
              () -> iam.attachUserPolicy(r -> r.userName(user).policyArn(policyArn)));
      case 9 ->
          call(
              "AttachGroupPolicy",
              () -> iam.attachGroupPolicy(r -> r.groupName(group).policyArn(policyArn)));
      case 10 ->
          call(
              "AttachRolePolicy",
              () -> iam.attachRolePolicy(r -> r.roleName(role).policyArn(policyArn)));
      case 11 ->
          call(
              "DetachUserPolicy",
              () -> iam.detachUserPolicy(r -> r.userName(user).policyArn(policyArn)));
      case 12 ->
          call(
              "DetachGroupPolicy",
              () -> iam.detachGroupPolicy(r -> r.groupName(group).policyArn(policyArn)));
      case 13 ->
          call(
              "DetachRolePolicy",
              () -> iam.detachRolePolicy(r -> r.roleName(role).policyArn(policyArn)));
      case 14, 15 -> {
        AccessKey key =
            call("CreateAccessKey", () -> iam.createAccessKey(r -> r.userName(user)).accessKey());
        if (key != null) {
          createdKeys.put(
              key.accessKeyId(),
              AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        }
      }
      case 16 -> {
        List<AccessKeyMetadata> keys =
            call(
                "ListAccessKeys",
                () -> iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata());
        if (keys != null && !keys.isEmpty()) {
          String id = keys.get(random.nextInt(keys.size())).accessKeyId();
          if (call(
                  "DeleteAccessKey",
                  () -> iam.deleteAccessKey(r -> r.userName(user).accessKeyId(id)))
              != null) {
            deletedKeys.add(id);
          }
        }
      }
      case 17 -> tearDownUser(iam, user, random);
      case 18 -> {
        call("DeleteGroup", () -> iam.deleteGroup(r -> r.groupName(randomCase(group, random))));
        call("DeleteRole", () -> iam.deleteRole(r -> r.roleName(randomCase(role, random))));
      }
      case 19 -> tearDownPolicy(iam, policyArn);
      case 20 ->
          checkPages(
              "ListUsers",
              iam,
              random.nextInt(4) + 1,
              (marker, max) -> iam.listUsers(r -> r.marker(marker).maxItems(max)),
              ListUsersResponse::isTruncated,
              ListUsersResponse::marker,
              p -> p.users().stream().map(User::userName).toList());
      default -> {
        call("GetGroup", () -> iam.getGroup(r -> r.groupName(group)));
        call("ListGroupsForUser", () -> iam.listGroupsForUser(r -> r.userName(user)));
        call("ListEntitiesForPolicy", () -> iam.listEntitiesForPolicy(r -> r.policyArn(policyArn)));
      }
    }
  }

  /** Takes a user's keys and memberships away, then deletes it: racing with everyone else. */
  private void tearDownUser(IamClient iam, String user, Random random) {
    List<AccessKeyMetadata> keys =
        call("ListAccessKeys", () -> iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata());
    if (keys == null) {
      return;
    }
    for (AccessKeyMetadata key : keys) {
      if (call(
              "DeleteAccessKey",
              () -> iam.deleteAccessKey(r -> r.userName(user).accessKeyId(key.accessKeyId())))
          != null) {
        deletedKeys.add(key.accessKeyId());
      }
    }
    List<Group> groups =
        call("ListGroupsForUser", () -> iam.listGroupsForUser(r -> r.userName(user)).groups());
    for (Group g : groups == null ? List.<Group>of() : groups) {
      call(
          "RemoveUserFromGroup",
          () -> iam.removeUserFromGroup(r -> r.userName(user).groupName(g.groupName())));
    }
    List<AttachedPolicy> attached =
        call(
            "ListAttachedUserPolicies",
            () -> iam.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies());
    for (AttachedPolicy p : attached == null ? List.<AttachedPolicy>of() : attached) {
      call(
          "DetachUserPolicy",
          () -> iam.detachUserPolicy(r -> r.userName(user).policyArn(p.policyArn())));
    }
    call("DeleteUser", () -> iam.deleteUser(r -> r.userName(randomCase(user, random))));
  }

  private void tearDownPolicy(IamClient iam, String policyArn) {
    ListEntitiesForPolicyResponse entities =
        call("ListEntitiesForPolicy", () -> iam.listEntitiesForPolicy(r -> r.policyArn(policyArn)));
    if (entities == null) {
      return;
    }
    entities
        .policyUsers()
        .forEach(
            u ->
                call(
                    "DetachUserPolicy",
                    () ->
                        iam.detachUserPolicy(r -> r.userName(u.userName()).policyArn(policyArn))));
    entities
        .policyGroups()
        .forEach(
            g ->
                call(
                    "DetachGroupPolicy",
                    () ->
                        iam.detachGroupPolicy(
                            r -> r.groupName(g.groupName()).policyArn(policyArn))));
    entities
        .policyRoles()
        .forEach(
            ro ->
                call(
                    "DetachRolePolicy",
                    () ->
                        iam.detachRolePolicy(r -> r.roleName(ro.roleName()).policyArn(policyArn))));
    call("DeletePolicy", () -> iam.deletePolicy(r -> r.policyArn(policyArn)));
  }

  /**
   * Pages through a list while others write: names strictly ascending (case-insensitively), never
   * repeated.
   */
  private <P> void checkPages(
      String op,
      IamClient iam,
      int maxItems,
      PageFetch<P> fetch,
      Function<P, Boolean> truncated,
      Function<P, String> marker,
      Function<P, List<String>> names) {
    String last = null;
    String next = null;
    for (int page = 0; page < 100; page++) {
      String from = next;
      P response = call(op, () -> fetch.page(from, maxItems));
      if (response == null) {
        return;
      }
      for (String name : names.apply(response)) {
        String key = name.toLowerCase(Locale.ROOT);
        if (last != null && key.compareTo(last) <= 0) {
          failures.add(op + " pages out of order or repeating: " + last + " then " + key);
        }
        last = key;
      }
      if (!truncated.apply(response)) {
        return;
      }
      next = marker.apply(response);
    }
  }

  interface PageFetch<P> {
    P page(String marker, int maxItems);
  }

  private <T> T call(String op, java.util.function.Supplier<T> action) {
    counts.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
    try {
      return action.get();
    } catch (IamException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      if (e.statusCode() >= 500 || !EXPECTED.contains(code)) {
        failures.add(op + ": " + e.statusCode() + " " + code + " " + e.getMessage());
      } else {
        expectedErrors.computeIfAbsent(op + ":" + code, k -> new AtomicLong()).incrementAndGet();
      }
      return null;
    } catch (RuntimeException e) {
      failures.add(op + ": " + e);
      return null;
    }
  }

  private static String randomCase(String name, Random random) {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      out.append(random.nextInt(4) == 0 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  // --- the invariants, checked once everyone has stopped ---------------------------------------

  private void checkInvariants(IamClient iam) {
    List<User> users = iam.listUsersPaginator().users().stream().toList();
    List<Group> groups = iam.listGroupsPaginator().groups().stream().toList();
    List<Role> roles = iam.listRolesPaginator().roles().stream().toList();
    List<Policy> policies =
        iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.LOCAL)).policies().stream().toList();

    // Names are unique regardless of case.
    assertUniqueIgnoringCase(users.stream().map(User::userName).toList());
    assertUniqueIgnoringCase(groups.stream().map(Group::groupName).toList());
    assertUniqueIgnoringCase(roles.stream().map(Role::roleName).toList());
    assertUniqueIgnoringCase(policies.stream().map(Policy::policyName).toList());

    // Small pages give exactly the full list.
    List<String> all = users.stream().map(User::userName).toList();
    for (int max = 1; max <= 3; max++) {
      int m = max;
      assertThat(
              iam.listUsersPaginator(r -> r.maxItems(m)).users().stream()
                  .map(User::userName)
                  .toList())
          .isEqualTo(all);
    }

    // Group membership is the same seen from either side.
    Set<String> fromGroups = new HashSet<>();
    for (Group g : groups) {
      iam.getGroupPaginator(r -> r.groupName(g.groupName()))
          .users()
          .forEach(u -> fromGroups.add(u.userName() + "@" + g.groupName()));
    }
    Set<String> fromUsers = new HashSet<>();
    for (User u : users) {
      iam.listGroupsForUserPaginator(r -> r.userName(u.userName()))
          .groups()
          .forEach(g -> fromUsers.add(u.userName() + "@" + g.groupName()));
    }
    assertThat(fromUsers).as("group membership, user side vs group side").isEqualTo(fromGroups);

    // AttachmentCount is the real number of attachments, and both sides agree on them.
    Set<String> byPolicy = new HashSet<>();
    for (Policy p : policies) {
      ListEntitiesForPolicyResponse e = iam.listEntitiesForPolicy(r -> r.policyArn(p.arn()));
      int attached = e.policyUsers().size() + e.policyGroups().size() + e.policyRoles().size();
      assertThat(iam.getPolicy(r -> r.policyArn(p.arn())).policy().attachmentCount())
          .as("AttachmentCount of " + p.policyName())
          .isEqualTo(attached);
      assertThat(p.attachmentCount())
          .as("AttachmentCount in ListPolicies of " + p.policyName())
          .isEqualTo(attached);
      e.policyUsers().forEach(x -> byPolicy.add("user/" + x.userName() + "->" + p.arn()));
      e.policyGroups().forEach(x -> byPolicy.add("group/" + x.groupName() + "->" + p.arn()));
      e.policyRoles().forEach(x -> byPolicy.add("role/" + x.roleName() + "->" + p.arn()));
    }
    Set<String> byEntity = new HashSet<>();
    users.forEach(
        u ->
            iam.listAttachedUserPolicies(r -> r.userName(u.userName()))
                .attachedPolicies()
                .forEach(a -> byEntity.add("user/" + u.userName() + "->" + a.policyArn())));
    groups.forEach(
        g ->
            iam.listAttachedGroupPolicies(r -> r.groupName(g.groupName()))
                .attachedPolicies()
                .forEach(a -> byEntity.add("group/" + g.groupName() + "->" + a.policyArn())));
    roles.forEach(
        ro ->
            iam.listAttachedRolePolicies(r -> r.roleName(ro.roleName()))
                .attachedPolicies()
                .forEach(a -> byEntity.add("role/" + ro.roleName() + "->" + a.policyArn())));
    assertThat(byEntity).as("attachments, entity side vs policy side").isEqualTo(byPolicy);

    // Every key created and not deleted is listed under an existing user, and nothing else is.
    Map<String, String> listed = new HashMap<>();
    for (User u : users) {
      List<AccessKeyMetadata> keys =
          iam.listAccessKeys(r -> r.userName(u.userName())).accessKeyMetadata();
      assertThat(keys.size()).as("keys of " + u.userName()).isLessThanOrEqualTo(2);
      keys.forEach(k -> listed.put(k.accessKeyId(), u.userName()));
    }
    Set<String> alive = new HashSet<>(createdKeys.keySet());
    alive.removeAll(deletedKeys);
    assertThat(listed.keySet()).as("access keys listed vs created minus deleted").isEqualTo(alive);
    listed.forEach(
        (id, owner) ->
            assertThat(iam.getAccessKeyLastUsed(r -> r.accessKeyId(id)).userName())
                .as("owner of " + id)
                .isEqualTo(owner));
    // Deleted keys no longer sign anything; live ones do.
    deletedKeys.stream()
        .limit(5)
        .forEach(
            id -> {
              try (StsClient sts = Clients.sts(endpoint, createdKeys.get(id))) {
                sts.getCallerIdentity();
                throw new AssertionError("deleted key " + id + " still authenticates");
              } catch (StsException e) {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
              }
            });
    alive.stream()
        .limit(5)
        .forEach(
            id -> {
              try (StsClient sts = Clients.sts(endpoint, createdKeys.get(id))) {
                assertThat(sts.getCallerIdentity().arn()).endsWith(":user/" + listed.get(id));
              }
            });

    // The account summary counts what the lists show.
    Map<String, Integer> summary = iam.getAccountSummary().summaryMapAsStrings();
    assertThat(summary.get("Users")).isEqualTo(users.size());
    assertThat(summary.get("Groups")).isEqualTo(groups.size());
    assertThat(summary.get("Roles")).isEqualTo(roles.size());
    assertThat(summary.get("Policies")).isEqualTo(policies.size());
    System.out.printf(
        "stress end state: %d users, %d groups, %d roles, %d policies, %d memberships, %d attachments, %d keys%n",
        users.size(),
        groups.size(),
        roles.size(),
        policies.size(),
        fromGroups.size(),
        byPolicy.size(),
        listed.size());
  }

  private static void assertUniqueIgnoringCase(List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      assertThat(seen.add(name.toLowerCase(Locale.ROOT)))
          .as("duplicate name ignoring case: " + name)
          .isTrue();
    }
  }
}
