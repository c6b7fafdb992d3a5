package io.iamlocal.it;

import static io.iamlocal.it.IamErrors.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ServerCertificate;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UploadServerCertificateResponse;

class ServerCertificatesIT extends WireTest {
  private static final KeyPair ROOT_KEY = TestCertificates.rsa(2048);
  private static final X509Certificate ROOT =
      TestCertificates.selfSigned(ROOT_KEY, "Test Root CA", Duration.ofDays(3650));
  private static final KeyPair INTERMEDIATE_KEY = TestCertificates.rsa(2048);
  private static final X509Certificate INTERMEDIATE =
      TestCertificates.issue(
          INTERMEDIATE_KEY, "Test Intermediate", ROOT, ROOT_KEY.getPrivate(), true);
  private static final KeyPair LEAF_KEY = TestCertificates.rsa(2048);
  private static final X509Certificate LEAF =
      TestCertificates.issue(
          LEAF_KEY, "www.example.com", INTERMEDIATE, INTERMEDIATE_KEY.getPrivate(), false);

  private UploadServerCertificateResponse uploadLeaf(String name) {
    return iam.uploadServerCertificate(
        r ->
            r.serverCertificateName(name)
                .certificateBody(TestCertificates.pem(LEAF))
                .privateKey(TestCertificates.pem(LEAF_KEY.getPrivate())));
  }

  @Test
  void uploadWithChainPathAndTagsThenGetItBackWithoutThePrivateKey() {
    String chain = TestCertificates.pem(INTERMEDIATE) + TestCertificates.pem(ROOT);
    UploadServerCertificateResponse upload =
        iam.uploadServerCertificate(
            r ->
                r.serverCertificateName("www")
                    .path("/cloudfront/")
                    .certificateBody(TestCertificates.pem(LEAF))
                    .privateKey(TestCertificates.pkcs8(LEAF_KEY.getPrivate()))
                    .certificateChain(chain)
                    .tags(Tag.builder().key("env").value("test").build()));
    ServerCertificateMetadata metadata = upload.serverCertificateMetadata();
    assertThat(metadata.arn())
        .isEqualTo("arn:aws:iam::123456789012:server-certificate/cloudfront/www");
    assertThat(metadata.path()).isEqualTo("/cloudfront/");
    assertThat(metadata.serverCertificateId()).startsWith("ASCA").hasSize(21);
    assertThat(metadata.expiration())
        .isEqualTo(LEAF.getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS));
    assertThat(metadata.uploadDate()).isNotNull();
    assertThat(upload.tags()).containsExactly(Tag.builder().key("env").value("test").build());

    ServerCertificate got =
        iam.getServerCertificate(r -> r.serverCertificateName("WWW")).serverCertificate();
    assertThat(got.serverCertificateMetadata()).isEqualTo(metadata);
    assertThat(got.certificateBody()).isEqualTo(TestCertificates.pem(LEAF).strip());
    assertThat(got.certificateChain()).isEqualTo(chain.strip());
    assertThat(got.tags()).containsExactly(Tag.builder().key("env").value("test").build());
  }

  @Test
  void getOfACertificateWithoutTagsStillListsEmptyTags() {
    uploadLeaf("plain");
    ServerCertificate got =
        iam.getServerCertificate(r -> r.serverCertificateName("plain")).serverCertificate();
    assertThat(got.certificateChain()).isNull();
    assertThat(got.hasTags()).isTrue();
    assertThat(got.tags()).isEmpty();
  }

  @Test
  void keyMustMatchAndEverythingMustParse() {
    String body = TestCertificates.pem(LEAF);
    expect(
        () ->
            iam.uploadServerCertificate(
                r ->
                    r.serverCertificateName("c")
                        .certificateBody(body)
                        .privateKey(TestCertificates.pem(ROOT_KEY.getPrivate()))),
        "KeyPairMismatch",
        400,
        "The request was rejected because the public key certificate and the private key do not match.");
    expect(
        () ->
            iam.uploadServerCertificate(
                r ->
                    r.serverCertificateName("c")
                        .certificateBody("garbage")
                        .privateKey(TestCertificates.pem(LEAF_KEY.getPrivate()))),
        "MalformedCertificate",
        400,
        "Unable to parse certificate. Please ensure the certificate is in PEM format.");
    expect(
        () ->
            iam.uploadServerCertificate(
                r -> r.serverCertificateName("c").certificateBody(body).privateKey("not a key")),
        "MalformedCertificate",
        400,
        "Unable to parse private key. Please ensure the private key is in PEM format and not encrypted.");
    // The chain must start with the certificate that signed the body.
    expect(
        () ->
            iam.uploadServerCertificate(
                r ->
                    r.serverCertificateName("c")
                        .certificateBody(body)
                        .privateKey(TestCertificates.pem(LEAF_KEY.getPrivate()))
                        .certificateChain(
                            TestCertificates.pem(ROOT) + TestCertificates.pem(INTERMEDIATE))),
        "MalformedCertificate",
        400,
        "Unable to validate certificate chain. The certificate chain must start with the immediate signing "
            + "certificate, followed by any intermediaries in order. The index within the chain of the invalid certificate is: 0");
    assertThat(iam.listServerCertificates().serverCertificateMetadataList()).isEmpty();
  }

  @Test
  void namesAreUniqueAndUnknownNamesAreNotFound() {
    uploadLeaf("dup");
    expect(
        () -> uploadLeaf("DUP"),
        "EntityAlreadyExists",
        409,
        "The Server Certificate with name DUP already exists.");
    expect(
        () -> iam.getServerCertificate(r -> r.serverCertificateName("nonexistent-certificate")),
        "NoSuchEntity",
        404,
        "The Server Certificate with name nonexistent-certificate cannot be found.");
    expect(
        () -> iam.deleteServerCertificate(r -> r.serverCertificateName("nonexistent-certificate")),
        "NoSuchEntity",
        404,
        "The Server Certificate with name nonexistent-certificate cannot be found.");
  }

  @Test
  void updateRenamesAndMoves() {
    uploadLeaf("old");
    uploadLeaf("taken");
    iam.updateServerCertificate(
        r -> r.serverCertificateName("old").newServerCertificateName("new").newPath("/moved/"));
    ServerCertificateMetadata moved =
        iam.getServerCertificate(r -> r.serverCertificateName("new"))
            .serverCertificate()
            .serverCertificateMetadata();
    assertThat(moved.arn()).isEqualTo("arn:aws:iam::123456789012:server-certificate/moved/new");
    assertThat(moved.path()).isEqualTo("/moved/");
    expect(
        () -> iam.getServerCertificate(r -> r.serverCertificateName("old")),
        "NoSuchEntity",
        404,
        "The Server Certificate with name old cannot be found.");
    expect(
        () ->
            iam.updateServerCertificate(
                r -> r.serverCertificateName("new").newServerCertificateName("taken")),
        "EntityAlreadyExists",
        409,
        "The Server Certificate with name taken already exists.");
    iam.deleteServerCertificate(r -> r.serverCertificateName("new"));
    assertThat(iam.listServerCertificates().serverCertificateMetadataList())
        .extracting(ServerCertificateMetadata::serverCertificateName)
        .containsExactly("taken");
  }

  @Test
  void listFiltersByPathPrefixAndPages() {
    for (int i = 0; i < 5; i++) {
      String name = "cert" + i;
      String path = i % 2 == 0 ? "/even/" : "/odd/";
      iam.uploadServerCertificate(
          r ->
              r.serverCertificateName(name)
                  .path(path)
                  .certificateBody(TestCertificates.pem(LEAF))
                  .privateKey(TestCertificates.pem(LEAF_KEY.getPrivate())));
    }
    var first = iam.listServerCertificates(r -> r.maxItems(2));
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.serverCertificateMetadataList())
        .extracting(ServerCertificateMetadata::serverCertificateName)
        .containsExactly("cert0", "cert1");
    List<String> even =
        iam
            .listServerCertificatesPaginator(r -> r.pathPrefix("/even/").maxItems(1))
            .serverCertificateMetadataList()
            .stream()
            .map(ServerCertificateMetadata::serverCertificateName)
            .toList();
    assertThat(even).containsExactly("cert0", "cert2", "cert4");
  }

  @Test
  void tagsAreAddedRemovedListedAndCappedAtFifty() {
    uploadLeaf("tagged");
    iam.tagServerCertificate(
        r ->
            r.serverCertificateName("tagged")
                .tags(
                    Tag.builder().key("a").value("1").build(),
                    Tag.builder().key("b").value("2").build()));
    iam.untagServerCertificate(r -> r.serverCertificateName("tagged").tagKeys("a"));
    assertThat(iam.listServerCertificateTags(r -> r.serverCertificateName("tagged")).tags())
        .containsExactly(Tag.builder().key("b").value("2").build());
    List<Tag> more =
        IntStream.range(0, 49)
            .mapToObj(i -> Tag.builder().key("k" + i).value("v").build())
            .toList();
    iam.tagServerCertificate(r -> r.serverCertificateName("tagged").tags(more));
    expect(
        () ->
            iam.tagServerCertificate(
                r ->
                    r.serverCertificateName("tagged")
                        .tags(Tag.builder().key("one-more").value("v").build())),
        "LimitExceeded",
        409,
        "The number of tags has reached the maximum limit.");
    expect(
        () -> iam.listServerCertificateTags(r -> r.serverCertificateName("nope")),
        "NoSuchEntity",
        404,
        "The Server Certificate with name nope cannot be found.");
  }

  @Test
  void twentyCertificatesPerAccount() {
    for (int i = 0; i < 20; i++) {
      uploadLeaf("c" + i);
    }
    expect(
        () -> uploadLeaf("c20"),
        "LimitExceeded",
        409,
        "Cannot exceed quota for ServerCertificatesPerAccount: 20");
  }
}
