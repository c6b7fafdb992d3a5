package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

class MfaDevicesIT extends WireTest {

  private VirtualMFADevice create(String name) {
    return iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(name)).virtualMFADevice();
  }

  private static String seedOf(VirtualMFADevice device) {
    return device.base32StringSeed().asString(StandardCharsets.US_ASCII);
  }

  private void enable(String user, VirtualMFADevice device) {
    TotpCodes codes = new TotpCodes(seedOf(device));
    long step = TotpCodes.stepNow();
    iam.enableMFADevice(
        r ->
            r.userName(user)
                .serialNumber(device.serialNumber())
                .authenticationCode1(codes.at(step - 1))
                .authenticationCode2(codes.at(step)));
  }

  @Test
  void createReturnsARealSeedAndQrCode() throws Exception {
    VirtualMFADevice device = create("alice-phone");
    assertThat(device.serialNumber()).isEqualTo("arn:aws:iam::123456789012:mfa/alice-phone");
    assertThat(seedOf(device)).hasSize(64).matches("[A-Z2-7]+");
    byte[] png = device.qrCodePNG().asByteArray();
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isGreaterThan(100);
  }

  @Test
  void enableWithTwoConsecutiveTotpCodes() {
    iam.createUser(r -> r.userName("alice"));
    VirtualMFADevice device = create("alice-phone");
    enable("alice", device);

    MFADevice listed = iam.listMFADevices(r -> r.userName("alice")).mfaDevices().get(0);
    assertThat(listed.serialNumber()).isEqualTo(device.serialNumber());
    assertThat(listed.userName()).isEqualTo("alice");
    assertThat(listed.enableDate()).isNotNull();
    var got = iam.getMFADevice(r -> r.userName("alice").serialNumber(device.serialNumber()));
    assertThat(got.userName()).isEqualTo("alice");
    assertThat(got.enableDate()).isNotNull();

    var assigned =
        iam.listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED))
            .virtualMFADevices();
    assertThat(assigned)
        .extracting(VirtualMFADevice::serialNumber)
        .containsExactly(device.serialNumber());
    assertThat(assigned.get(0).user().userName()).isEqualTo("alice");
    assertThat(assigned.get(0).base32StringSeed()).isNull();
    assertThat(
            iam.listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.UNASSIGNED))
                .virtualMFADevices())
        .isEmpty();
  }

  @Test
  void wrongOrSwappedCodesAreInvalidAuthenticationCode() {
    iam.createUser(r -> r.userName("alice"));
    VirtualMFADevice device = create("alice-phone");
    TotpCodes codes = new TotpCodes(seedOf(device));
    long step = TotpCodes.stepNow();
    for (String[] pair :
        new String[][] {
          {"123456", "654321"},
          {codes.at(step), codes.at(step - 1)},
          {codes.at(step - 40), codes.at(step - 39)}
        }) {
      IamException e =
          catchThrowableOfType(
              () ->
                  iam.enableMFADevice(
                      r ->
                          r.userName("alice")
                              .serialNumber(device.serialNumber())
                              .authenticationCode1(pair[0])
                              .authenticationCode2(pair[1])),
              IamException.class);
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAuthenticationCode");
    }
    assertThat(iam.listMFADevices(r -> r.userName("alice")).mfaDevices()).isEmpty();
  }

  @Test
  void enabledDeviceBlocksDeleteUserAndDeleteDevice() {
    iam.createUser(r -> r.userName("bob"));
    VirtualMFADevice device = create("bob-phone");
    enable("bob", device);
    IamException user =
        catchThrowableOfType(() -> iam.deleteUser(r -> r.userName("bob")), IamException.class);
    assertThat(user.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");
    assertThat(user.awsErrorDetails().errorMessage())
        .isEqualTo("Cannot delete entity, must delete MFA device first.");
    IamException dev =
        catchThrowableOfType(
            () -> iam.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber())),
            IamException.class);
    assertThat(dev.statusCode()).isEqualTo(409);
    assertThat(dev.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");

    iam.deactivateMFADevice(r -> r.userName("bob").serialNumber(device.serialNumber()));
    assertThat(
            iam.listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.UNASSIGNED))
                .virtualMFADevices())
        .hasSize(1);
    iam.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber()));
    iam.deleteUser(r -> r.userName("bob"));
    IamException gone =
        catchThrowableOfType(
            () -> iam.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber())),
            IamException.class);
    assertThat(gone.statusCode()).isEqualTo(404);
  }

  @Test
  void sameNameAndPathIsEntityAlreadyExists() {
    create("shared");
    IamException e = catchThrowableOfType(() -> create("shared"), IamException.class);
    assertThat(e.statusCode()).isEqualTo(409);
    assertThat(e.awsErrorDetails().errorMessage())
        .as("recorded from AWS")
        .isEqualTo("MFA device already exists.");
    VirtualMFADevice other =
        iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("shared").path("/team/"))
            .virtualMFADevice();
    assertThat(other.serialNumber()).isEqualTo("arn:aws:iam::123456789012:mfa/team/shared");
  }

  @Test
  void resyncAcceptsCodesFromADriftedClock() {
    iam.createUser(r -> r.userName("carol"));
    VirtualMFADevice device = create("carol-phone");
    enable("carol", device);
    TotpCodes codes = new TotpCodes(seedOf(device));
    long step = TotpCodes.stepNow();
    iam.resyncMFADevice(
        r ->
            r.userName("carol")
                .serialNumber(device.serialNumber())
                .authenticationCode1(codes.at(step + 10))
                .authenticationCode2(codes.at(step + 11)));
    IamException e =
        catchThrowableOfType(
            () ->
                iam.resyncMFADevice(
                    r ->
                        r.userName("carol")
                            .serialNumber(device.serialNumber())
                            .authenticationCode1("111111")
                            .authenticationCode2("222222")),
            IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAuthenticationCode");
  }

  @Test
  void callersListTheirOwnDevices() {
    var key = userWithKey("dave");
    allow("dave", "iam:ListMFADevices");
    VirtualMFADevice device = create("dave-phone");
    enable("dave", device);
    try (IamClient asDave = Clients.iam(endpoint(), credentialsOf(key))) {
      assertThat(asDave.listMFADevices().mfaDevices())
          .extracting(MFADevice::serialNumber)
          .containsExactly(device.serialNumber());
    }
    assertThat(iam.listMFADevices().mfaDevices()).isEmpty();
  }

  @Test
  void devicesAreTagged() {
    VirtualMFADevice device =
        iam.createVirtualMFADevice(
                r ->
                    r.virtualMFADeviceName("tagged")
                        .tags(Tag.builder().key("owner").value("ops").build()))
            .virtualMFADevice();
    assertThat(device.tags()).containsExactly(Tag.builder().key("owner").value("ops").build());
    iam.tagMFADevice(
        r ->
            r.serialNumber(device.serialNumber())
                .tags(Tag.builder().key("env").value("dev").build()));
    assertThat(iam.listMFADeviceTags(r -> r.serialNumber(device.serialNumber())).tags())
        .extracting(Tag::key)
        .containsExactly("owner", "env");
    iam.untagMFADevice(r -> r.serialNumber(device.serialNumber()).tagKeys("owner"));
    assertThat(iam.listMFADeviceTags(r -> r.serialNumber(device.serialNumber())).tags())
        .extracting(Tag::key)
        .containsExactly("env");
    IamException e =
        catchThrowableOfType(
            () -> iam.listMFADeviceTags(r -> r.serialNumber("arn:aws:iam::123456789012:mfa/none")),
            IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
  }
}
