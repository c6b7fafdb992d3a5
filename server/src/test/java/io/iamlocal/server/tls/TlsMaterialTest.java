package io.iamlocal.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.server.TransportConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {

  @Test
  void selfSignedServerCertificateIsIssuedByTheWrittenCaForLocalNames(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("ca.pem");
    TlsMaterial tls = TlsMaterial.of(TransportConfig.Tls.selfSigned(out), "0.0.0.0");
    assertThat(tls.trustFile()).isEqualTo(out);
    X509Certificate ca;
    try (var in = Files.newInputStream(out)) {
      ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    X509Certificate leaf = tls.chain().get(0);
    leaf.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    List<String> names =
        leaf.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
    assertThat(names).contains("localhost", "127.0.0.1").noneMatch(n -> n.startsWith("0.0.0.0"));
    assertThat(Files.readString(out)).contains("BEGIN CERTIFICATE").doesNotContain("PRIVATE KEY");
    assertThat(tls.serverContext().isServer()).isTrue();
  }

  @Test
  void aCustomHostIsNamedToo(@TempDir Path dir) throws Exception {
    TlsMaterial tls =
        TlsMaterial.of(TransportConfig.Tls.selfSigned(dir.resolve("ca.pem")), "iam.local.test");
    assertThat(
            tls.chain().get(0).getSubjectAlternativeNames().stream()
                .map(n -> String.valueOf(n.get(1))))
        .contains("iam.local.test");
  }

  @Test
  void aKeyFileWithoutAKeyIsRefusedWithoutEchoingIt(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    TlsMaterial.of(TransportConfig.Tls.selfSigned(cert), "127.0.0.1");
    Path notAKey = dir.resolve("key.pem");
    Files.writeString(notAKey, Files.readString(cert));
    assertThatThrownBy(() -> TlsMaterial.of(TransportConfig.Tls.files(cert, notAKey), "127.0.0.1"))
        .hasMessageContaining("no unencrypted PEM private key")
        .hasMessageNotContaining("BEGIN");
  }
}
