package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Requests no SDK would send: every one gets an AWS-shaped error, and the server keeps serving. */
class ProtocolIT extends WireTest {

  @Test
  void healthAnswersOnRoot() {
    HttpResponse<String> r = RawHttp.send(HttpRequest.newBuilder(endpoint()).GET().build());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("\"running\"")
        .contains("\"iam\":\"running\"", "\"sts\":\"running\"", "\"s3\":\"running\"");
  }

  @Test
  void unsignedRequestIsMissingAuthenticationToken() {
    HttpResponse<String> r =
        RawHttp.send(
            HttpRequest.newBuilder(endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=ListUsers&Version=2010-05-08"))
                .build());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body())
        .contains("<Code>MissingAuthenticationToken</Code>")
        .contains("<Type>Sender</Type>");
    assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(r.body())
        .contains(
            "<RequestId>" + r.headers().firstValue("x-amzn-RequestId").get() + "</RequestId>");
  }

  @Test
  void unknownActionIsInvalidAction() {
    HttpResponse<String> r =
        RawHttp.signedForm(
            endpoint(), Clients.root(), "iam", "Action=MakeCoffee&Version=2010-05-08");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("<Code>InvalidAction</Code>")
        .contains("<Message>Could not find operation MakeCoffee for version 2010-05-08</Message>");
  }

  @Test
  void missingActionIsMissingAction() {
    HttpResponse<String> r =
        RawHttp.signedForm(endpoint(), Clients.root(), "iam", "Version=2010-05-08");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("<Code>MissingAction</Code>");
  }

  @Test
  void stsErrorsUseTheStsNamespace() {
    HttpResponse<String> r =
        RawHttp.signedForm(endpoint(), Clients.root(), "sts", "Action=Nope&Version=2011-06-15");
    assertThat(r.body())
        .startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">");
  }

  @Test
  void garbageAndBinaryBodiesGetAwsErrors() {
    byte[] binary = new byte[4096];
    new Random(7).nextBytes(binary);
    HttpResponse<String> r =
        RawHttp.signedPost(
            endpoint(), Clients.root(), "iam", "application/x-www-form-urlencoded", binary);
    assertThat(r.statusCode()).isBetween(400, 499);
    assertThat(r.body()).contains("<ErrorResponse");
    HttpResponse<String> json =
        RawHttp.signedPost(
            endpoint(),
            Clients.root(),
            "iam",
            "application/json",
            "{\"Action\":\"ListUsers\"}".getBytes());
    assertThat(json.body()).contains("<Code>MissingAction</Code>");
    HttpResponse<String> latin1 =
        RawHttp.signedPost(
            endpoint(),
            Clients.root(),
            "iam",
            "application/x-www-form-urlencoded",
            "Action=CreateUser&Version=2010-05-08&UserName=caf\u00e9"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(latin1.statusCode()).isEqualTo(404);
    assertThat(latin1.body()).contains("<Code>MalformedQueryString</Code>");
    assertThat(iam.listUsers().users()).isEmpty();
  }

  @Test
  void tenMegabyteBodyIsRefusedWithAnAwsError() {
    byte[] huge = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    // Several times: a server closing while the body still arrives made about one answer in ten
    // vanish.
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r =
          RawHttp.send(
              HttpRequest.newBuilder(endpoint())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(huge))
                  .build());
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(r.body()).contains("<Code>RequestEntityTooLarge</Code>");
    }
    assertThat(iam.listUsers().users()).isEmpty();
  }

  @Test
  void resetWipesState() {
    iam.createUser(r -> r.userName("temporary"));
    assertThat(server.post("/moto-api/reset").statusCode()).isEqualTo(200);
    assertThat(iam.listUsers().users()).isEmpty();
  }
}
