package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static io.iamlocal.server.dispatch.OperationSpec.tagAction;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.MfaDevices;
import io.iamlocal.server.state.Tags;
import io.iamlocal.server.state.User;
import io.iamlocal.server.state.VirtualMfaDevice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Virtual MFA devices: create (real Base32 seed and QR code), enable and resync with RFC 6238
 * codes, deactivate, delete, list, get and tag. Other code checks sign-in codes through {@link
 * MfaDevices#verifyCode}.
 */
public final class MfaOperations implements Operations {
  /** Virtual MFA devices per account equal the user quota (IAM quotas page). */
  static final int DEVICES_PER_ACCOUNT = UserOperations.USERS_PER_ACCOUNT;

  /** 40 random bytes: a 64-character Base32 seed, the length IAM returns. */
  static final int SEED_BYTES = 40;

  /** The model's path pattern, which AWS checks here with its own text (recorded). */
  private static final Pattern VALID_PATH = Pattern.compile("/|/[\\x21-\\x7E]+/");

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "CreateVirtualMFADevice",
        this::createVirtualMfaDevice,
        resource(
            ResourceForm.NEW_MFA,
            "VirtualMFADeviceName",
            "the device does not exist yet: its ARN is built from Path and VirtualMFADeviceName"),
        tagAction("iam:TagMFADevice"));
    registry.register("iam", "EnableMFADevice", this::enableMfaDevice);
    registry.register("iam", "ResyncMFADevice", this::resyncMfaDevice);
    registry.register("iam", "DeactivateMFADevice", this::deactivateMfaDevice);
    registry.register(
        "iam",
        "DeleteVirtualMFADevice",
        this::deleteVirtualMfaDevice,
        resource(
            ResourceForm.MFA,
            "SerialNumber",
            "the reference scopes it to no resource type, yet the request names the device by its serial number (ARN)"));
    registry.register(
        "iam",
        "ListMFADevices",
        this::listMfaDevices,
        resource(
            ResourceForm.USER,
            "UserName",
            "the reference scopes it to no resource type, yet AWS authorizes it against the user named (the caller when absent)"));
    registry.register(
        "iam",
        "ListVirtualMFADevices",
        this::listVirtualMfaDevices,
        resource(
            ResourceForm.LIST,
            "mfa",
            "AWS's AccessDenied for list calls names the path-prefix ARN (arn:aws:iam::ACCOUNT:mfa/), so policies scoped to it match; the reference lists no resource type"));
    registry.register("iam", "GetMFADevice", this::getMfaDevice);
    Function<OperationCall, Tags> tags =
        call ->
            virtualDevice(MfaDevices.of(call.account()), call.params().string("SerialNumber"))
                .tags();
    registry.register("iam", "TagMFADevice", TagHandlers.tag(tags, "TagsPerVirtualMFADevice"));
    registry.register("iam", "UntagMFADevice", TagHandlers.untag(tags));
    registry.register("iam", "ListMFADeviceTags", TagHandlers.list(tags));
  }

  private Map<String, ?> createVirtualMfaDevice(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    MfaDevices devices = MfaDevices.of(account);
    List<Tags.Tag> tags = TagParams.read(p);
    Tags.checkRequest(tags);
    if (!VALID_PATH.matcher(p.string("Path", "/")).matches()) {
      throw AwsServiceException.validation(
          "The specified value for path is invalid. It must begin and end with / "
              + "and contain only alphanumeric characters and/or / characters.");
    }
    VirtualMfaDevice device =
        new VirtualMfaDevice(
            account.partition(),
            account.accountId(),
            p.string("Path", "/"),
            p.string("VirtualMFADeviceName"),
            account.ids().randomBytes(SEED_BYTES));
    if (devices.contains(device.serialNumber())) {
      throw AwsServiceException.alreadyExists("MFA device already exists.");
    }
    if (devices.size() >= DEVICES_PER_ACCOUNT) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for VirtualMFADevicesPerAccount: " + DEVICES_PER_ACCOUNT);
    }
    device.tags().apply(tags, "TagsPerVirtualMFADevice");
    devices.put(device);
    String seed = device.base32Seed();
    return Struct.of(
        "VirtualMFADevice",
        new Struct()
            .with("SerialNumber", device.serialNumber())
            .with("Base32StringSeed", seed.getBytes(StandardCharsets.US_ASCII))
            .with("QRCodePNG", QrCodes.png(otpauthUri(device.name(), account.accountId(), seed)))
            .with(
                "Tags",
                tags.isEmpty()
                    ? null
                    : device.tags().list().stream().map(TagParams::view).toList()));
  }

  private Map<String, ?> enableMfaDevice(OperationCall call) {
    Params p = call.params();
    User user = IamUsers.require(call.account(), p.string("UserName"));
    MfaDevices devices = MfaDevices.of(call.account());
    VirtualMfaDevice device = virtualDevice(devices, p.string("SerialNumber"));
    if (device.isAssigned()) {
      throw AwsServiceException.alreadyExists("MFA Device is already in use.");
    }
    if (devices.assignedTo(user).size() >= MfaDevices.DEVICES_PER_USER) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for MFADevicesPerUser: " + MfaDevices.DEVICES_PER_USER);
    }
    devices.enable(
        device, user, p.string("AuthenticationCode1"), p.string("AuthenticationCode2"), call.now());
    return null;
  }

  private Map<String, ?> resyncMfaDevice(OperationCall call) {
    Params p = call.params();
    User user = IamUsers.require(call.account(), p.string("UserName"));
    MfaDevices devices = MfaDevices.of(call.account());
    VirtualMfaDevice device = assignedDevice(devices, user, p.string("SerialNumber"));
    devices.resync(
        device, p.string("AuthenticationCode1"), p.string("AuthenticationCode2"), call.now());
    return null;
  }

  private Map<String, ?> deactivateMfaDevice(OperationCall call) {
    User user = IamUsers.targetOrCaller(call, "UserName");
    MfaDevices devices = MfaDevices.of(call.account());
    devices.deactivate(assignedDevice(devices, user, call.params().string("SerialNumber")));
    return null;
  }

  private Map<String, ?> deleteVirtualMfaDevice(OperationCall call) {
    MfaDevices devices = MfaDevices.of(call.account());
    VirtualMfaDevice device = virtualDevice(devices, call.params().string("SerialNumber"));
    if (device.isAssigned()) {
      throw AwsServiceException.deleteConflict("MFA VirtualDevice in use. Must deactivate first.");
    }
    devices.remove(device.serialNumber());
    return null;
  }

  /**
   * The named user's devices, else the caller's; root's own list is empty (root MFA is
   * console-only).
   */
  private Map<String, ?> listMfaDevices(OperationCall call) {
    User user = IamUsers.targetOrCaller(call, "UserName");
    List<VirtualMfaDevice> assigned =
        user == null ? List.of() : MfaDevices.of(call.account()).assignedTo(user);
    return Pagination.page(
        call,
        assigned,
        "MFADevices",
        d ->
            new Struct()
                .with("UserName", d.user().userName())
                .with("SerialNumber", d.serialNumber())
                .with("EnableDate", d.enableDate()));
  }

  private Map<String, ?> listVirtualMfaDevices(OperationCall call) {
    String status = call.params().string("AssignmentStatus", "Any");
    List<VirtualMfaDevice> matching =
        MfaDevices.of(call.account()).all().stream()
            .filter(
                d ->
                    switch (status) {
                      case "Assigned" -> d.isAssigned();
                      case "Unassigned" -> !d.isAssigned();
                      default -> true;
                    })
            .toList();
    return Pagination.page(
        call,
        matching,
        "VirtualMFADevices",
        d ->
            new Struct()
                .with("SerialNumber", d.serialNumber())
                .with("User", d.isAssigned() ? UserViews.listed(d.user()) : null)
                .with("EnableDate", d.enableDate()));
  }

  private Map<String, ?> getMfaDevice(OperationCall call) {
    User user = IamUsers.targetOrCaller(call, "UserName");
    VirtualMfaDevice device =
        assignedDevice(MfaDevices.of(call.account()), user, call.params().string("SerialNumber"));
    return new Struct()
        .with("UserName", device.user().userName())
        .with("SerialNumber", device.serialNumber())
        .with("EnableDate", device.enableDate());
  }

  /**
   * The URI the QR code carries, in the form API_CreateVirtualMFADevice documents: {@code
   * otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String}; before the device is
   * assigned, AccountName is the account ID.
   */
  static String otpauthUri(String deviceName, String accountName, String base32Seed) {
    return "otpauth://totp/"
        + uriEncode(deviceName)
        + "@"
        + uriEncode(accountName)
        + "?secret="
        + base32Seed;
  }

  private static String uriEncode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static VirtualMfaDevice virtualDevice(MfaDevices devices, String serialNumber) {
    VirtualMfaDevice device = devices.get(serialNumber);
    if (device == null) {
      throw AwsServiceException.noSuchEntity(
          "MFA Device with serial number " + serialNumber + " does not exist.");
    }
    return device;
  }

  /** A device that is assigned to {@code user} (null for root, who has none here). */
  private static VirtualMfaDevice assignedDevice(
      MfaDevices devices, User user, String serialNumber) {
    VirtualMfaDevice device = devices.get(serialNumber);
    if (device == null || user == null || device.user() != user) {
      throw AwsServiceException.noSuchEntity(
          "MFA Device with serial number " + serialNumber + " does not exist.");
    }
    return device;
  }
}
