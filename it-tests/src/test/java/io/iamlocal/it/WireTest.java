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

  /** A new user with one access key; returns the key. */
  protected AccessKey userWithKey(String userName) {
    iam.createUser(r -> r.userName(userName));
    return iam.createAccessKey(r -> r.userName(userName)).accessKey();
  }
}
