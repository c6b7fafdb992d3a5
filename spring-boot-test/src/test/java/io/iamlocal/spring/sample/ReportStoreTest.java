package io.iamlocal.spring.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamlocal.spring.AutoConfigureIamLocal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.services.s3.S3Client;

@SpringBootTest
@AutoConfigureIamLocal // a server for this context; spring.cloud.aws.* point at it
class ReportStoreTest {
  @Autowired S3Client s3; // the application's client, auto-configured by Spring Cloud AWS

  @Test
  void storesReports() {
    s3.createBucket(r -> r.bucket("invoices"));
    assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("invoices")));
  }
}
