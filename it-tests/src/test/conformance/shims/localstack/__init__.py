"""Stand-ins for the few LocalStack helpers the recorded tests import, pointed at IAMLocal.

The recorded tests are LocalStack's; IAMLocal's harness supplies the names they import so the
files run unmodified. Nothing here is LocalStack code."""
