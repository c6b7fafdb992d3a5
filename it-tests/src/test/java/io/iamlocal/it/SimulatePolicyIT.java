package io.iamlocal.it;

import static io.iamlocal.it.PolicyFixtures.ACCOUNT;
import static io.iamlocal.it.PolicyFixtures.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

class SimulatePolicyIT extends WireTest {
  private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
  private static final String OTHER_ACCOUNT = "210987654321";
  private static final PolicyEvaluationDecisionType ALLOWED = PolicyEvaluationDecisionType.ALLOWED;
  private static final PolicyEvaluationDecisionType EXPLICIT_DENY =
      PolicyEvaluationDecisionType.EXPLICIT_DENY;
  private static final PolicyEvaluationDecisionType IMPLICIT_DENY =
      PolicyEvaluationDecisionType.IMPLICIT_DENY;

  /**
   * One line. AWS reports the column just after each brace: the first statement's brace is the 38th
   * character (after {"Version":"2012-10-17","Statement":[), so it starts at 39, as in AWS's
   * samples.
   */
  private static final String S3_READ_DENY_SECRET =
      "{\"Version\":\"2012-10-17\",\"Statement\":"
          + "[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"},"
          + "{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/secret/*\"}]}";

  private static String doc(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  private static String allow(String action, String resource) {
    return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
  }

  private static String allowIf(String action, String operator, String key, String values) {
    return "{\"Effect\":\"Allow\",\"Action\":\""
        + action
        + "\",\"Resource\":\"*\",\"Condition\":{\""
        + operator
        + "\":{\""
        + key
        + "\":"
        + values
        + "}}}";
  }

  private static ContextEntry entry(String key, ContextKeyTypeEnum type, String... values) {
    return ContextEntry.builder()
        .contextKeyName(key)
        .contextKeyType(type)
        .contextKeyValues(values)
        .build();
  }

  private static Map<String, PolicyEvaluationDecisionType> decisions(
      List<EvaluationResult> results) {
    return results.stream()
        .collect(
            Collectors.toMap(EvaluationResult::evalActionName, EvaluationResult::evalDecision));
  }

  private SimulateCustomPolicyResponse custom(SimulateCustomPolicyRequest.Builder request) {
    return iam.simulateCustomPolicy(request.build());
  }

  @Test
  void customPolicyAllowsExplicitlyDeniesAndImplicitlyDenies() {
    SimulateCustomPolicyResponse r =
        custom(
            SimulateCustomPolicyRequest.builder()
                .policyInputList(S3_READ_DENY_SECRET)
                .actionNames("s3:GetObject", "s3:PutObject")
                .resourceArns("arn:aws:s3:::bucket/public/a.txt"));
    assertThat(r.isTruncated()).isFalse();
    assertThat(r.evaluationResults()).hasSize(2);
    EvaluationResult get = r.evaluationResults().get(0);
    assertThat(get.evalActionName()).isEqualTo("s3:GetObject");
    assertThat(get.evalResourceName()).isEqualTo("arn:aws:s3:::bucket/public/a.txt");
    assertThat(get.evalDecision()).isEqualTo(ALLOWED);
    Statement matched = get.matchedStatements().get(0);
    assertThat(matched.sourcePolicyId()).isEqualTo("PolicyInputList.1");
    assertThat(matched.sourcePolicyTypeAsString()).isEqualTo("IAM Policy");
    assertThat(matched.startPosition().line()).isEqualTo(1);
    assertThat(matched.startPosition().column()).isEqualTo(39);
    assertThat(matched.endPosition().line()).isEqualTo(1);
    assertThat(matched.endPosition().column())
        .isEqualTo(
            38 + "{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}".length());
    assertThat(get.hasMissingContextValues()).isTrue();
    assertThat(get.missingContextValues()).isEmpty();
    assertThat(get.hasEvalDecisionDetails())
        .as("same account, named resource: present but empty")
        .isTrue();
    assertThat(get.evalDecisionDetails()).isEmpty();
    assertThat(get.organizationsDecisionDetail())
        .as("a standalone account is in no organization")
        .isNull();
    assertThat(get.resourceSpecificResults())
        .singleElement()
        .satisfies(
            rs -> {
              assertThat(rs.evalResourceName()).isEqualTo("arn:aws:s3:::bucket/public/a.txt");
              assertThat(rs.evalResourceDecision()).isEqualTo(ALLOWED);
              assertThat(rs.matchedStatements()).containsExactly(matched);
              assertThat(rs.hasEvalDecisionDetails()).as("same account").isFalse();
            });
    EvaluationResult put = r.evaluationResults().get(1);
    assertThat(put.evalDecision()).isEqualTo(IMPLICIT_DENY);
    assertThat(put.matchedStatements()).isEmpty();

    EvaluationResult secret =
        custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(S3_READ_DENY_SECRET)
                    .actionNames("s3:GetObject")
                    .resourceArns("arn:aws:s3:::bucket/secret/key"))
            .evaluationResults()
            .get(0);
    assertThat(secret.evalDecision()).isEqualTo(EXPLICIT_DENY);
    assertThat(secret.matchedStatements())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sourcePolicyId()).isEqualTo("PolicyInputList.1");
              assertThat(s.startPosition().column())
                  .isEqualTo(
                      39
                          + "{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"},"
                              .length());
            });
  }

  /**
   * The shape of AWS's SimulateCustomPolicy sample: empty lists as empty elements, decisions in
   * lower camel case.
   */
  @Test
  void theXmlHasTheShapeOfAwsSamples() {
    String policy =
        java.net.URLEncoder.encode(
            doc(allow("s3:ListBucket", "*")), java.nio.charset.StandardCharsets.UTF_8);
    java.net.http.HttpResponse<String> r =
        RawHttp.signedForm(
            endpoint(),
            Clients.root(),
            "iam",
            "Action=SimulateCustomPolicy&Version=2010-05-08&PolicyInputList.member.1="
                + policy
                + "&ActionNames.member.1=s3%3AListBucket&ResourceArns.member.1=arn%3Aaws%3As3%3A%3A%3Ateambucket");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains(
            "<SimulateCustomPolicyResult>",
            "<EvalActionName>s3:ListBucket</EvalActionName>",
            "<EvalResourceName>arn:aws:s3:::teambucket</EvalResourceName>",
            "<EvalDecision>allowed</EvalDecision>",
            "<SourcePolicyId>PolicyInputList.1</SourcePolicyId>",
            "<SourcePolicyType>IAM Policy</SourcePolicyType>",
            "<MissingContextValues/>",
            "<EvalDecisionDetails/>",
            "<IsTruncated>false</IsTruncated>")
        .doesNotContain(
            "<Marker>", "<OrganizationsDecisionDetail>", "<PermissionsBoundaryDecisionDetail>");
  }

  @Test
  void positionsSpanLinesAndTheResourceDefaultsToStar() {
    String pretty =
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
            + "      \"Action\": \"s3:ListBucket\",\n      \"Resource\": \"*\"\n    }\n  ]\n}";
    EvaluationResult r =
        iam.simulateCustomPolicy(b -> b.policyInputList(pretty).actionNames("s3:ListBucket"))
            .evaluationResults()
            .get(0);
    assertThat(r.evalResourceName()).isEqualTo("*");
    assertThat(r.evalDecision()).isEqualTo(ALLOWED);
    Statement s = r.matchedStatements().get(0);
    assertThat(
            List.of(
                s.startPosition().line(),
                s.startPosition().column(),
                s.endPosition().line(),
                s.endPosition().column()))
        .containsExactly(4, 6, 8, 6);
    assertThat(r.hasEvalDecisionDetails())
        .as("same account, all resources: not returned")
        .isFalse();
    assertThat(r.hasResourceSpecificResults()).isFalse();
  }

  @Test
  void principalPolicyCoversInlineAttachedGroupAndInputPolicies() {
    iam.createUser(b -> b.userName("alice"));
    iam.putUserPolicy(
        b ->
            b.userName("alice")
                .policyName("AdminUser")
                .policyDocument(doc(allow("iam:GetRole", "*"))));
    String managed =
        iam.createPolicy(
                b -> b.policyName("S3Reader").policyDocument(doc(allow("s3:GetObject", "*"))))
            .policy()
            .arn();
    iam.attachUserPolicy(b -> b.userName("alice").policyArn(managed));
    iam.createGroup(b -> b.groupName("devs"));
    iam.addUserToGroup(b -> b.groupName("devs").userName("alice"));
    iam.putGroupPolicy(
        b ->
            b.groupName("devs")
                .policyName("Ec2")
                .policyDocument(doc(allow("ec2:DescribeInstances", "*"))));
    iam.attachGroupPolicy(
        b -> b.groupName("devs").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));

    SimulatePrincipalPolicyResponse r =
        iam.simulatePrincipalPolicy(
            b ->
                b.policySourceArn(ALICE)
                    .policyInputList(doc(allow("sqs:SendMessage", "*")))
                    .actionNames(
                        "iam:GetRole",
                        "s3:GetObject",
                        "ec2:DescribeInstances",
                        "sqs:SendMessage",
                        "iam:CreateUser"));
    Map<String, List<String>> sources =
        r.evaluationResults().stream()
            .collect(
                Collectors.toMap(
                    EvaluationResult::evalActionName,
                    e -> e.matchedStatements().stream().map(Statement::sourcePolicyId).toList()));
    assertThat(sources.get("iam:GetRole"))
        .containsExactly("user_alice_AdminUser", "ReadOnlyAccess");
    assertThat(sources.get("s3:GetObject")).containsExactly("S3Reader", "ReadOnlyAccess");
    assertThat(sources.get("ec2:DescribeInstances"))
        .containsExactly("group_devs_Ec2", "ReadOnlyAccess");
    assertThat(sources.get("sqs:SendMessage")).containsExactly("PolicyInputList.1");
    assertThat(decisions(r.evaluationResults()).get("iam:CreateUser")).isEqualTo(IMPLICIT_DENY);

    EvaluationResult group =
        iam.simulatePrincipalPolicy(
                b ->
                    b.policySourceArn("arn:aws:iam::" + ACCOUNT + ":group/devs")
                        .actionNames("iam:GetRole"))
            .evaluationResults()
            .get(0);
    assertThat(group.matchedStatements())
        .extracting(Statement::sourcePolicyId)
        .containsExactly("ReadOnlyAccess");

    iam.createRole(b -> b.roleName("app").assumeRolePolicyDocument(PolicyFixtures.TRUST_EC2));
    iam.putRolePolicy(
        b ->
            b.roleName("app")
                .policyName("Logs")
                .policyDocument(doc(allow("logs:PutLogEvents", "*"))));
    EvaluationResult role =
        iam.simulatePrincipalPolicy(
                b ->
                    b.policySourceArn("arn:aws:iam::" + ACCOUNT + ":role/app")
                        .actionNames("logs:PutLogEvents"))
            .evaluationResults()
            .get(0);
    assertThat(role.evalDecision()).isEqualTo(ALLOWED);
    assertThat(role.matchedStatements())
        .extracting(Statement::sourcePolicyId)
        .containsExactly("role_app_Logs");
  }

  @Test
  void missingContextValuesAreReportedAndSuppliedValuesDecide() {
    String policy = doc(allowIf("s3:GetObject", "IpAddress", "aws:SourceIp", "\"203.0.113.0/24\""));
    EvaluationResult missing =
        iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("s3:GetObject"))
            .evaluationResults()
            .get(0);
    assertThat(missing.evalDecision()).isEqualTo(IMPLICIT_DENY);
    assertThat(missing.missingContextValues()).containsExactly("aws:SourceIp");

    EvaluationResult inside =
        iam.simulateCustomPolicy(
                b ->
                    b.policyInputList(policy)
                        .actionNames("s3:GetObject")
                        .contextEntries(
                            entry("aws:SourceIp", ContextKeyTypeEnum.IP, "203.0.113.7")))
            .evaluationResults()
            .get(0);
    assertThat(inside.evalDecision()).isEqualTo(ALLOWED);
    assertThat(inside.missingContextValues()).isEmpty();

    EvaluationResult outside =
        iam.simulateCustomPolicy(
                b ->
                    b.policyInputList(policy)
                        .actionNames("s3:GetObject")
                        .contextEntries(
                            entry("aws:SourceIp", ContextKeyTypeEnum.IP, "198.51.100.1")))
            .evaluationResults()
            .get(0);
    assertThat(outside.evalDecision()).isEqualTo(IMPLICIT_DENY);
  }

  @Test
  void everyContextKeyTypeIsUnderstood() {
    String policy =
        doc(
            allowIf("svc:String", "StringEquals", "svc:s", "\"blue\""),
            allowIf("svc:StringList", "ForAllValues:StringEquals", "svc:sl", "[\"a\",\"b\"]"),
            allowIf("svc:Numeric", "NumericLessThan", "svc:n", "10"),
            allowIf("svc:NumericList", "ForAnyValue:NumericEquals", "svc:nl", "[7]"),
            allowIf("svc:Boolean", "Bool", "svc:b", "true"),
            allowIf("svc:BooleanList", "ForAnyValue:Bool", "svc:bl", "\"false\""),
            allowIf("svc:Ip", "IpAddress", "svc:ip", "\"10.0.0.0/8\""),
            allowIf("svc:IpList", "ForAnyValue:IpAddress", "svc:ipl", "\"2001:db8::/32\""),
            allowIf("svc:Binary", "BinaryEquals", "svc:bin", "\"QmluYXJ5\""),
            allowIf("svc:BinaryList", "ForAnyValue:BinaryEquals", "svc:binl", "\"QmluYXJ5\""),
            allowIf("svc:Date", "DateGreaterThan", "svc:d", "\"2020-01-01T00:00:00Z\""),
            allowIf(
                "svc:DateList", "ForAnyValue:DateLessThan", "svc:dl", "\"2020-01-01T00:00:00Z\""));
    List<String> actions =
        List.of(
            "svc:String",
            "svc:StringList",
            "svc:Numeric",
            "svc:NumericList",
            "svc:Boolean",
            "svc:BooleanList",
            "svc:Ip",
            "svc:IpList",
            "svc:Binary",
            "svc:BinaryList",
            "svc:Date",
            "svc:DateList");
    List<ContextEntry> entries =
        List.of(
            entry("svc:s", ContextKeyTypeEnum.STRING, "blue"),
            entry("svc:sl", ContextKeyTypeEnum.STRING_LIST, "a", "b"),
            entry("svc:n", ContextKeyTypeEnum.NUMERIC, "9.5"),
            entry("svc:nl", ContextKeyTypeEnum.NUMERIC_LIST, "3", "7"),
            entry("svc:b", ContextKeyTypeEnum.BOOLEAN, "true"),
            entry("svc:bl", ContextKeyTypeEnum.BOOLEAN_LIST, "true", "false"),
            entry("svc:ip", ContextKeyTypeEnum.IP, "10.1.2.3"),
            entry("svc:ipl", ContextKeyTypeEnum.IP_LIST, "192.0.2.1", "2001:db8::1"),
            entry("svc:bin", ContextKeyTypeEnum.BINARY, "QmluYXJ5"),
            entry("svc:binl", ContextKeyTypeEnum.BINARY_LIST, "b3RoZXI=", "QmluYXJ5"),
            entry("svc:d", ContextKeyTypeEnum.DATE, "2024-06-01T12:00:00Z"),
            entry("svc:dl", ContextKeyTypeEnum.DATE_LIST, "2030-01-01", "2019-12-31"));
    SimulateCustomPolicyResponse r =
        iam.simulateCustomPolicy(
            b -> b.policyInputList(policy).actionNames(actions).contextEntries(entries));
    assertThat(decisions(r.evaluationResults()))
        .hasSize(12)
        .allSatisfy((action, decision) -> assertThat(decision).as(action).isEqualTo(ALLOWED));

    SimulateCustomPolicyResponse none =
        iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames(actions));
    assertThat(decisions(none.evaluationResults()))
        .allSatisfy(
            (action, decision) ->
                assertThat(decision)
                    .as(action)
                    .isEqualTo(action.equals("svc:StringList") ? ALLOWED : IMPLICIT_DENY));

    awsError(
        () ->
            iam.simulateCustomPolicy(
                b ->
                    b.policyInputList(policy)
                        .actionNames("svc:Numeric")
                        .contextEntries(entry("svc:n", ContextKeyTypeEnum.NUMERIC, "ten"))),
        "InvalidInput",
        400,
        "Invalid value ten for context key svc:n of type numeric.");
  }

  @Test
  void permissionsBoundaryCapsTheEntityAndTheInputListOverridesIt() {
    String boundary =
        iam.createPolicy(b -> b.policyName("OnlyS3").policyDocument(doc(allow("s3:*", "*"))))
            .policy()
            .arn();
    iam.createUser(b -> b.userName("alice").permissionsBoundary(boundary));
    iam.putUserPolicy(
        b -> b.userName("alice").policyName("All").policyDocument(doc(allow("*", "*"))));

    SimulatePrincipalPolicyResponse r =
        iam.simulatePrincipalPolicy(
            b -> b.policySourceArn(ALICE).actionNames("s3:GetObject", "iam:CreateUser"));
    EvaluationResult s3 = r.evaluationResults().get(0);
    assertThat(s3.evalDecision()).isEqualTo(ALLOWED);
    assertThat(s3.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isTrue();
    assertThat(s3.matchedStatements())
        .extracting(Statement::sourcePolicyId)
        .containsExactly("user_alice_All");
    EvaluationResult create = r.evaluationResults().get(1);
    assertThat(create.evalDecision()).isEqualTo(IMPLICIT_DENY);
    assertThat(create.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isFalse();

    SimulatePrincipalPolicyResponse overridden =
        iam.simulatePrincipalPolicy(
            b ->
                b.policySourceArn(ALICE)
                    .permissionsBoundaryPolicyInputList(
                        doc(
                            allow("iam:*", "*"),
                            "{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}"))
                    .actionNames("s3:GetObject", "iam:CreateUser", "s3:DeleteObject"));
    assertThat(decisions(overridden.evaluationResults()))
        .containsEntry("s3:GetObject", IMPLICIT_DENY)
        .containsEntry("iam:CreateUser", ALLOWED)
        .containsEntry("s3:DeleteObject", EXPLICIT_DENY);
    EvaluationResult denied = overridden.evaluationResults().get(2);
    assertThat(denied.matchedStatements())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sourcePolicyId()).isEqualTo("PermissionsBoundaryPolicyInputList.1");
              assertThat(s.sourcePolicyTypeAsString()).isEqualTo("Permissions Boundary Policy");
            });

    EvaluationResult custom =
        iam.simulateCustomPolicy(
                b ->
                    b.policyInputList(doc(allow("*", "*")))
                        .permissionsBoundaryPolicyInputList(doc(allow("s3:*", "*")))
                        .actionNames("sqs:SendMessage"))
            .evaluationResults()
            .get(0);
    assertThat(custom.evalDecision()).isEqualTo(IMPLICIT_DENY);
    assertThat(custom.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isFalse();
  }

  @Test
  void resourcePolicyNamingTheCallerAllowsWithinTheAccount() {
    String bucketPolicy =
        doc(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + ALICE
                + "\"},\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::production/*\"}");
    SimulateCustomPolicyResponse r =
        custom(
            SimulateCustomPolicyRequest.builder()
                .policyInputList(doc(allow("ec2:*", "*")))
                .permissionsBoundaryPolicyInputList(doc(allow("ec2:*", "*")))
                .resourcePolicy(bucketPolicy)
                .callerArn(ALICE)
                .actionNames("s3:PutObject")
                .resourceArns("arn:aws:s3:::production/Test"));
    EvaluationResult e = r.evaluationResults().get(0);
    assertThat(e.evalDecision())
        .as("same account: a resource policy naming the user is enough")
        .isEqualTo(ALLOWED);
    assertThat(e.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isFalse();
    assertThat(e.matchedStatements())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sourcePolicyId()).isEqualTo("ResourcePolicy");
              assertThat(s.sourcePolicyTypeAsString()).isEqualTo("Resource Policy");
            });
    assertThat(e.evalDecisionDetails()).isEmpty();

    awsError(
        () ->
            iam.simulateCustomPolicy(
                b ->
                    b.policyInputList(doc(allow("ec2:*", "*")))
                        .resourcePolicy(bucketPolicy)
                        .actionNames("s3:PutObject")),
        "InvalidInput",
        400,
        "CallerArn is required when you include a ResourcePolicy.");
  }

  @Test
  void crossAccountSimulationsNeedBothSidesAndExplainEachPolicyType() {
    String bucketPolicy =
        doc(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + ALICE
                + "\"},\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::mary/*\"}");
    SimulateCustomPolicyRequest.Builder base =
        SimulateCustomPolicyRequest.builder()
            .resourcePolicy(bucketPolicy)
            .callerArn(ALICE)
            .resourceOwner("arn:aws:iam::" + OTHER_ACCOUNT + ":root")
            .actionNames("s3:PutObject")
            .resourceArns("arn:aws:s3:::mary/Test");

    EvaluationResult identityMissing =
        custom(base.copy().policyInputList(doc(allow("ec2:*", "*")))).evaluationResults().get(0);
    assertThat(identityMissing.evalDecision()).isEqualTo(IMPLICIT_DENY);
    assertThat(identityMissing.evalDecisionDetailsAsStrings())
        .containsExactly(
            Map.entry("IAM Policy", "implicitDeny"), Map.entry("Resource Policy", "allowed"));
    ResourceSpecificResult rs = identityMissing.resourceSpecificResults().get(0);
    assertThat(rs.evalDecisionDetailsAsStrings()).containsEntry("Resource Policy", "allowed");

    EvaluationResult both =
        custom(base.copy().policyInputList(doc(allow("s3:PutObject", "*"))))
            .evaluationResults()
            .get(0);
    assertThat(both.evalDecision()).isEqualTo(ALLOWED);
    assertThat(both.matchedStatements())
        .extracting(Statement::sourcePolicyId)
        .containsExactly("PolicyInputList.1", "ResourcePolicy");

    awsError(
        () ->
            custom(
                base.copy().policyInputList(doc(allow("s3:*", "*"))).resourceOwner(OTHER_ACCOUNT)),
        "InvalidInput",
        400,
        "'" + OTHER_ACCOUNT + "' is not a valid as a Resource Owner.");
  }

  @Test
  void severalResourcesGiveOneResultPerActionWithTheStrictestDecision() {
    EvaluationResult r =
        iam.simulateCustomPolicy(
                b ->
                    b.policyInputList(S3_READ_DENY_SECRET)
                        .actionNames("s3:GetObject")
                        .resourceArns(
                            "arn:aws:s3:::bucket/public/a",
                            "arn:aws:s3:::bucket/secret/b",
                            "arn:aws:s3:::other/c"))
            .evaluationResults()
            .get(0);
    assertThat(r.evalDecision()).isEqualTo(EXPLICIT_DENY);
    assertThat(r.resourceSpecificResults())
        .extracting(
            ResourceSpecificResult::evalResourceName, ResourceSpecificResult::evalResourceDecision)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::bucket/public/a", ALLOWED),
            org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::bucket/secret/b", EXPLICIT_DENY),
            org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::other/c", ALLOWED));
    assertThat(r.matchedStatements()).as("the statements behind the aggregate decision").hasSize(1);
  }

  @Test
  void resultsArePagedByAction() {
    List<String> actions =
        List.of(
            "s3:GetObject",
            "s3:PutObject",
            "s3:DeleteObject",
            "s3:ListBucket",
            "s3:GetBucketPolicy");
    SimulateCustomPolicyResponse first =
        iam.simulateCustomPolicy(
            b -> b.policyInputList(S3_READ_DENY_SECRET).actionNames(actions).maxItems(2));
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.marker()).isNotBlank();
    assertThat(first.evaluationResults())
        .extracting(EvaluationResult::evalActionName)
        .containsExactly("s3:GetObject", "s3:PutObject");
    SimulateCustomPolicyResponse second =
        iam.simulateCustomPolicy(
            b ->
                b.policyInputList(S3_READ_DENY_SECRET)
                    .actionNames(actions)
                    .maxItems(2)
                    .marker(first.marker()));
    assertThat(second.evaluationResults())
        .extracting(EvaluationResult::evalActionName)
        .containsExactly("s3:DeleteObject", "s3:ListBucket");

    List<String> all =
        iam
            .simulateCustomPolicyPaginator(
                b -> b.policyInputList(S3_READ_DENY_SECRET).actionNames(actions).maxItems(2))
            .evaluationResults()
            .stream()
            .map(EvaluationResult::evalActionName)
            .toList();
    assertThat(all).isEqualTo(actions);

    iam.createUser(b -> b.userName("alice"));
    List<String> principal =
        iam
            .simulatePrincipalPolicyPaginator(
                b -> b.policySourceArn(ALICE).actionNames(actions).maxItems(3))
            .evaluationResults()
            .stream()
            .map(EvaluationResult::evalActionName)
            .toList();
    assertThat(principal).isEqualTo(actions);
  }

  @Test
  void contextKeysAreListedAsWrittenWithoutDuplicates() {
    String policy =
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
            + "\"Resource\":\"arn:aws:dynamodb:us-west-2:"
            + ACCOUNT
            + ":table/${aws:username}\","
            + "\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2015-08-16T12:00:00Z\"}}}}";
    assertThat(iam.getContextKeysForCustomPolicy(b -> b.policyInputList(policy)).contextKeyNames())
        .containsExactly("aws:username", "aws:CurrentTime");

    iam.createUser(b -> b.userName("alice"));
    iam.putUserPolicy(
        b ->
            b.userName("alice")
                .policyName("p")
                .policyDocument(
                    doc(allowIf("s3:*", "StringEquals", "aws:PrincipalTag/team", "\"red\""))));
    assertThat(
            iam.getContextKeysForPrincipalPolicy(
                    b ->
                        b.policySourceArn(ALICE)
                            .policyInputList(
                                doc(
                                    allowIf(
                                        "s3:*", "StringEquals", "AWS:PRINCIPALTAG/TEAM", "\"red\""),
                                    allowIf("s3:*", "Bool", "aws:SecureTransport", "true"))))
                .contextKeyNames())
        .containsExactly("aws:PrincipalTag/team", "aws:SecureTransport");
    assertThat(
            iam.getContextKeysForPrincipalPolicy(b -> b.policySourceArn(ALICE)).contextKeyNames())
        .containsExactly("aws:PrincipalTag/team");
  }

  @Test
  void invalidInputsAreRefusedWithAwsErrors() {
    awsError(
        () ->
            iam.simulateCustomPolicy(
                b -> b.policyInputList("{\"Version\":\"2012-10-17\",").actionNames("s3:GetObject")),
        "InvalidInput",
        400,
        "Syntax errors in policy.");
    awsError(
        () ->
            iam.simulateCustomPolicy(
                b ->
                    b.policyInputList(doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}"))
                        .actionNames("s3:GetObject")),
        "InvalidInput",
        400,
        "Policy statement must contain resources.");
    awsError(
        () -> iam.getContextKeysForCustomPolicy(b -> b.policyInputList("not json")),
        "InvalidInput",
        400,
        "Syntax errors in policy.");
    awsError(
        () ->
            iam.simulatePrincipalPolicy(b -> b.policySourceArn(ALICE).actionNames("s3:GetObject")),
        "NoSuchEntity",
        404,
        "The user with name alice cannot be found.");
    awsError(
        () ->
            iam.simulatePrincipalPolicy(
                b ->
                    b.policySourceArn("arn:aws:iam::" + ACCOUNT + ":role/missing")
                        .actionNames("s3:GetObject")),
        "NoSuchEntity",
        404,
        "The role with name missing cannot be found.");
    awsError(
        () ->
            iam.getContextKeysForPrincipalPolicy(
                b -> b.policySourceArn("arn:aws:iam::" + ACCOUNT + ":group/missing")),
        "NoSuchEntity",
        404,
        "The group with name missing cannot be found.");
    String session = "arn:aws:sts::" + ACCOUNT + ":assumed-role/app/session";
    awsError(
        () ->
            iam.simulatePrincipalPolicy(
                b -> b.policySourceArn(session).actionNames("s3:GetObject")),
        "InvalidInput",
        400,
        "Invalid Entity Arn: " + session + " does not clearly define entity type and name.");
    awsError(
        () ->
            iam.simulatePrincipalPolicy(
                b ->
                    b.policySourceArn("arn:aws:iam::" + OTHER_ACCOUNT + ":user/alice")
                        .actionNames("s3:GetObject")),
        "InvalidInput",
        400,
        "Invalid Policy Source Arn: caller's account "
            + ACCOUNT
            + " does not have access to policies in account "
            + OTHER_ACCOUNT);

    iam.createRole(b -> b.roleName("app").assumeRolePolicyDocument(PolicyFixtures.TRUST_EC2));
    String role = "arn:aws:iam::" + ACCOUNT + ":role/app";
    awsError(
        () ->
            iam.simulatePrincipalPolicy(
                b -> b.policySourceArn(role).actionNames("s3:GetObject").callerArn(role)),
        "InvalidInput",
        400,
        "Invalid CallerArn: " + role + " is not the ARN of an IAM user.");
    awsError(
        () ->
            iam.simulatePrincipalPolicy(
                b ->
                    b.policySourceArn(role)
                        .actionNames("s3:GetObject")
                        .resourcePolicy(
                            doc(
                                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"))),
        "InvalidInput",
        400,
        "CallerArn is required when you include a ResourcePolicy and the PolicySourceArn is not the ARN of a user.");
    awsError(
        () ->
            iam.simulateCustomPolicy(
                b ->
                    b.policyInputList(S3_READ_DENY_SECRET)
                        .actionNames("s3:GetObject")
                        .resourceHandlingOption("EC2-Mainframe")),
        "InvalidInput",
        400,
        "Invalid ResourceHandlingOption: EC2-Mainframe.");
  }
}
