"""IAMLocal's conformance harness: replays the test cases recorded against real AWS (recorded/)
against a running IAMLocal and compares each answer with AWS's recorded one.

The recorded test files run unmodified. This file supplies the fixtures they ask for (clients,
factories, the `snapshot` that compares), pointed at IAMLOCAL_ENDPOINT, and judges the run:
a case is reproduced when its test passes and every recorded step matches. The cases not yet
reproduced are listed, with a reason, in not-yet-reproduced.txt; any other failing case is a
regression and a listed case that passes must be taken off the list. Both fail the run
(with CONFORMANCE_PRUNE_LIST=1, reproduced cases are taken off the list instead).
"""
import json
import os
import sys
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.append(str(HERE / "shims"))  # after site-packages: a real pyotp wins over the stand-in
sys.path.insert(0, str(HERE / "recorded"))  # for the recorded modules that import their siblings

from localstack import endpoint  # noqa: E402
from localstack.testing.pytest.markers import ONLY_LOCALSTACK  # noqa: E402
from localstack_snapshot.snapshots.transformer import SortingTransformer  # noqa: E402

import snapshot_compare  # noqa: E402

RECORDED = HERE / "recorded"
KNOWN_LIST = HERE / "not-yet-reproduced.txt"


def case_id(item):
    """The recording's key for a collected test (tests/aws/services/iam/test_x.py::Class::test[param])."""
    path, _, test = item.nodeid.partition("::")
    local = path.split("/")[-1] + "::" + test
    return CASE_BY_LOCAL_ID.get(local, local)


def load_recordings():
    cases = {}
    for path in sorted(RECORDED.glob("test_*.snapshot.json")):
        for key, case in json.loads(path.read_text()).items():
            cases[key] = case["recorded-content"]
    return cases


def load_known_failures():
    known = {}
    if KNOWN_LIST.exists():
        for line in KNOWN_LIST.read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                case, _, reason = line.partition("\t")
                known[case.strip()] = reason.strip()
    return known


RECORDINGS = load_recordings()
CASE_BY_LOCAL_ID = {case.partition("::")[0].split("/")[-1] + "::" + case.partition("::")[2]: case for case in RECORDINGS}


# ---------------------------------------------------------------- collection


def pytest_collection_modifyitems(session, config, items):
    """Runs exactly the recorded cases: only_localstack tests and tests without a recording are left
    out, and LocalStack's own 'not implemented yet' skips are lifted (AWS's answer is recorded)."""
    selected, dropped = [], []
    for item in items:
        function = getattr(item, "function", None)
        if case_id(item) in RECORDINGS and not getattr(function, ONLY_LOCALSTACK, False):
            for node in item.listchain():
                node.own_markers[:] = [m for m in node.own_markers if m.name != "skip"]
            selected.append(item)
        else:
            dropped.append(item)
    items[:] = selected
    config.hook.pytest_deselected(items=dropped)


# ---------------------------------------------------------------- fixtures


class Clients:
    """aws_client.iam / aws_client.sts, as the recorded tests use them."""

    def __init__(self, **settings):
        self._settings = settings
        self._made = {}

    @property
    def credentials(self):
        return {name: self._settings.get(name) for name in ("access_key", "secret_key", "session_token")}

    def __getattr__(self, service):
        if service.startswith("_"):
            raise AttributeError(service)
        if service not in self._made:
            self._made[service] = endpoint.client(service, **self._settings)
        return self._made[service]


ADMIN = "conformance-admin"
BOOTSTRAP_USER = "conformance-bootstrap"
ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess"


@pytest.fixture
def aws_client(request):
    """Every case starts from an empty account, as the recorder's clean-ups left AWS, and calls as an
    administrator, but not as the root user (AWS refuses AssumeRole to root). Which administrator
    follows the recordings: the STS cases were recorded with an IAM user's keys (GetSessionToken
    succeeds, which session credentials may not call), the IAM cases with role credentials
    (DeleteAccessKey without UserName: 'Must specify userName when calling with non-User credentials')."""
    request_reset = urllib.request.Request(endpoint.URL + "/moto-api/reset", method="POST", data=b"")
    urllib.request.urlopen(request_reset, timeout=30).read()
    if request.node.path.name == "test_sts.py":
        key = _admin_user_key()
        return Clients(access_key=key["AccessKeyId"], secret_key=key["SecretAccessKey"])
    session = _admin_role_session()
    return Clients(access_key=session["AccessKeyId"], secret_key=session["SecretAccessKey"],
                   session_token=session["SessionToken"])


def _admin_user_key():
    root = _root("iam")
    root.create_user(UserName=ADMIN)
    root.attach_user_policy(UserName=ADMIN, PolicyArn=ADMINISTRATOR_ACCESS)
    return root.create_access_key(UserName=ADMIN)["AccessKey"]


def _admin_role_session():
    """Root cannot assume a role, so a user the role trusts assumes it and is deleted again,
    leaving only the role in the account."""
    root = _root("iam")
    user = root.create_user(UserName=BOOTSTRAP_USER)["User"]
    key = root.create_access_key(UserName=BOOTSTRAP_USER)["AccessKey"]
    trust = {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow", "Principal": {"AWS": user["Arn"]}, "Action": "sts:AssumeRole"}]}
    role = root.create_role(RoleName=ADMIN, AssumeRolePolicyDocument=json.dumps(trust))["Role"]
    root.attach_role_policy(RoleName=ADMIN, PolicyArn=ADMINISTRATOR_ACCESS)
    sts = endpoint.client("sts", key["AccessKeyId"], key["SecretAccessKey"])
    session = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="recorder")["Credentials"]
    root.delete_access_key(UserName=BOOTSTRAP_USER, AccessKeyId=key["AccessKeyId"])
    root.delete_user(UserName=BOOTSTRAP_USER)
    return session


_ROOT = {}


def _root(service):
    if service not in _ROOT:
        _ROOT[service] = endpoint.client(service)
    return _ROOT[service]


@pytest.fixture
def aws_client_factory(aws_client):
    def make(aws_access_key_id=None, aws_secret_access_key=None, aws_session_token=None, region_name=None,
             config=None):
        credentials = aws_client.credentials if aws_access_key_id is None else {
            "access_key": aws_access_key_id, "secret_key": aws_secret_access_key, "session_token": aws_session_token}
        return Clients(region_name=region_name, config=config, **credentials)

    return make


@pytest.fixture
def client_factory_for_user(aws_client, aws_client_factory):
    def make(user_name):
        key = aws_client.iam.create_access_key(UserName=user_name)["AccessKey"]
        return aws_client_factory(aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"])

    return make


@pytest.fixture
def wait_and_assume_role(aws_client):
    def assume(role_arn, session_name=None, **kwargs):
        session = session_name or "session-" + os.urandom(4).hex()
        return aws_client.sts.assume_role(RoleArn=role_arn, RoleSessionName=session, **kwargs)["Credentials"]

    return assume


@pytest.fixture(scope="session")
def account_id():
    return endpoint.client("sts").get_caller_identity()["Account"]


@pytest.fixture(scope="session")
def region_name():
    return endpoint.REGION


@pytest.fixture(scope="session")
def partition():
    return "aws"


@pytest.fixture
def cleanups():
    """The recorded tests register clean-ups; the reset before the next case does them all."""
    registered = []
    yield registered
    for cleanup in reversed(registered):
        try:
            cleanup()
        except Exception:  # noqa: BLE001 - a clean-up of something already gone
            pass


def _named(prefix, name_member, defaults=None):
    """A create_* factory: fills in a fresh name (and other required members) the test left out."""

    def fixture(aws_client):
        def create(**kwargs):
            kwargs.setdefault(name_member, f"{prefix}-{os.urandom(4).hex()}")
            for member, value in (defaults or {}).items():
                kwargs.setdefault(member, value)
            return getattr(aws_client.iam, f"create_{prefix.replace('-', '_')}")(**kwargs)

        return create

    return fixture


TRUST_ANYONE_IN_ACCOUNT = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})
ALLOW_NOTHING_MUCH = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}],
})

create_user = pytest.fixture(_named("user", "UserName"))
create_group = pytest.fixture(_named("group", "GroupName"))
create_role = pytest.fixture(_named("role", "RoleName", {"AssumeRolePolicyDocument": TRUST_ANYONE_IN_ACCOUNT}))
create_policy = pytest.fixture(_named("policy", "PolicyName", {"PolicyDocument": ALLOW_NOTHING_MUCH}))
create_instance_profile = pytest.fixture(_named("instance-profile", "InstanceProfileName"))
create_virtual_mfa_device = pytest.fixture(_named("virtual-mfa-device", "VirtualMFADeviceName"))
create_saml_provider = pytest.fixture(_named("saml-provider", "Name"))


@pytest.fixture
def create_oidc_provider(aws_client):
    def create(**kwargs):
        return aws_client.iam.create_open_id_connect_provider(**kwargs)

    return create


def _self_signed_certificate(common_name, days):
    """A fresh RSA key's self-signed X.509 certificate (a cryptography Certificate)."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=days)).sign(key, hashes.SHA256()))


@pytest.fixture
def signing_certificate():
    """A fresh self-signed X.509 certificate body (PEM), as UploadSigningCertificate takes it."""
    from cryptography.hazmat.primitives import serialization

    def make():
        certificate = _self_signed_certificate("conformance-" + os.urandom(4).hex(), 30)
        return certificate.public_bytes(serialization.Encoding.PEM).decode()

    return make


@pytest.fixture
def public_key():
    """An SSH public key (OpenSSH format), as UploadSSHPublicKey takes it."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.public_key().public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode()


@pytest.fixture
def upload_server_certificate(aws_client):
    def upload(**kwargs):
        return aws_client.iam.upload_server_certificate(**kwargs)

    return upload


@pytest.fixture
def saml_metadata():
    """SAML metadata of an identity provider with a fresh signing certificate."""
    import base64

    from cryptography.hazmat.primitives import serialization

    certificate = _self_signed_certificate("idp.conformance.example.com", 365)
    der = base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.conformance.example.com/saml">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>{der}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.conformance.example.com/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>"""


class Transforms:
    """snapshot.transform.*: the recording already holds the placeholders and the comparison treats
    each placeholder as "any value", so most transformers need not act. The exception is a key_value
    transformer without reference replacement: it wrote a plain word (`certificate-body`, `users`)
    in place of the value, so IAMLocal's value under that key is replaced by the same word."""

    def __getattr__(self, name):
        def transformer(*args, **kwargs):
            return [] if name.endswith("_api") else None

        return transformer

    @staticmethod
    def key_value(key, value_replacement=None, reference_replacement=True, **kwargs):
        if reference_replacement:
            return None
        return snapshot_compare.PlainReplacement(key, value_replacement or snapshot_compare.kebab(key))


class Snapshot:
    def __init__(self, recorded):
        self.recorded = recorded
        self.observed = {}
        self.rewrites = []
        self.transform = Transforms()

    def add_transformer(self, transformer, priority=0):
        if isinstance(transformer, list):
            self.add_transformers_list(transformer)
        elif isinstance(transformer, (SortingTransformer, snapshot_compare.PlainReplacement)):
            self.rewrites.append(transformer)

    def add_transformers_list(self, transformers, priority=0):
        for transformer in transformers or []:
            self.add_transformer(transformer)

    def match(self, name, value):
        if name in self.observed:
            raise AssertionError(f"step {name!r} matched twice")
        self.observed[name] = snapshot_compare.normalise(value, self.rewrites)

    def differences(self):
        return snapshot_compare.differences(self.recorded, self.observed)


@pytest.fixture
def snapshot(request):
    snap = Snapshot(RECORDINGS.get(case_id(request.node), {}))
    yield snap
    if request.node.stash.get(_CALL_PASSED, False):
        problems = snap.differences()
        if problems:
            pytest.fail("differs from AWS's recorded answer:\n  " + "\n  ".join(problems), pytrace=False)


# ---------------------------------------------------------------- judging the run

_CALL_PASSED = pytest.StashKey[bool]()
_VERDICT = pytest.StashKey[dict]()
_OUTCOMES = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.stash[_CALL_PASSED] = report.passed
    failed = _OUTCOMES.get(case_id(item), (False, ""))[0] or report.failed
    reason = _OUTCOMES.get(case_id(item), (False, ""))[1]
    if report.failed and not reason:
        reason = _first_line(report)
    _OUTCOMES[case_id(item)] = (failed, reason)


@pytest.hookimpl(tryfirst=True)
def _first_line(report):
    """The failure in one line: the first difference from AWS, or the exception that stopped the test."""
    crash = getattr(report.longrepr, "reprcrash", None)
    text = crash.message if crash is not None else str(report.longrepr)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and lines[0].startswith("differs from AWS") and len(lines) > 1:
        return lines[1]
    return " ".join(lines)[:400] if lines else report.when


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    """The run's verdict is the list's, not pytest's: listed cases are expected to differ, and
    every other case must be reproduced."""
    if not _OUTCOMES:
        return
    known = load_known_failures()
    files_run = {case.split("::")[0] for case in _OUTCOMES}
    outcomes = {case: _OUTCOMES.get(case, (True, "not run")) for case in RECORDINGS}
    judged = {case: outcome for case, outcome in outcomes.items() if case.split("::")[0] in files_run}
    verdict = {
        "reproduced": [case for case, (failed, _) in outcomes.items() if not failed],
        "regressions": sorted(case for case, (failed, _) in judged.items() if failed and case not in known),
        "now_passing": sorted(case for case, (failed, _) in judged.items() if not failed and case in known),
        "unknown_listed": sorted(case for case in known if case not in RECORDINGS),
        "outcomes": outcomes,
    }
    session.config.stash[_VERDICT] = verdict
    report_path = os.environ.get("CONFORMANCE_REPORT")
    if report_path:
        Path(report_path).write_text(
            "".join(f"{case}\t{reason}\n" for case, (failed, reason) in sorted(outcomes.items()) if failed))
    if os.environ.get("CONFORMANCE_PRUNE_LIST") and verdict["now_passing"]:
        _prune_known_list(set(verdict["now_passing"]))
        verdict["now_passing"] = []
    broken = verdict["regressions"] or verdict["now_passing"] or verdict["unknown_listed"]
    session.exitstatus = 1 if broken else 0


def _prune_known_list(reproduced):
    """CONFORMANCE_PRUNE_LIST=1: takes the cases now reproduced off the list (never adds any)."""
    kept = [line for line in KNOWN_LIST.read_text().splitlines(keepends=True)
            if line.startswith("#") or line.partition("\t")[0].strip() not in reproduced]
    KNOWN_LIST.write_text("".join(kept))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    verdict = config.stash.get(_VERDICT, None)
    if verdict is None:
        return
    write = terminalreporter.write_line
    write("")
    for case in verdict["regressions"]:
        write(f"REGRESSION (not in {KNOWN_LIST.name}): {case}: {verdict['outcomes'][case][1]}")
    for case in verdict["now_passing"]:
        write(f"NOW REPRODUCED, take it off {KNOWN_LIST.name}: {case}")
    for case in verdict["unknown_listed"]:
        write(f"LISTED BUT NOT A RECORDED CASE: {case}")
    write(f"{len(verdict['reproduced'])} of {len(RECORDINGS)} recorded cases reproduced")
