from localstack.utils.strings import short_uid, to_str  # noqa: F401
