package io.iamlocal.server.sts;

import static io.iamlocal.server.dispatch.OperationSpec.notJournalled;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.authz.AuthorizationMessages;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IdGenerator;
import io.iamlocal.server.state.Sessions;
import java.util.Map;

/**
 * GetAccessKeyInfo (the account an access key ID belongs to) and DecodeAuthorizationMessage (the
 * JSON behind an encoded authorization failure message, see {@link AuthorizationMessages}).
 */
public final class StsInfoOperations implements Operations {
  static final String INVALID_MESSAGE =
      "The encoded authorization message is invalid or was not issued by this service.";

  @Override
  public void register(OperationRegistry registry) {
    registry.register("sts", "GetAccessKeyInfo", this::getAccessKeyInfo);
    registry.register(
        "sts",
        "DecodeAuthorizationMessage",
        this::decodeAuthorizationMessage,
        notJournalled(
            "AWS calls it Write, but it only reads; its input is not state after a restart"));
  }

  /**
   * Keys issued here (long-term or temporary, in any account) answer with their account. For any
   * other key ID the answer is the account encoded in the ID itself, as AWS does for keys it issued
   * since 2019: bits 1 to 40 of the Base32-decoded ID after its 4-letter prefix.
   */
  private Map<String, ?> getAccessKeyInfo(OperationCall call) {
    AccountState account = call.account();
    String keyId = call.params().string("AccessKeyId");
    AccountState owner = account.directory().ownerOfKey(keyId);
    if (owner != null) {
      return Struct.of("Account", owner.accountId());
    }
    if (account.accessKeys().containsKey(keyId) || Sessions.of(account).get(keyId) != null) {
      return Struct.of("Account", account.accountId());
    }
    return Struct.of("Account", accountEncodedIn(keyId));
  }

  static String accountEncodedIn(String keyId) {
    long accountId = IdGenerator.accountEncodedIn(keyId);
    if (accountId < 0) {
      throw new AwsServiceException(
          AwsErrorCode.INVALID_PARAMETER_VALUE, "The access key ID " + keyId + " is not valid.");
    }
    return String.format("%012d", accountId);
  }

  private Map<String, ?> decodeAuthorizationMessage(OperationCall call) {
    String decoded =
        AuthorizationMessages.of(call.account()).decode(call.params().string("EncodedMessage"));
    if (decoded == null) {
      throw new AwsServiceException(AwsErrorCode.INVALID_AUTHORIZATION_MESSAGE, INVALID_MESSAGE);
    }
    return Struct.of("DecodedMessage", decoded);
  }
}
