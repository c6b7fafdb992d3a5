package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MfaDevicesTest {
  private final Instant now = Instant.parse("2024-05-01T12:00:10Z");
  private final AccountState account =
      new AccountState("123456789012", Clock.fixed(now, ZoneOffset.UTC), new IdGenerator());
  private final User alice =
      new User(Partition.AWS, "123456789012", "alice", "/", "AIDAAAAAAAAAAAAAAAAAA", now);
  private final MfaDevices devices = MfaDevices.of(account);
  private final VirtualMfaDevice device =
      new VirtualMfaDevice(Partition.AWS, "123456789012", "/", "alice-phone", new byte[20]);

  @Test
  void serialNumberIsTheMfaArn() {
    assertThat(device.serialNumber()).isEqualTo("arn:aws:iam::123456789012:mfa/alice-phone");
  }

  @Test
  void enableNeedsTwoConsecutiveCurrentCodes() {
    devices.put(device);
    long step = Totp.step(now);
    assertThatThrownBy(() -> devices.enable(device, alice, code(step), code(step - 1), now))
        .isInstanceOf(AwsServiceException.class)
        .extracting(e -> ((AwsServiceException) e).errorCode())
        .isEqualTo(AwsErrorCode.INVALID_AUTHENTICATION_CODE);
    devices.enable(device, alice, code(step - 1), code(step), now);
    assertThat(device.user()).isSameAs(alice);
    assertThat(devices.hasAssigned(alice)).isTrue();
  }

  @Test
  void verifyCodeAcceptsTheNextCodeOnceAndRefusesReplays() {
    devices.put(device);
    long step = Totp.step(now);
    devices.enable(device, alice, code(step - 1), code(step), now);
    Instant later = now.plusSeconds(30);
    assertThat(devices.verifyCode(device.serialNumber(), code(step), later))
        .isFalse(); // already used to enable
    assertThat(devices.verifyCode(device.serialNumber(), code(step + 1), later)).isTrue();
    assertThat(devices.verifyCode(device.serialNumber(), code(step + 1), later)).isFalse();
    assertThat(devices.verifyCode(device.serialNumber(), "000000", later)).isFalse();
    assertThat(devices.verifyCode("arn:aws:iam::123456789012:mfa/nope", code(step + 1), later))
        .isFalse();
  }

  @Test
  void resyncLearnsTheDeviceDrift() {
    devices.put(device);
    long step = Totp.step(now);
    devices.enable(device, alice, code(step - 1), code(step), now);
    // The device's clock runs 20 steps (10 minutes) fast.
    devices.resync(device, code(step + 20), code(step + 21), now);
    assertThat(devices.verifyCode(device.serialNumber(), code(step + 22), now)).isTrue();
  }

  private String code(long step) {
    return Totp.code(new byte[20], step);
  }
}
