package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.IamException;

/** The organization-bound and newest IAM operations, for IAMLocal's standalone account. */
class OrganizationsIT extends WireTest {

  @Test
  void organizationFeaturesFailAsForAnAccountOutsideAnOrganization() {
    for (Supplier<?> call :
        java.util.List.<Supplier<?>>of(
            () -> iam.listOrganizationsFeatures(r -> {}),
            () -> iam.enableOrganizationsRootCredentialsManagement(r -> {}),
            () -> iam.disableOrganizationsRootCredentialsManagement(r -> {}),
            () -> iam.enableOrganizationsRootSessions(r -> {}),
            () -> iam.disableOrganizationsRootSessions(r -> {}),
            () ->
                iam.generateOrganizationsAccessReport(
                    r -> r.entityPath("o-a1b2c3d4e5/r-f6g7h8i9j0example")))) {
      IamException e = catchThrowableOfType(call::get, IamException.class);
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("OrganizationNotFoundException");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo(
              "The request was rejected because no organization is associated with your account.");
    }
    IamException report =
        catchThrowableOfType(
            () ->
                iam.getOrganizationsAccessReport(
                    r -> r.jobId("00000000-0000-0000-0000-000000000000")),
            IamException.class);
    assertThat(report.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
  }

  @Test
  void outboundWebIdentityFederationIsEnabledOnce() {
    HttpResponse<String> off = call("Action=GetOutboundWebIdentityFederationInfo");
    assertThat(off.statusCode()).isEqualTo(404);
    assertThat(off.body()).contains("<Code>FeatureDisabled</Code>");

    HttpResponse<String> on = call("Action=EnableOutboundWebIdentityFederation");
    assertThat(on.statusCode()).isEqualTo(200);
    String issuer = between(on.body(), "IssuerIdentifier");
    assertThat(issuer).matches("https://[0-9a-f-]{36}\\.tokens\\.sts\\.global\\.api\\.aws");
    assertThat(call("Action=EnableOutboundWebIdentityFederation").statusCode()).isEqualTo(409);
    HttpResponse<String> info = call("Action=GetOutboundWebIdentityFederationInfo");
    assertThat(between(info.body(), "IssuerIdentifier")).isEqualTo(issuer);
    assertThat(between(info.body(), "JwtVendingEnabled")).isEqualTo("true");

    assertThat(call("Action=DisableOutboundWebIdentityFederation").statusCode()).isEqualTo(200);
    assertThat(call("Action=DisableOutboundWebIdentityFederation").body())
        .contains("<Code>FeatureDisabled</Code>");
  }

  @Test
  void delegationRequestLifecycle() {
    HttpResponse<String> created =
        call(
            "Action=CreateDelegationRequest&Description=Read%20logs"
                + "&Permissions.PolicyTemplateArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy-template%2FReadLogs"
                + "&RequestorWorkflowId=workflow-1&NotificationChannel=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Atopic"
                + "&SessionDuration=3600");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String id = between(created.body(), "DelegationRequestId");
    assertThat(stateOf(id)).isEqualTo("UNASSIGNED");
    // Accepting before the request is associated with the account is refused.
    assertThat(call("Action=AcceptDelegationRequest&DelegationRequestId=" + id).body())
        .contains("<Code>InvalidInput</Code>");
    assertThat(call("Action=AssociateDelegationRequest&DelegationRequestId=" + id).statusCode())
        .isEqualTo(200);
    assertThat(stateOf(id)).isEqualTo("ASSIGNED");
    assertThat(call("Action=AcceptDelegationRequest&DelegationRequestId=" + id).statusCode())
        .isEqualTo(200);
    assertThat(call("Action=SendDelegationToken&DelegationRequestId=" + id).statusCode())
        .isEqualTo(200);
    assertThat(stateOf(id)).isEqualTo("FINALIZED");
    assertThat(call("Action=ListDelegationRequests").body())
        .contains(id)
        .contains("<isTruncated>false</isTruncated>");

    HttpResponse<String> summary =
        call(
            "Action=GetHumanReadableSummary&EntityArn="
                + java.net.URLEncoder.encode(
                    "arn:aws:iam::123456789012:delegation-request/" + id,
                    java.nio.charset.StandardCharsets.UTF_8));
    assertThat(between(summary.body(), "SummaryState")).isEqualTo("AVAILABLE");
    HttpResponse<String> missing =
        call("Action=GetDelegationRequest&DelegationRequestId=dr-doesnotexist0000");
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  private String stateOf(String id) {
    return between(call("Action=GetDelegationRequest&DelegationRequestId=" + id).body(), "State");
  }

  private HttpResponse<String> call(String form) {
    return RawHttp.signedForm(endpoint(), Clients.root(), "iam", form + "&Version=2010-05-08");
  }

  private static String between(String xml, String element) {
    Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
    assertThat(m.find()).as(xml).isTrue();
    return m.group(1);
  }
}
