// IAMLocal console: the least-privilege page. Reads /_iamlocal/api/trail/*; builds the DOM with textContent only.
"use strict";

// The account comes from this page's own ?account= (the console's account picker links it so).
const account = new URLSearchParams(location.search).get("account");
const withAccount = (path) => account ? `${path}${path.includes("?") ? "&" : "?"}account=${encodeURIComponent(account)}` : path;
const api = (path) => fetch(withAccount(path), { headers: { Accept: "application/json" } }).then(async (r) => {
  const body = await r.json();
  if (!r.ok) throw new Error(body.message || r.statusText);
  return body;
});

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function loadPrincipals() {
  const select = document.getElementById("principal");
  const { principals } = await api("api/trail/principals");
  select.replaceChildren();
  for (const p of principals) {
    const option = el("option", `${p.arn} (${p.calls} calls${p.allowedAnyway ? `, ${p.allowedAnyway} allowed anyway` : ""})`);
    option.value = p.arn;
    select.append(option);
  }
  const status = document.getElementById("status");
  status.textContent = principals.length ? "" : "No calls by users or roles in the trail yet: run your code against IAMLocal first.";
  const wanted = new URLSearchParams(location.search).get("principal");
  if (wanted) {
    if (![...select.options].some((o) => o.value === wanted)) {
      const option = el("option", wanted);
      option.value = wanted;
      select.append(option);
    }
    select.value = wanted;
    generate();
  }
}

async function generate() {
  const principal = document.getElementById("principal").value;
  if (!principal) return;
  const keys = document.getElementById("keys").value;
  const status = document.getElementById("status");
  status.textContent = "Generating…";
  try {
    const result = await api(`api/trail/generated-policy?principal=${encodeURIComponent(principal)}&conditionKeys=${encodeURIComponent(keys)}`);
    render(result);
    status.textContent = "";
  } catch (e) {
    status.textContent = `Could not generate the policy: ${e.message}`;
  }
}

function render(result) {
  document.getElementById("result").hidden = false;
  document.getElementById("policy").textContent = JSON.stringify(result.policy, null, 2);
  const notes = document.getElementById("notes");
  notes.replaceChildren(...result.notes.map((n) => el("li", n)));
  const container = document.getElementById("statements");
  container.replaceChildren();
  if (!result.statements.length) {
    container.append(el("p", "This principal made no call that needs a permission.", "muted"));
  }
  result.statements.forEach((s, i) => {
    container.append(el("h3", `Statement ${i + 1}: ${s.actions.join(", ")}`));
    container.append(el("p", s.resources.join(", "), "subtitle"));
    const table = el("table");
    const head = el("tr");
    ["Time", "Call", "Permission checked", "Outcome"].forEach((h) => head.append(el("th", h)));
    const thead = el("thead");
    thead.append(head);
    table.append(thead);
    const body = el("tbody");
    for (const call of s.calls) {
      for (const check of call.checks) {
        if (!s.actions.includes(check.action)) continue;
        const row = el("tr");
        row.append(el("td", call.eventTime), el("td", `${call.eventSource.split(".")[0]}:${call.eventName}`),
          el("td", `${check.action} on ${check.resource}`), el("td", check.outcome));
        body.append(row);
      }
    }
    table.append(body);
    container.append(table);
  });
}

document.getElementById("generate").addEventListener("click", generate);
loadPrincipals().catch((e) => { document.getElementById("status").textContent = `Could not read the trail: ${e.message}`; });
