// Test-only helper for DifferentialAgainstIamSimulateTest: reads one case per line (JSON) on stdin
// and prints one line per case with the decision of @cloud-copilot/iam-simulate, an independent
// implementation of AWS's policy evaluation logic.
//
// Case: {"id":1,"principal":"arn:...","action":"svc:Act","resource":"arn:...","resourceAccount":"111122223333",
//        "context":{"key":"value" | ["v1","v2"]},"identity":["<policy json>",...],
//        "boundary":["<policy json>"] | null,"resourcePolicy":"<policy json>" | null}
// Output: {"id":1,"decision":"Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied"} or {"id":1,"error":"..."}
//
// runUnsafeSimulation is used on purpose: the cases use plain policies on services without
// service-specific rules, and it skips iam-simulate's catalogue checks (known actions, resource
// types, context keys per action), which are not what this test compares.
'use strict'

const readline = require('node:readline')
const { runUnsafeSimulation } = require('@cloud-copilot/iam-simulate')

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
const out = []

input.on('line', (line) => {
  if (!line.trim()) {
    return
  }
  let id = null
  try {
    const c = JSON.parse(line)
    id = c.id
    const simulation = {
      request: {
        principal: c.principal,
        action: c.action,
        resource: { resource: c.resource, accountId: c.resourceAccount },
        contextVariables: c.context || {}
      },
      identityPolicies: (c.identity || []).map((p, i) => ({ name: 'identity' + (i + 1), policy: JSON.parse(p) })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      // runUnsafeSimulation loads the resource policy without a name; a pre-validated policy carries one.
      resourcePolicy: c.resourcePolicy
        ? { __validated: true, policyDocument: JSON.parse(c.resourcePolicy), metadata: { name: 'ResourcePolicy' }, errors: [] }
        : undefined,
      permissionBoundaryPolicies: c.boundary ? c.boundary.map((p, i) => ({ name: 'boundary' + (i + 1), policy: JSON.parse(p) })) : undefined
    }
    out.push(JSON.stringify({ id, decision: runUnsafeSimulation(simulation, {}) }))
  } catch (e) {
    out.push(JSON.stringify({ id, error: String(e && e.message ? e.message : e) }))
  }
  if (out.length >= 256) {
    process.stdout.write(out.join('\n') + '\n')
    out.length = 0
  }
})

input.on('close', () => {
  if (out.length > 0) {
    process.stdout.write(out.join('\n') + '\n')
  }
})
