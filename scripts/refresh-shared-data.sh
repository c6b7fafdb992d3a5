#!/usr/bin/env bash
# Refreshes the project's vendored copies of reference data from ../shared (present on
# developer and CI machines only). The build, the server and the tests read only the copies.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_DIR:-$root/../shared}
[ -d "$shared" ] || { echo "no $shared here; nothing to refresh" >&2; exit 1; }

models=$root/protocol/src/main/resources/io/iamlocal/protocol/models
mkdir -p "$models"
cp "$shared"/aws-models/*.json "$models/"

catalog=$root/server/src/main/resources/io/iamlocal/server/aws-managed-policies
mkdir -p "$catalog"
gzip -9 -n -c "$shared/aws-data/aws-managed-policies.json" > "$catalog/aws-managed-policies.json.gz"

slr=$root/server/src/main/resources/io/iamlocal/server/service-linked-roles
mkdir -p "$slr"
cp "$shared/aws-data/service-linked-roles.json" "$slr/"

vectors=$root/sigv4/src/test/resources/sigv4-vectors
rm -rf "$vectors"; mkdir -p "$(dirname "$vectors")"
cp -r "$shared/sigv4-vectors" "$vectors"
policy_cases=$root/policy/src/test/resources/aws-recordings/policy-documents.json
python3 "$root/scripts/policy-cases-from-recordings.py" "$shared" "$policy_cases"

# The recorded AWS cases replayed by the conformance suite (LICENSE and NOTICE stay beside them).
recorded=$root/it-tests/src/test/conformance/recorded
mkdir -p "$recorded"
rm -f "$recorded"/test_*
cp "$shared"/aws-recordings/test_*.py "$shared"/aws-recordings/test_*.snapshot.json "$recorded/"
chmod -R u+w "$models" "$catalog" "$slr" "$vectors" "$policy_cases" "$recorded"
echo "refreshed models, managed-policy and service-linked-role catalogs, SigV4 vectors, recorded policy documents and AWS recordings from $shared"
