package io.iamlocal.it;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

/** Base of the wire tests: a fresh server state and root-credential clients for each test. */
public abstract class WireTest {
  protected final IamLocalProcess server = IamLocalProcess.shared();
  protected IamClient iam;
  protected StsClient sts;

  @BeforeEach
  void resetServerAndConnect() {
    server.reset();
    iam = Clients.iam(endpoint(), Clients.root());
    sts = Clients.sts(endpoint(), Clients.root());
  }

  @AfterEach
  void closeClients() {
    iam.close();
    sts.close();
  }

  protected URI endpoint() {
    return server.endpoint();
  }

  protected static AwsCredentials credentialsOf(AccessKey key) {
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  /**
   * Gives a user an inline policy allowing {@code actions} on every resource: IAMLocal enforces IAM
   * policies, so a user without one may do nothing (except GetCallerIdentity).
   */
  protected void allow(String userName, String... actions) {
    StringBuilder list = new StringBuilder();
    for (String action : actions) {
      list.append(list.length() == 0 ? "" : ",").append('"').append(action).append('"');
    }
    iam.putUserPolicy(
        r ->
            r.userName(userName)
                .policyName("allow-" + actions.length + "-" + Math.abs(list.toString().hashCode()))
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                        + list
                        + "],\"Resource\":\"*\"}]}"));
  }

  /**
   * A new user allowed to read IAM (AWS's IAMReadOnlyAccess), with one access key; returns the key.
   */
  protected AccessKey readerWithKey(String userName) {
    AccessKey key = userWithKey(userName);
    iam.attachUserPolicy(
        r -> r.userName(userName).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
    return key;
  }

  /** A new user with one access key; returns the key. */
  protected AccessKey userWithKey(String userName) {
    iam.createUser(r -> r.userName(userName));
    return iam.createAccessKey(r -> r.userName(userName)).accessKey();
  }
}
