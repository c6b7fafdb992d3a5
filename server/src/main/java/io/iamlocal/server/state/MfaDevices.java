package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The virtual MFA devices of an account, by serial number (compared case-insensitively, like IAM
 * names), and the TOTP checks behind EnableMFADevice, ResyncMFADevice and, for STS, MFA-
 * authenticated calls ({@link #verifyCode}). Guarded by the account lock, except that {@link
 * #verifyCode} synchronizes on the device so that a read-locked STS call can use it.
 */
public final class MfaDevices {
  /** Steps either side of now accepted when enabling (AWS tolerates small clock differences). */
  static final int ENABLE_WINDOW = 2;

  /** Steps either side searched by ResyncMFADevice, for a device whose clock has drifted. */
  static final int RESYNC_WINDOW = 40;

  /** Steps either side of the device's known drift accepted for a sign-in code. */
  static final int VERIFY_WINDOW = 1;

  /** AWS allows up to 8 MFA devices per user. */
  public static final int DEVICES_PER_USER = 8;

  private final NavigableMap<String, VirtualMfaDevice> bySerial = new TreeMap<>();

  public static MfaDevices of(AccountState account) {
    return account.extension(MfaDevices.class, a -> new MfaDevices());
  }

  public VirtualMfaDevice get(String serialNumber) {
    return serialNumber == null ? null : bySerial.get(NamedStore.key(serialNumber));
  }

  public boolean contains(String serialNumber) {
    return bySerial.containsKey(NamedStore.key(serialNumber));
  }

  public void put(VirtualMfaDevice device) {
    bySerial.put(NamedStore.key(device.serialNumber()), device);
  }

  public VirtualMfaDevice remove(String serialNumber) {
    return bySerial.remove(NamedStore.key(serialNumber));
  }

  public int size() {
    return bySerial.size();
  }

  /** All devices in serial-number order. */
  public List<VirtualMfaDevice> all() {
    return new ArrayList<>(bySerial.values());
  }

  /** The devices assigned to a user, oldest enablement first. */
  public List<VirtualMfaDevice> assignedTo(User user) {
    List<VirtualMfaDevice> out = new ArrayList<>();
    for (VirtualMfaDevice device : bySerial.values()) {
      if (device.user() == user) {
        out.add(device);
      }
    }
    out.sort(
        java.util.Comparator.comparing(VirtualMfaDevice::enableDate)
            .thenComparing(VirtualMfaDevice::serialNumber));
    return out;
  }

  /** How many devices are assigned to a user (GetAccountSummary's MFADevicesInUse). */
  public int assignedCount() {
    int n = 0;
    for (VirtualMfaDevice device : bySerial.values()) {
      if (device.isAssigned()) {
        n++;
      }
    }
    return n;
  }

  public boolean hasAssigned(User user) {
    for (VirtualMfaDevice device : bySerial.values()) {
      if (device.user() == user) {
        return true;
      }
    }
    return false;
  }

  /** EnableMFADevice: two consecutive codes near now, then the device belongs to {@code user}. */
  public void enable(VirtualMfaDevice device, User user, String code1, String code2, Instant now) {
    long step = Totp.findConsecutive(device.secret(), code1, code2, Totp.step(now), ENABLE_WINDOW);
    if (step == Long.MIN_VALUE) {
      throw invalidCode();
    }
    device.assign(user, now, step + 1 - Totp.step(now), step + 1);
  }

  /** ResyncMFADevice: two consecutive codes within a wide window; remembers the drift found. */
  public void resync(VirtualMfaDevice device, String code1, String code2, Instant now) {
    long center = Totp.step(now);
    long step = Totp.findConsecutive(device.secret(), code1, code2, center, RESYNC_WINDOW);
    if (step == Long.MIN_VALUE) {
      throw invalidCode();
    }
    device.resync(step + 1 - center, step + 1);
  }

  public void deactivate(VirtualMfaDevice device) {
    device.unassign();
  }

  /**
   * Checks a sign-in code for an assigned device (for STS GetSessionToken, AssumeRole and the
   * like): true when {@code code} is the device's code for now, allowing one step of clock
   * difference around the drift ResyncMFADevice measured, and not a code already used.
   */
  public boolean verifyCode(String serialNumber, String code, Instant now) {
    VirtualMfaDevice device = get(serialNumber);
    if (device == null || code == null) {
      return false;
    }
    synchronized (device) {
      if (!device.isAssigned()) {
        return false;
      }
      long step =
          Totp.find(device.secret(), code, Totp.step(now) + device.driftSteps(), VERIFY_WINDOW);
      if (step == Long.MIN_VALUE || step <= device.lastUsedStep()) {
        return false;
      }
      device.markUsed(step);
      return true;
    }
  }

  public static AwsServiceException invalidCode() {
    return new AwsServiceException(
        AwsErrorCode.INVALID_AUTHENTICATION_CODE, "Authentication code for device is not valid.");
  }
}
