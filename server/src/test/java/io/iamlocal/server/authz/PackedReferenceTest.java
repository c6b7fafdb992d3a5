package io.iamlocal.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.protocol.json.PackedJson;
import io.iamlocal.protocol.json.PlainJson;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The build packs the authorization reference (process-classes); the server reads that file. */
class PackedReferenceTest {
  @Test
  void theBuildsPackedReferenceHoldsItsJson() throws Exception {
    String path = "reference/iam.json";
    Object fromJson;
    try (InputStream in = AuthorizationReference.class.getResourceAsStream(path)) {
      fromJson = PlainJson.read(in);
    }
    try (InputStream packed =
        AuthorizationReference.class.getResourceAsStream(path + PackedJson.SUFFIX)) {
      assertThat(packed).as("packed by the build: " + path).isNotNull();
      assertThat(PackedJson.read(packed)).isEqualTo(fromJson);
    }
    assertThat(PackedJson.resource(AuthorizationReference.class, path)).isEqualTo(fromJson);
  }
}
