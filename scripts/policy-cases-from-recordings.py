#!/usr/bin/env python3
"""Transcribes the policy documents of AWS's recordings into the project's test table.

Reads shared/aws-recordings (LocalStack's AWS-validated IAM tests, Apache-2.0) and writes
policy/src/test/resources/aws-recordings/policy-documents.json: one row per document IAM was asked
to store, with the operation, the exact document text sent (json.dumps of the test's literal, as
boto3 sent it) and AWS's recorded answer. Run by scripts/refresh-shared-data.sh.
"""
import json
import sys
import types
from pathlib import Path

shared = Path(sys.argv[1])
out = Path(sys.argv[2])
recordings = shared / "aws-recordings"


class _Anything:
    """Stands in for pytest/localstack decorators; the data lists only need them to be callable."""

    def __getattr__(self, name):
        return self

    def __call__(self, *args, **kwargs):
        return self


class _Param:
    def __init__(self, *values, **kwargs):
        self.values = values


def data_lists(test_file):
    """Executes the module-level data part of a recorded test file (everything before its fixtures)."""
    src = (recordings / test_file).read_text()
    head = src[: src.index("\n@pytest.fixture")]
    pytest = types.SimpleNamespace(param=_Param, mark=_Anything())
    names = {"pytest": pytest, "markers": _Anything(), "short_uid": lambda: "x"}
    lines = [l for l in head.splitlines() if not l.startswith(("import pytest", "from "))]
    exec("\n".join(lines), names)
    return names


def unplaceholder(message):
    # The recorder replaced the partition and region in messages; the documents name aws / us-east-1.
    return message.replace("<partition>", "aws").replace("<region>", "us-east-1")


def answer(response):
    if "Error" in response:
        return {"status": response["ResponseMetadata"]["HTTPStatusCode"], "code": response["Error"]["Code"],
                "message": unplaceholder(response["Error"]["Message"])}
    return {"status": response["ResponseMetadata"]["HTTPStatusCode"]}


def document_text(doc):
    return json.dumps(doc) if isinstance(doc, dict) else doc


rows = []
names = data_lists("test_iam_policies.py")
snap = json.loads((recordings / "test_iam_policies.snapshot.json").read_text())
prefix = "tests/aws/services/iam/test_iam_policies.py::TestPolicyDocumentValidity::test_create_policy_"
for kind, step in (("invalid", "error"), ("valid", "response")):
    for i, doc in enumerate(names[kind.upper() + "_POLICY_DOCUMENTS"]):
        if isinstance(doc, _Param):
            doc = doc.values[0]
        key = f"{prefix}{kind}_document[{kind}-{i}]"
        rows.append({"case": key.split("::", 1)[1], "operation": "CreatePolicy", "document": document_text(doc),
                     "aws": answer(snap[key]["recorded-content"][step])})

# UpdateAssumeRolePolicy on an existing role (test_iam_roles.py::test_update_assume_role_policy_errors).
key = "tests/aws/services/iam/test_iam_roles.py::TestRoleLifecycle::test_update_assume_role_policy_errors"
recorded = json.loads((recordings / "test_iam_roles.snapshot.json").read_text())[key]["recorded-content"]
trust = {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
invalid_action = json.loads(json.dumps(trust))
invalid_action["Statement"][0]["Action"] = "sts:InvalidAction"
with_resource = json.loads(json.dumps(trust))
with_resource["Statement"][0]["Resource"] = "arn:aws:s3:::example_bucket"
for step, doc in (("invalid-json-error", "not valid json"), ("invalid-action-error", invalid_action),
                  ("resource-field-error", with_resource)):
    rows.append({"case": key.split("::", 1)[1] + "/" + step, "operation": "UpdateAssumeRolePolicy",
                 "document": document_text(doc), "aws": answer(recorded[step])})

out.write_text(json.dumps(rows, indent=1) + "\n")
print(f"wrote {len(rows)} recorded policy documents to {out}")
