package io.iamlocal.junit5.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iamlocal.junit5.IamLocalTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

@IamLocalTest(resetBetweenTests = true) // one server for the class, wiped before each test
class UserServiceTest {
  @Test
  void createsUsers(IamClient iam, StsClient sts) { // AWS SDK v2 clients signed as the root user
    iam.createUser(r -> r.userName("alice"));
    assertEquals(1, iam.listUsers().users().size());
    assertEquals("123456789012", sts.getCallerIdentity().account());
  }
}
