package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureKindTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "MISSING_AUTHENTICATION_TOKEN, MissingAuthenticationToken, 403",
    "INCOMPLETE_SIGNATURE, IncompleteSignature, 400",
    "INVALID_CLIENT_TOKEN_ID, InvalidClientTokenId, 403",
    "SIGNATURE_DOES_NOT_MATCH, SignatureDoesNotMatch, 403",
    "SIGNATURE_EXPIRED, SignatureDoesNotMatch, 403",
    "REQUEST_EXPIRED, RequestExpired, 400",
    "EXPIRED_TOKEN, ExpiredToken, 403",
    "INVALID_SECURITY_TOKEN, InvalidClientTokenId, 403",
  })
  void mapsToTheAwsWireCodeAndStatus(FailureKind kind, String code, int status) {
    assertThat(kind.awsCode()).isEqualTo(code);
    assertThat(kind.httpStatus()).isEqualTo(status);
  }
}
