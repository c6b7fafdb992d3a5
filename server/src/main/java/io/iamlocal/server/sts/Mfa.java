package io.iamlocal.server.sts;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.MfaDevices;
import io.iamlocal.server.state.User;
import io.iamlocal.server.state.VirtualMfaDevice;

/**
 * The MFA check of GetSessionToken and AssumeRole ({@code SerialNumber} + {@code TokenCode}): the
 * device must be one of the calling user's, and the code its current TOTP code, not used before.
 */
final class Mfa {
  static final String NOT_ASSOCIATED =
      "MultiFactorAuthentication failed, unable to validate MFA code. "
          + "Please verify your MFA serial number is valid and associated with this user.";
  static final String INVALID_CODE =
      "MultiFactorAuthentication failed with invalid MFA one time pass code.";

  /** Whether MFA was presented and verified. */
  record Result(boolean verified) {}

  private Mfa() {}

  static Result verify(OperationCall call, String serialNumber, String tokenCode) {
    if (serialNumber == null) {
      return new Result(false);
    }
    MfaDevices devices = MfaDevices.of(call.account());
    VirtualMfaDevice device = devices.get(serialNumber);
    User user = call.caller().kind() == Caller.Kind.USER ? call.caller().user() : null;
    if (device == null || !device.isAssigned() || user == null || device.user() != user) {
      throw AwsServiceException.accessDenied(NOT_ASSOCIATED);
    }
    if (tokenCode == null || !devices.verifyCode(serialNumber, tokenCode, call.now())) {
      throw AwsServiceException.accessDenied(INVALID_CODE);
    }
    return new Result(true);
  }
}
