import uuid


def short_uid():
    return uuid.uuid4().hex[:8]


def to_str(value, encoding="utf-8"):
    return value.decode(encoding) if isinstance(value, bytes) else str(value)
