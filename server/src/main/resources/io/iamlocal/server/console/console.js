// IAMLocal console: a read-only view of the server's IAM and STS state, and a policy simulator.
// Plain JavaScript, no build step. Pages are rendered from the JSON API under ./api/ with DOM
// calls only (never innerHTML), so names and documents are always shown as text.
'use strict';

(function () {
  const main = document.getElementById('main');
  const accountLabel = document.getElementById('account');

  // ---- small DOM and format helpers ----

  /** h('a', {href: '#/x', class: 'y'}, 'text', child…): an element with attributes and children. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') el.className = value;
      else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
      else if (name === 'value') el.value = value;
      else el.setAttribute(name, value === true ? '' : value);
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function when(iso) {
    if (!iso) return h('span', {class: 'muted'}, '—');
    const shown = iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
    return h('span', {title: iso}, shown);
  }

  function link(route, text, attrs) {
    return h('a', Object.assign({href: '#' + route}, attrs || {}), text);
  }

  function enc(value) {
    return encodeURIComponent(value);
  }

  function badge(text, kind) {
    return h('span', {class: 'badge ' + kind}, text);
  }

  function chips(tags) {
    if (!tags || tags.length === 0) return h('span', {class: 'muted'}, '—');
    return h('span', {class: 'chips'}, tags.map(t => h('span', {class: 'chip', title: t.key + ' = ' + t.value}, h('b', {}, t.key), ' = ', t.value)));
  }

  function empty(text) {
    return h('p', {class: 'empty'}, text);
  }

  function panel(title, count, ...content) {
    return h('section', {class: 'panel'},
      h('h2', {}, title, count === null || count === undefined ? null : h('span', {class: 'count'}, '(' + count + ')')),
      content);
  }

  /** A table: columns [{title, cell: row => node}], rows, and attributes per row. */
  function table(id, columns, rows, rowAttrs) {
    return h('table', {id: id},
      h('thead', {}, h('tr', {}, columns.map(c => h('th', {scope: 'col'}, c.title)))),
      h('tbody', {}, rows.map(r => h('tr', rowAttrs ? rowAttrs(r) : {}, columns.map(c => h('td', {class: c.class || null}, c.cell(r)))))));
  }

  function facts(pairs) {
    return h('dl', {class: 'facts'}, pairs.filter(p => p).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  /** A pretty-printed JSON document, coloured token by token (text nodes only). */
  function jsonBlock(text, id) {
    const pre = h('pre', {class: 'json', id: id || null});
    if (text === null || text === undefined) return pre;
    const token = /("(?:\\u[a-fA-F0-9]{4}|\\[^u]|[^\\"])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
    let last = 0;
    let m;
    while ((m = token.exec(text)) !== null) {
      if (m.index > last) pre.appendChild(document.createTextNode(text.slice(last, m.index)));
      if (m[1] !== undefined) {
        pre.appendChild(h('span', {class: m[2] ? 'k' : 's'}, m[1]));
        if (m[2]) pre.appendChild(document.createTextNode(m[2]));
      } else if (m[3] !== undefined) {
        pre.appendChild(h('span', {class: 'l'}, m[3]));
      } else {
        pre.appendChild(h('span', {class: 'n'}, m[4]));
      }
      last = token.lastIndex;
    }
    if (last < text.length) pre.appendChild(document.createTextNode(text.slice(last)));
    return pre;
  }

  /** A filter box that hides table rows not containing its text. */
  function filterBox(tableId, placeholder) {
    return h('input', {
      type: 'search', placeholder: placeholder, 'aria-label': placeholder, id: 'filter',
      oninput: e => {
        const needle = e.target.value.trim().toLowerCase();
        const tbody = document.querySelector('#' + tableId + ' tbody');
        if (!tbody) return;
        for (const row of tbody.rows) row.hidden = needle !== '' && !row.textContent.toLowerCase().includes(needle);
      }
    });
  }

  // ---- API ----

  /** The account picked in the top bar ('' for the default account); every API call names it. */
  const accountPicker = document.getElementById('account-picker');

  function withAccount(path) {
    const picked = accountPicker.value;
    return picked ? path + (path.includes('?') ? '&' : '?') + 'account=' + encodeURIComponent(picked) : path;
  }

  async function api(path, options) {
    const response = await fetch('api/' + withAccount(path), Object.assign({headers: {Accept: 'application/json'}}, options || {}));
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const error = new Error(body && body.message ? body.message : 'HTTP ' + response.status);
      error.code = body && body.error;
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function errorBox(error) {
    return h('div', {class: 'error', role: 'alert'}, error.code ? h('b', {}, error.code + ': ') : null, error.message);
  }

  // ---- pages ----

  async function usersPage() {
    const users = await api('users');
    const columns = [
      {title: 'User name', cell: u => link('/users/' + enc(u.userName), u.userName, {class: 'user-link'})},
      {title: 'Groups', cell: u => u.groups.length ? u.groups.join(', ') : h('span', {class: 'muted'}, '—')},
      {title: 'Access keys', cell: u => String(u.accessKeyCount)},
      {title: 'Policies', cell: u => String(u.policyCount)},
      {title: 'Tags', cell: u => chips(u.tags)},
      {title: 'Created', cell: u => when(u.createDate)}
    ];
    return [
      h('h1', {}, 'Users'),
      h('p', {class: 'subtitle'}, users.length + (users.length === 1 ? ' user' : ' users')),
      h('div', {class: 'toolbar'}, filterBox('user-table', 'Filter users')),
      h('section', {class: 'panel'}, users.length
        ? table('user-table', columns, users, u => ({'data-name': u.userName}))
        : empty('No users yet. Create one with aws iam create-user.'))
    ];
  }

  async function userPage(name) {
    const u = await api('users/' + enc(name));
    return [
      h('h1', {id: 'entity-name'}, u.userName),
      h('p', {class: 'subtitle'}, u.arn),
      h('div', {class: 'toolbar'}, link('/simulator?source=' + enc(u.arn), 'Simulate this user’s policies →')),
      h('div', {class: 'grid2'}, panel('Summary', null, facts([
        ['User ID', h('span', {class: 'mono'}, u.userId)],
        ['Path', h('span', {class: 'mono'}, u.path)],
        ['Created', when(u.createDate)],
        ['Password last used', when(u.passwordLastUsed)],
        ['Console password', u.loginProfile ? ['set ', u.loginProfile.passwordResetRequired ? '(reset required)' : ''] : 'none'],
        ['MFA devices', u.mfaDevices.length ? u.mfaDevices.map(d => d.serialNumber).join(', ') : 'none'],
        ['Permissions boundary', boundaryLink(u.permissionsBoundary)]
      ])), h('div', {},
        panel('Groups', u.groups.length, u.groups.length
          ? h('ul', {id: 'user-groups'}, u.groups.map(g => h('li', {}, link('/groups/' + enc(g.groupName), g.groupName))))
          : empty('Not a member of any group.')),
        attachedPanel(u))),
      panel('Access keys', u.accessKeys.length, u.accessKeys.length ? accessKeyTable('user-keys', u.accessKeys, false) : empty('No access keys.')),
      inlinePanel(u),
      panel('Tags', u.tags.length, tagTable(u.tags)),
      u.sessions.length ? panel('STS sessions', u.sessions.length, sessionTable('user-sessions', u.sessions)) : null
    ];
  }

  async function groupsPage() {
    const groups = await api('groups');
    const columns = [
      {title: 'Group name', cell: g => link('/groups/' + enc(g.groupName), g.groupName)},
      {title: 'Members', cell: g => g.members.length ? g.members.join(', ') : h('span', {class: 'muted'}, '—')},
      {title: 'Policies', cell: g => String(g.policyCount)},
      {title: 'Created', cell: g => when(g.createDate)}
    ];
    return [
      h('h1', {}, 'Groups'),
      h('p', {class: 'subtitle'}, groups.length + (groups.length === 1 ? ' group' : ' groups')),
      h('div', {class: 'toolbar'}, filterBox('group-table', 'Filter groups')),
      h('section', {class: 'panel'}, groups.length
        ? table('group-table', columns, groups, g => ({'data-name': g.groupName}))
        : empty('No groups yet.'))
    ];
  }

  async function groupPage(name) {
    const g = await api('groups/' + enc(name));
    return [
      h('h1', {id: 'entity-name'}, g.groupName),
      h('p', {class: 'subtitle'}, g.arn),
      h('div', {class: 'toolbar'}, link('/simulator?source=' + enc(g.arn), 'Simulate this group’s policies →')),
      h('div', {class: 'grid2'}, panel('Summary', null, facts([
        ['Group ID', h('span', {class: 'mono'}, g.groupId)],
        ['Path', h('span', {class: 'mono'}, g.path)],
        ['Created', when(g.createDate)]
      ])), h('div', {},
        panel('Members', g.members.length, g.members.length
          ? h('ul', {id: 'group-members'}, g.members.map(m => h('li', {}, link('/users/' + enc(m.userName), m.userName))))
          : empty('No members.')),
        attachedPanel(g))),
      inlinePanel(g)
    ];
  }

  async function rolesPage() {
    const roles = await api('roles');
    const columns = [
      {title: 'Role name', cell: r => [link('/roles/' + enc(r.roleName), r.roleName), r.serviceLinked ? [' ', badge('service-linked', 'badge-aws')] : null]},
      {title: 'Description', cell: r => r.description || h('span', {class: 'muted'}, '—')},
      {title: 'Policies', cell: r => String(r.policyCount)},
      {title: 'Tags', cell: r => chips(r.tags)},
      {title: 'Last used', cell: r => r.lastUsed ? when(r.lastUsed.date) : h('span', {class: 'muted'}, 'never')},
      {title: 'Created', cell: r => when(r.createDate)}
    ];
    return [
      h('h1', {}, 'Roles'),
      h('p', {class: 'subtitle'}, roles.length + (roles.length === 1 ? ' role' : ' roles')),
      h('div', {class: 'toolbar'}, filterBox('role-table', 'Filter roles')),
      h('section', {class: 'panel'}, roles.length
        ? table('role-table', columns, roles, r => ({'data-name': r.roleName}))
        : empty('No roles yet.'))
    ];
  }

  async function rolePage(name) {
    const r = await api('roles/' + enc(name));
    return [
      h('h1', {id: 'entity-name'}, r.roleName),
      h('p', {class: 'subtitle'}, r.arn),
      h('div', {class: 'toolbar'}, link('/simulator?source=' + enc(r.arn), 'Simulate this role’s policies →')),
      h('div', {class: 'grid2'}, panel('Summary', null, facts([
        ['Role ID', h('span', {class: 'mono'}, r.roleId)],
        ['Path', h('span', {class: 'mono'}, r.path)],
        ['Description', r.description || '—'],
        ['Maximum session', Math.round(r.maxSessionDuration / 60) + ' minutes'],
        ['Created', when(r.createDate)],
        ['Last used', r.lastUsed ? [when(r.lastUsed.date), ' in ', r.lastUsed.region || '?'] : 'never'],
        ['Permissions boundary', boundaryLink(r.permissionsBoundary)],
        ['Instance profiles', r.instanceProfiles.length ? r.instanceProfiles.map(p => p.instanceProfileName).join(', ') : 'none']
      ])), attachedPanel(r)),
      panel('Trust policy', null, h('p', {class: 'muted'}, 'Who may assume this role.'), jsonBlock(r.assumeRolePolicyDocument, 'trust-policy')),
      inlinePanel(r),
      panel('Tags', r.tags.length, tagTable(r.tags)),
      panel('STS sessions', r.sessions.length, r.sessions.length ? sessionTable('role-sessions', r.sessions) : empty('No sessions issued for this role.'))
    ];
  }

  /** The managed policies attached to a user, group or role, linking to each policy's page. */
  function attachedPanel(entity) {
    return panel('Attached managed policies', entity.attachedPolicies.length, entity.attachedPolicies.length
      ? h('ul', {id: 'attached-policies'}, entity.attachedPolicies.map(p => h('li', {},
          link('/policies/' + enc(p.arn), p.policyName), p.awsManaged ? [' ', badge('AWS managed', 'badge-aws')] : null)))
      : empty('No managed policies attached.'));
  }

  /** The inline policies of a user, group or role, each document pretty-printed. */
  function inlinePanel(entity) {
    return panel('Inline policies', entity.inlinePolicies.length, entity.inlinePolicies.length
      ? entity.inlinePolicies.map(p => h('div', {class: 'inline-policy', 'data-name': p.policyName},
          h('div', {class: 'doc-title'}, p.policyName), jsonBlock(p.document)))
      : empty('No inline policies.'));
  }

  function boundaryLink(boundary) {
    if (!boundary) return 'none';
    return link('/policies/' + enc(boundary.arn), boundary.policyName || boundary.arn);
  }

  function tagTable(tags) {
    if (!tags.length) return empty('No tags.');
    return table(null, [
      {title: 'Key', cell: t => t.key},
      {title: 'Value', cell: t => t.value}
    ], tags);
  }

  function accessKeyTable(id, keys, withUser) {
    const columns = [{title: 'Access key ID', class: 'mono', cell: k => k.accessKeyId}];
    if (withUser) {
      columns.push({title: 'User', cell: k => k.root ? h('span', {class: 'muted'}, 'root user') : link('/users/' + enc(k.userName), k.userName)});
    }
    columns.push(
      {title: 'Status', cell: k => badge(k.status, 'status-' + k.status.toLowerCase())},
      {title: 'Created', cell: k => when(k.createDate)},
      {title: 'Last used', cell: k => k.lastUsed ? [when(k.lastUsed.date), ' · ', k.lastUsed.serviceName || ''] : h('span', {class: 'muted'}, 'never')});
    return table(id, columns, keys, k => ({'data-key': k.accessKeyId}));
  }

  function sessionTable(id, sessions) {
    return table(id, [
      {title: 'Access key ID', class: 'mono', cell: s => s.accessKeyId},
      {title: 'Kind', cell: s => s.kind},
      {title: 'Identity', class: 'mono', cell: s => s.arn},
      {title: 'Issued', cell: s => when(s.issuedAt)},
      {title: 'Expires', cell: s => when(s.expiration)},
      {title: 'Status', cell: s => s.expired ? badge('expired', 'status-expired') : badge('active', 'status-active')},
      {title: 'Session tags', cell: s => chips(s.tags)}
    ], sessions, s => ({'data-key': s.accessKeyId}));
  }

  async function policiesPage(params) {
    const scope = ['Local', 'AWS', 'All'].includes(params.get('scope')) ? params.get('scope') : 'Local';
    const onlyAttached = scope !== 'Local' && params.get('onlyAttached') !== 'false';
    const policies = await api('policies?scope=' + scope + (onlyAttached ? '&onlyAttached=true' : ''));
    const tab = (s, attached, text) => h('a', {
      href: '#/policies?scope=' + s + (s === 'Local' ? '' : '&onlyAttached=' + attached),
      'aria-current': scope === s && (s === 'Local' || onlyAttached === attached) ? 'true' : null
    }, text);
    const columns = [
      {title: 'Policy name', cell: p => [link('/policies/' + enc(p.arn), p.policyName), p.awsManaged ? [' ', badge('AWS managed', 'badge-aws')] : null]},
      {title: 'Path', class: 'mono', cell: p => p.path},
      {title: 'Default version', cell: p => p.defaultVersionId},
      {title: 'Attachments', cell: p => String(p.attachmentCount)},
      {title: 'Updated', cell: p => when(p.updateDate)}
    ];
    return [
      h('h1', {}, 'Managed policies'),
      h('p', {class: 'subtitle'}, policies.length + (policies.length === 1 ? ' policy' : ' policies')),
      h('div', {class: 'toolbar'},
        h('nav', {class: 'tabs', 'aria-label': 'Policy scope'},
          tab('Local', true, 'Customer managed'), tab('AWS', true, 'AWS managed in use'), tab('AWS', false, 'All AWS managed')),
        filterBox('policy-table', 'Filter policies')),
      h('section', {class: 'panel'}, policies.length
        ? table('policy-table', columns, policies, p => ({'data-name': p.policyName}))
        : empty(scope === 'Local' ? 'No customer managed policies yet.' : 'No AWS managed policy is attached in this account.'))
    ];
  }

  async function policyPage(arn) {
    const p = await api('policies/' + enc(arn));
    const attachments = p.attachments;
    const attachmentList = (items, route) => items.map(n => h('li', {}, link(route + enc(n), n)));
    return [
      h('h1', {id: 'entity-name'}, p.policyName, p.awsManaged ? [' ', badge('AWS managed', 'badge-aws')] : null),
      h('p', {class: 'subtitle'}, p.arn),
      panel('Summary', null, facts([
        ['Policy ID', h('span', {class: 'mono'}, p.policyId)],
        ['Path', h('span', {class: 'mono'}, p.path)],
        p.description ? ['Description', p.description] : null,
        ['Default version', p.defaultVersionId],
        ['Created', when(p.createDate)],
        ['Updated', when(p.updateDate)],
        ['Used as a permissions boundary', String(p.permissionsBoundaryUsageCount) + ' time(s)']
      ])),
      panel('Versions', p.versions.length, p.versions.map(v => v.isDefault
        ? h('div', {class: 'policy-version', 'data-version': v.versionId},
            h('div', {class: 'doc-title'}, v.versionId, badge('default', 'badge-default'), h('span', {class: 'muted'}, when(v.createDate))),
            jsonBlock(v.document, 'policy-document'))
        : h('details', {class: 'policy-version', 'data-version': v.versionId},
            h('summary', {}, v.versionId, ' ', h('span', {class: 'muted'}, when(v.createDate))),
            jsonBlock(v.document)))),
      panel('Attached to', attachments.users.length + attachments.groups.length + attachments.roles.length,
        attachments.users.length + attachments.groups.length + attachments.roles.length === 0
          ? empty('Not attached to any user, group or role.')
          : h('ul', {id: 'policy-attachments'},
              attachmentList(attachments.users, '/users/').map(li => (li.prepend('User: '), li)),
              attachmentList(attachments.groups, '/groups/').map(li => (li.prepend('Group: '), li)),
              attachmentList(attachments.roles, '/roles/').map(li => (li.prepend('Role: '), li)))),
      panel('Tags', p.tags.length, tagTable(p.tags))
    ];
  }

  async function accessKeysPage() {
    const keys = await api('access-keys');
    return [
      h('h1', {}, 'Access keys'),
      h('p', {class: 'subtitle'}, 'Key IDs and status only: secret access keys are never shown.'),
      h('div', {class: 'toolbar'}, filterBox('key-table', 'Filter keys')),
      h('section', {class: 'panel'}, keys.length ? accessKeyTable('key-table', keys, true) : empty('No access keys.'))
    ];
  }

  async function sessionsPage() {
    const sessions = await api('sessions');
    return [
      h('h1', {}, 'STS sessions'),
      h('p', {class: 'subtitle'}, 'Temporary credentials issued by AssumeRole*, GetSessionToken and GetFederationToken. Secrets and session tokens are never shown.'),
      h('div', {class: 'toolbar'}, filterBox('session-table', 'Filter sessions')),
      h('section', {class: 'panel'}, sessions.length ? sessionTable('session-table', sessions) : empty('No sessions issued yet.'))
    ];
  }

  // ---- instance profiles, identity providers, MFA devices, certificates, password policy ----

  const none = () => h('span', {class: 'muted'}, '—');

  /** A list page: title, what it holds, a filter over its table, or a hint when it is empty. */
  function listPage(title, subtitle, tableId, columns, rows, rowAttrs, emptyText) {
    return [
      h('h1', {}, title),
      h('p', {class: 'subtitle'}, subtitle),
      rows.length ? h('div', {class: 'toolbar'}, filterBox(tableId, 'Filter')) : null,
      h('section', {class: 'panel'}, rows.length ? table(tableId, columns, rows, rowAttrs) : empty(emptyText))
    ];
  }

  async function instanceProfilesPage() {
    const profiles = await api('instance-profiles');
    return listPage('Instance profiles', profiles.length + (profiles.length === 1 ? ' instance profile' : ' instance profiles'),
      'instance-profile-table', [
        {title: 'Name', cell: p => p.instanceProfileName},
        {title: 'Role', cell: p => p.roles.length ? p.roles.map(r => link('/roles/' + enc(r), r)) : none()},
        {title: 'Path', class: 'mono', cell: p => p.path},
        {title: 'ARN', class: 'mono', cell: p => p.arn},
        {title: 'Tags', cell: p => chips(p.tags)},
        {title: 'Created', cell: p => when(p.createDate)}
      ], profiles, p => ({'data-name': p.instanceProfileName}), 'No instance profiles yet. Create one with aws iam create-instance-profile.');
  }

  async function identityProvidersPage() {
    const [oidc, saml] = await Promise.all([api('oidc-providers'), api('saml-providers')]);
    return [
      h('h1', {}, 'Identity providers'),
      h('p', {class: 'subtitle'}, 'Issuers whose tokens AssumeRoleWithWebIdentity and AssumeRoleWithSAML accept.'),
      panel('OpenID Connect', oidc.length, oidc.length ? table('oidc-table', [
        {title: 'Issuer URL', class: 'mono', cell: p => p.url},
        {title: 'Audiences (client IDs)', cell: p => p.clientIds.length ? p.clientIds.join(', ') : none()},
        {title: 'Thumbprints', class: 'mono', cell: p => p.thumbprints.length ? p.thumbprints.join(', ') : none()},
        {title: 'Tags', cell: p => chips(p.tags)},
        {title: 'Created', cell: p => when(p.createDate)}
      ], oidc, p => ({'data-name': p.arn})) : empty('No OpenID Connect providers.')),
      panel('SAML', saml.length, saml.length ? table('saml-table', [
        {title: 'Name', cell: p => p.name},
        {title: 'Metadata entity ID', class: 'mono', cell: p => p.entityId},
        {title: 'Assertion encryption', cell: p => p.assertionEncryptionMode || none()},
        {title: 'Decryption keys', cell: p => String(p.privateKeyCount)},
        {title: 'Valid until', cell: p => when(p.validUntil)},
        {title: 'Created', cell: p => when(p.createDate)}
      ], saml, p => ({'data-name': p.name})) : empty('No SAML providers.'))
    ];
  }

  async function mfaDevicesPage() {
    const devices = await api('mfa-devices');
    return listPage('MFA devices', 'Virtual MFA devices: serial numbers and assignments only, never their seeds.',
      'mfa-table', [
        {title: 'Serial number', class: 'mono', cell: d => d.serialNumber},
        {title: 'User', cell: d => d.userName ? link('/users/' + enc(d.userName), d.userName) : h('span', {class: 'muted'}, 'unassigned')},
        {title: 'Enabled', cell: d => when(d.enableDate)},
        {title: 'Tags', cell: d => chips(d.tags)}
      ], devices, d => ({'data-name': d.serialNumber}), 'No MFA devices yet.');
  }

  async function certificatesPage() {
    const [server, signing] = await Promise.all([api('server-certificates'), api('signing-certificates')]);
    return [
      h('h1', {}, 'Certificates'),
      h('p', {class: 'subtitle'}, 'Identifiers and dates only: private keys are never shown.'),
      panel('Server certificates', server.length, server.length ? table('server-cert-table', [
        {title: 'Name', cell: c => c.serverCertificateName},
        {title: 'ID', class: 'mono', cell: c => c.serverCertificateId},
        {title: 'Path', class: 'mono', cell: c => c.path},
        {title: 'Uploaded', cell: c => when(c.uploadDate)},
        {title: 'Expires', cell: c => when(c.expiration)},
        {title: 'Tags', cell: c => chips(c.tags)}
      ], server, c => ({'data-name': c.serverCertificateName})) : empty('No server certificates.')),
      panel('Signing certificates', signing.length, signing.length ? table('signing-cert-table', [
        {title: 'Certificate ID', class: 'mono', cell: c => c.certificateId},
        {title: 'User', cell: c => c.root ? h('span', {class: 'muted'}, 'root user') : link('/users/' + enc(c.userName), c.userName)},
        {title: 'Status', cell: c => badge(c.status, 'status-' + c.status.toLowerCase())},
        {title: 'Uploaded', cell: c => when(c.uploadDate)},
        {title: 'Expires', cell: c => when(c.expiration)}
      ], signing, c => ({'data-name': c.certificateId})) : empty('No signing certificates.'))
    ];
  }

  async function passwordPolicyPage() {
    const account = await api('password-policy');
    const p = account.policy;
    const yes = value => value ? 'yes' : 'no';
    return [
      h('h1', {}, 'Password policy'),
      h('p', {class: 'subtitle'}, account.accountAlias ? 'Account alias: ' + account.accountAlias : 'No account alias.'),
      panel(account.custom ? 'Custom policy' : 'No custom policy', null, account.custom
        ? h('div', {id: 'password-policy'}, facts([
            ['Minimum length', String(p.minimumPasswordLength)],
            ['Requires uppercase letters', yes(p.requireUppercaseCharacters)],
            ['Requires lowercase letters', yes(p.requireLowercaseCharacters)],
            ['Requires numbers', yes(p.requireNumbers)],
            ['Requires symbols', yes(p.requireSymbols)],
            ['Users may change their password', yes(p.allowUsersToChangePassword)],
            ['Passwords expire after', p.maxPasswordAge ? p.maxPasswordAge + ' days' : 'never'],
            ['Remembered passwords', p.passwordReusePrevention ? String(p.passwordReusePrevention) : 'none'],
            ['Expired passwords need an administrator reset', yes(p.hardExpiry)]
          ]))
        : h('p', {id: 'password-policy', class: 'empty'}, 'AWS’s default rules apply: at least 8 characters of 3 kinds. Set one with aws iam update-account-password-policy.'))
    ];
  }

  // ---- search ----

  async function searchPage(params) {
    const q = (params.get('q') || '').trim();
    searchBox.value = q;
    if (!q) return [h('h1', {}, 'Search'), empty('Type in the search box to find users, roles and policies by name or ARN.')];
    const found = await api('search?q=' + enc(q));
    const results = (title, id, rows, cell) => panel(title, rows.length, rows.length
      ? h('ul', {id: id}, rows.map(r => h('li', {}, cell(r))))
      : empty('No matches.'));
    return [
      h('h1', {}, 'Search: ', q),
      results('Users', 'search-users', found.users, u => link('/users/' + enc(u.userName), u.userName)),
      results('Roles', 'search-roles', found.roles, r => link('/roles/' + enc(r.roleName), r.roleName)),
      results('Policies', 'search-policies', found.policies,
        p => [link('/policies/' + enc(p.arn), p.policyName), p.awsManaged ? [' ', badge('AWS managed', 'badge-aws')] : null])
    ];
  }

  const searchBox = document.getElementById('search');
  searchBox.addEventListener('keydown', e => {
    if (e.key === 'Enter') location.hash = '#/search?q=' + enc(searchBox.value.trim());
  });

  // ---- policy simulator ----

  async function simulatorPage(params) {
    const [users, groups, roles] = await Promise.all([api('users'), api('groups'), api('roles')]);
    const chosen = params.get('source') || '';
    const option = (arn, label) => h('option', {value: arn, selected: arn === chosen}, label);
    const source = h('select', {id: 'sim-source', name: 'source'},
      h('optgroup', {label: 'Users'}, users.map(u => option(u.arn, u.userName))),
      h('optgroup', {label: 'Groups'}, groups.map(g => option(g.arn, g.groupName))),
      h('optgroup', {label: 'Roles'}, roles.map(r => option(r.arn, r.roleName))));
    const customPolicy = h('textarea', {id: 'sim-policy', rows: 7, spellcheck: 'false',
      placeholder: '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]\n}'});
    const actions = h('textarea', {id: 'sim-actions', rows: 2, spellcheck: 'false', placeholder: 'iam:ListUsers, s3:GetObject'});
    const resources = h('input', {id: 'sim-resources', type: 'text', spellcheck: 'false', placeholder: '* (all resources)', class: 'wide'});
    const context = h('textarea', {id: 'sim-context', rows: 2, spellcheck: 'false', placeholder: 'aws:SourceIp=203.0.113.7\naws:MultiFactorAuthPresent=true'});
    const results = h('div', {id: 'sim-results'});
    const principalRadio = h('input', {type: 'radio', name: 'mode', id: 'sim-mode-principal', value: 'principal', checked: true});
    const customRadio = h('input', {type: 'radio', name: 'mode', id: 'sim-mode-custom', value: 'custom'});
    const sourceRow = [h('label', {for: 'sim-source'}, 'IAM entity', h('span', {class: 'hint'}, 'Its own and its groups’ policies')), source];
    const policyLabel = h('label', {for: 'sim-policy'}, 'Policy document', h('span', {class: 'hint'}, 'Identity policy JSON'));
    const setMode = () => {
      const custom = customRadio.checked;
      sourceRow.forEach(el => { el.hidden = custom; });
      policyLabel.querySelector('.hint').textContent = custom ? 'Identity policy JSON (required)' : 'Optional: evaluated with the entity’s policies';
    };
    principalRadio.addEventListener('change', setMode);
    customRadio.addEventListener('change', setMode);
    const run = h('button', {type: 'submit', class: 'primary', id: 'sim-run'}, 'Run simulation');
    const form = h('form', {id: 'sim-form', class: 'panel', novalidate: true},
      h('div', {class: 'form-grid'},
        h('span', {class: 'label'}, h('b', {}, 'Simulate')),
        h('div', {class: 'radio-row'},
          h('label', {}, principalRadio, ' an IAM entity’s policies'),
          h('label', {}, customRadio, ' a custom policy')),
        sourceRow,
        policyLabel, customPolicy,
        h('label', {for: 'sim-actions'}, 'Actions', h('span', {class: 'hint'}, 'Comma or newline separated')), actions,
        h('label', {for: 'sim-resources'}, 'Resource ARNs', h('span', {class: 'hint'}, 'Optional, comma separated')), resources,
        h('label', {for: 'sim-context'}, 'Context keys', h('span', {class: 'hint'}, 'Optional, key=value per line')), context,
        h('span', {}), h('div', {}, run)));
    setMode();
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const request = {
        actionNames: split(actions.value),
        resourceArns: split(resources.value),
        contextEntries: context.value.split('\n').map(l => l.trim()).filter(l => l).map(l => {
          const eq = l.indexOf('=');
          const key = eq < 0 ? l : l.slice(0, eq).trim();
          const value = eq < 0 ? '' : l.slice(eq + 1).trim();
          return {key: key, values: value.split(',').map(v => v.trim()).filter(v => v)};
        })
      };
      if (customPolicy.value.trim()) request.policyDocuments = [customPolicy.value];
      if (principalRadio.checked) request.policySourceArn = source.value;
      run.disabled = true;
      results.replaceChildren(h('p', {class: 'muted'}, 'Simulating…'));
      try {
        const answer = await api('simulate', {method: 'POST', headers: {'Content-Type': 'application/json', Accept: 'application/json'},
          body: JSON.stringify(request)});
        results.replaceChildren(resultTable(answer.evaluationResults));
      } catch (error) {
        results.replaceChildren(errorBox(error));
      } finally {
        run.disabled = false;
      }
    });
    return [
      h('h1', {}, 'Policy simulator'),
      h('p', {class: 'subtitle'}, 'Runs SimulatePrincipalPolicy or SimulateCustomPolicy on the server’s policy engine. Nothing is changed.'),
      form,
      results
    ];
  }

  function split(text) {
    return text.split(/[\s,]+/).map(s => s.trim()).filter(s => s);
  }

  function resultTable(rows) {
    if (!rows.length) return empty('No results.');
    return h('section', {class: 'panel'}, h('h2', {}, 'Results'), table('sim-result-table', [
      {title: 'Action', class: 'mono', cell: r => r.EvalActionName},
      {title: 'Resource', class: 'mono', cell: r => r.EvalResourceName},
      {title: 'Decision', cell: r => h('span', {class: 'badge decision decision-' + r.EvalDecision}, r.EvalDecision)},
      {title: 'Matched statements', cell: r => (r.MatchedStatements || []).length
        ? (r.MatchedStatements || []).map(s => h('div', {}, s.SourcePolicyId || '?', h('span', {class: 'muted'},
            ' (' + (s.SourcePolicyType || '') + (s.StartPosition ? ', line ' + s.StartPosition.Line : '') + ')')))
        : h('span', {class: 'muted'}, 'none')},
      {title: 'Missing context keys', cell: r => (r.MissingContextValues || []).length ? r.MissingContextValues.join(', ') : h('span', {class: 'muted'}, '—')}
    ], rows, r => ({'data-action': r.EvalActionName})));
  }

  // ---- routing ----

  const routes = [
    [/^\/users$/, () => usersPage(), 'users'],
    [/^\/users\/(.+)$/, m => userPage(decodeURIComponent(m[1])), 'users'],
    [/^\/groups$/, () => groupsPage(), 'groups'],
    [/^\/groups\/(.+)$/, m => groupPage(decodeURIComponent(m[1])), 'groups'],
    [/^\/roles$/, () => rolesPage(), 'roles'],
    [/^\/roles\/(.+)$/, m => rolePage(decodeURIComponent(m[1])), 'roles'],
    [/^\/policies$/, (m, params) => policiesPage(params), 'policies'],
    [/^\/policies\/(.+)$/, m => policyPage(decodeURIComponent(m[1])), 'policies'],
    [/^\/access-keys$/, () => accessKeysPage(), 'access-keys'],
    [/^\/sessions$/, () => sessionsPage(), 'sessions'],
    [/^\/instance-profiles$/, () => instanceProfilesPage(), 'instance-profiles'],
    [/^\/identity-providers$/, () => identityProvidersPage(), 'identity-providers'],
    [/^\/mfa-devices$/, () => mfaDevicesPage(), 'mfa-devices'],
    [/^\/certificates$/, () => certificatesPage(), 'certificates'],
    [/^\/password-policy$/, () => passwordPolicyPage(), 'password-policy'],
    [/^\/search$/, (m, params) => searchPage(params), null],
    [/^\/simulator$/, (m, params) => simulatorPage(params), 'simulator']
  ];

  let renderCount = 0;

  async function render() {
    const hash = location.hash.replace(/^#/, '') || '/users';
    const q = hash.indexOf('?');
    const path = q < 0 ? hash : hash.slice(0, q);
    const params = new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
    const route = routes.find(([pattern]) => pattern.test(path));
    const mine = ++renderCount;
    for (const a of document.querySelectorAll('#nav a')) {
      if (route && a.dataset.section === route[2]) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    let content;
    if (!route) {
      content = [h('h1', {}, 'Not found'), h('p', {}, 'No console page at ', h('code', {}, '#' + hash), '.')];
    } else {
      try {
        content = await route[1](path.match(route[0]), params);
      } catch (error) {
        content = [h('h1', {}, 'Could not load this page'), errorBox(error)];
      }
    }
    if (mine !== renderCount) return; // a newer navigation won
    main.replaceChildren(...[content].flat(Infinity).filter(n => n));
    document.title = (document.querySelector('#main h1') || {textContent: 'IAMLocal'}).textContent + ' · IAMLocal console';
    main.setAttribute('data-loaded', path);
  }

  async function loadAccounts() {
    try {
      const list = (await api('accounts')).accounts;
      const picked = accountPicker.value;
      accountPicker.replaceChildren(...list.map(a => h('option', {value: a.default ? '' : a.key},
        (a.partition === 'aws' ? '' : a.partition + ' ') + a.accountId + (a.default ? ' (default)' : ''))));
      accountPicker.value = list.some(a => a.key === picked) ? picked : '';
      accountPicker.hidden = list.length < 2;
    } catch (error) {
      accountPicker.hidden = true;
    }
  }

  async function loadAccount() {
    await loadAccounts();
    try {
      const account = await api('account');
      accountLabel.textContent = 'Account ' + account.accountId + ' · ' + account.region
        + (account.enforce ? ' · policies enforced' : ' · policies not enforced (--no-enforce)');
      for (const el of document.querySelectorAll('[data-count]')) {
        const value = account.counts[el.dataset.count];
        el.textContent = value === undefined ? '' : String(value);
      }
    } catch (error) {
      accountLabel.textContent = 'server unreachable';
    }
  }

  document.getElementById('refresh').addEventListener('click', () => {
    loadAccount();
    render();
  });
  accountPicker.addEventListener('change', () => {
    const leastPrivilege = document.querySelector('a[href^="least-privilege.html"]');
    if (leastPrivilege) {
      leastPrivilege.href = 'least-privilege.html' + (accountPicker.value ? '?account=' + encodeURIComponent(accountPicker.value) : '');
    }
    loadAccount();
    render();
  });
  window.addEventListener('hashchange', render);
  loadAccount();
  render();
})();
