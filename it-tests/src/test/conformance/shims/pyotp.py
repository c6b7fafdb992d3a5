"""Time-based one-time codes (RFC 6238, 6 digits, 30 s) for the recorded MFA tests, when pyotp is absent."""
import base64
import hashlib
import hmac
import struct
import time


class TOTP:
    def __init__(self, secret):
        text = secret.decode("ascii") if isinstance(secret, bytes) else secret
        self._key = base64.b32decode(text + "=" * (-len(text) % 8))

    def at(self, for_time, counter_offset=0):
        moment = for_time.timestamp() if hasattr(for_time, "timestamp") else for_time
        counter = int(moment) // 30 + counter_offset
        digest = hmac.new(self._key, struct.pack(">Q", counter), hashlib.sha1).digest()
        offset = digest[-1] & 0x0F
        return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)

    def now(self):
        return self.at(time.time())
