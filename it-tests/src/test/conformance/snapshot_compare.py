"""Compares IAMLocal's answers with AWS's recorded ones.

The recorder replaced values that vary per account or run by placeholders (`<user-id:1>`,
`<datetime>`, `<partition>`...). Here a placeholder stands for "some value": a recorded string
that is one placeholder accepts any present value, and placeholders inside a string (`User
<user-name:1> cannot be found.`) accept any text there while the rest must be equal. Everything
else must be equal: the same members present or absent, the same list lengths and order, the same
codes, messages and HTTP statuses. Response headers and request IDs are dropped, as the recorder did.
"""
import datetime
import re

PLACEHOLDER = re.compile(r"<(?:timestamp-[^<>\s]*|[a-z][a-z0-9_\-]*(?::[^<>\s]+)?)>")


class PlainReplacement:
    """The recorder's key_value transformer without reference replacement: the value under `key`
    became `replacement`, a fixed word."""

    def __init__(self, key, replacement):
        self.key = key
        self.replacement = replacement


def kebab(key):
    """The recorder's default replacement word for a key: CertificateBody -> certificate-body."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", key).lower()


def normalise(value, rewrites=()):
    """IAMLocal's answer in the recorded form: only the status kept of the response metadata, lists
    sorted where the recording's SortingTransformers sorted them, plain replacements made."""
    if isinstance(value, dict):
        result = {}
        for key, member in value.items():
            if key == "ResponseMetadata" and isinstance(member, dict):
                result[key] = {"HTTPHeaders": {}, "HTTPStatusCode": member.get("HTTPStatusCode")}
                continue
            member = normalise(member, rewrites)
            for rewrite in rewrites:
                if rewrite.key != key:
                    continue
                if isinstance(rewrite, PlainReplacement):
                    member = rewrite.replacement
                elif isinstance(member, list) and rewrite.sorting_fn:
                    member = sorted(member, key=rewrite.sorting_fn)
            result[key] = member
        return result
    if isinstance(value, list):
        return [normalise(member, rewrites) for member in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def differences(recorded, observed):
    """Every way the observed steps differ from the recorded ones, one line each (empty: equal)."""
    problems = []
    for step, answer in recorded.items():
        if step not in observed:
            problems.append(f"{step}: step not reached")
        else:
            _compare(f"{step}", answer, observed[step], problems)
    for step in observed:
        if step not in recorded:
            problems.append(f"{step}: step not in the recording")
    return problems


def _compare(path, recorded, observed, problems):
    if isinstance(recorded, dict):
        if not isinstance(observed, dict):
            problems.append(f"{path}: AWS answered a structure, IAMLocal {_show(observed)}")
            return
        for key in recorded:
            if key not in observed:
                problems.append(f"{path}.{key}: AWS sends it ({_show(recorded[key])}), IAMLocal leaves it out")
        for key in observed:
            if key not in recorded:
                problems.append(f"{path}.{key}: AWS leaves it out, IAMLocal sends {_show(observed[key])}")
        for key in recorded:
            if key in observed:
                _compare(f"{path}.{key}", recorded[key], observed[key], problems)
    elif isinstance(recorded, list):
        if not isinstance(observed, list):
            problems.append(f"{path}: AWS answered a list, IAMLocal {_show(observed)}")
        elif len(recorded) != len(observed):
            problems.append(f"{path}: AWS answered {len(recorded)} items, IAMLocal {len(observed)}: {_show(observed)}")
        else:
            for index, (want, got) in enumerate(zip(recorded, observed)):
                _compare(f"{path}[{index}]", want, got, problems)
    elif isinstance(recorded, str) and PLACEHOLDER.search(recorded):
        if not _matches_placeholders(recorded, observed):
            problems.append(f"{path}: AWS {_show(recorded)}, IAMLocal {_show(observed)}")
    elif type(recorded) is not type(observed) or recorded != observed:
        problems.append(f"{path}: AWS {_show(recorded)}, IAMLocal {_show(observed)}")


def _matches_placeholders(recorded, observed):
    if PLACEHOLDER.fullmatch(recorded):
        return observed is not None and observed != ""
    if not isinstance(observed, str):
        return False
    parts = PLACEHOLDER.split(recorded)
    pattern = ".+?".join(re.escape(part) for part in parts)
    return re.fullmatch(pattern, observed, re.DOTALL) is not None


def _show(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= 300 else text[:300] + "..."
