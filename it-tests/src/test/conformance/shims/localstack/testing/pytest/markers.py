"""The recorder's markers. `only_localstack` tests have no AWS recording and are not run;
`skip_snapshot_verify` named paths LocalStack's emulator got wrong, so IAMLocal verifies them all."""

ONLY_LOCALSTACK = "_conformance_only_localstack"


import pytest


class _Marker:
    def __init__(self, tag=None):
        self._tag = tag

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and callable(args[0]) and not kwargs:
            if self._tag:
                setattr(args[0], self._tag, True)
            return args[0]
        return pytest.mark.recorder_note(*args, **kwargs)  # a mark, usable in pytest.param(marks=...) too


class aws:  # noqa: N801 - the recorded tests spell it markers.aws.validated
    validated = _Marker()
    unknown = _Marker()
    needs_fixing = _Marker()
    only_localstack = _Marker(ONLY_LOCALSTACK)


class snapshot:  # noqa: N801
    skip_snapshot_verify = _Marker()
