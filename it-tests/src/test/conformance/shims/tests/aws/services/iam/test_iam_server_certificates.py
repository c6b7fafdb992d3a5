from test_iam_server_certificates import *  # noqa: F401,F403 - the recorded module, imported by its sibling tests
from test_iam_server_certificates import root_certificate_as_string  # noqa: F401
