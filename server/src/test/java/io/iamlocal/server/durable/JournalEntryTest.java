package io.iamlocal.server.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

  @Test
  void operationRoundTripsWithItsTape() throws IOException {
    Map<String, String> params =
        new TreeMap<>(Map.of("Action", "CreateUser", "UserName", "zoë", "Path", "/a/"));
    JournalEntry entry =
        new JournalEntry(
            JournalEntry.Kind.OPERATION,
            "iam",
            "CreateUser",
            new JournalEntry.CallerRef(JournalEntry.CallerMode.BY_ACCESS_KEY, "AKIAEXAMPLE"),
            "us-east-1",
            "req-1",
            "10.0.0.1",
            true,
            null,
            io.iamlocal.server.authz.EnforcementMode.SOFT,
            params,
            null,
            List.of(
                Instant.parse("2024-05-01T10:15:30.123456789Z"),
                "ABCDEFGHIJKLMNOPQ",
                new byte[] {1, 2, 3}));
    JournalEntry back = JournalEntry.decode(entry.encode());
    assertThat(back.kind()).isEqualTo(JournalEntry.Kind.OPERATION);
    assertThat(back.params()).isEqualTo(params);
    assertThat(back.caller()).isEqualTo(entry.caller());
    assertThat(back.userAgent()).isNull();
    assertThat(back.secureTransport()).isTrue();
    assertThat(back.enforcement()).isEqualTo(io.iamlocal.server.authz.EnforcementMode.SOFT);
    assertThat(back.tape()).hasSize(3);
    assertThat(back.tape().get(0)).isEqualTo(Instant.parse("2024-05-01T10:15:30.123456789Z"));
    assertThat(back.tape().get(1)).isEqualTo("ABCDEFGHIJKLMNOPQ");
    assertThat((byte[]) back.tape().get(2)).containsExactly(1, 2, 3);
  }

  @Test
  void operationsNameTheirAccount() throws IOException {
    JournalEntry entry =
        new JournalEntry(
            JournalEntry.Kind.OPERATION,
            "iam",
            "CreateUser",
            new JournalEntry.CallerRef(JournalEntry.CallerMode.ROOT, "111111111111"),
            "cn-north-1",
            "req-2",
            null,
            false,
            null,
            io.iamlocal.server.authz.EnforcementMode.STRICT,
            Map.of("UserName", "a"),
            null,
            List.of(),
            new JournalEntry.AccountRef("aws-cn", "111111111111"));
    assertThat(JournalEntry.decode(entry.encode()).account())
        .isEqualTo(new JournalEntry.AccountRef("aws-cn", "111111111111"));
    JournalEntry defaultAccount =
        new JournalEntry(
            JournalEntry.Kind.OPERATION,
            "iam",
            "CreateUser",
            new JournalEntry.CallerRef(JournalEntry.CallerMode.ROOT, "test"),
            "us-east-1",
            "req-3",
            null,
            false,
            null,
            io.iamlocal.server.authz.EnforcementMode.STRICT,
            Map.of("UserName", "a"),
            null,
            List.of());
    assertThat(JournalEntry.decode(defaultAccount.encode()).account()).isNull();
  }

  @Test
  void entriesWrittenBeforeTheModeWasJournalledReplayAsStrict() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.writeByte(1); // format 1: no enforcement mode
      out.writeByte(JournalEntry.Kind.OPERATION.ordinal());
      for (String s : new String[] {"sts", "AssumeRole"}) {
        writeString(out, s);
      }
      out.writeByte(JournalEntry.CallerMode.ROOT.ordinal());
      for (String s : new String[] {"test", "us-east-1", "req-1", "127.0.0.1"}) {
        writeString(out, s);
      }
      out.writeBoolean(false);
      writeString(out, null);
      out.writeInt(0);
      out.writeInt(0);
    }
    JournalEntry old = JournalEntry.decode(bytes.toByteArray());
    assertThat(old.operation()).isEqualTo("AssumeRole");
    assertThat(old.enforcement()).isEqualTo(io.iamlocal.server.authz.EnforcementMode.STRICT);
  }

  private static void writeString(java.io.DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  @Test
  void seedAndResetRoundTrip() throws IOException {
    assertThat(
            JournalEntry.decode(JournalEntry.seed("{\"users\":[]}", List.of()).encode()).document())
        .isEqualTo("{\"users\":[]}");
    assertThat(JournalEntry.decode(JournalEntry.reset(List.of(Instant.EPOCH)).encode()).tape())
        .containsExactly(Instant.EPOCH);
  }

  @Test
  void truncatedOrForeignBytesAreRefused() {
    byte[] bytes = JournalEntry.seed("{\"users\":[]}", List.of("x")).encode();
    assertThatThrownBy(() -> JournalEntry.decode(Arrays.copyOf(bytes, bytes.length - 1)))
        .isInstanceOf(IOException.class);
    byte[] future = bytes.clone();
    future[0] = 9;
    assertThatThrownBy(() -> JournalEntry.decode(future))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format 9");
  }
}
