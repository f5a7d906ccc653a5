import {api, attempt, el, fields, header, say, show, table} from './panel.js';

/** The panel has no Argon2id: the server hashes the password, over this TLS connection, and keeps only the hash. */
async function hashOf(password) {
  return (await api('POST', '/v1/password-hashes', {password})).passwordHash;
}

function userPath(name) {
  return '/v1/users/' + encodeURIComponent(name);
}

async function change(action, done) {
  await action();
  say(done);
  await refresh();
}

function button(label, action, kind = 'quiet') {
  return el('button', {type: 'button', class: kind, onclick: () => attempt(action)}, label);
}

function actions(user) {
  const name = user.name;
  if (user.state === 'invited') {
    return button('Revoke the invite', () => change(() => api('DELETE', '/v1/invites/' + encodeURIComponent(name)),
        'Revoked the invite of ' + name + '.'), 'danger');
  }
  return [
    user.state === 'disabled'
        ? button('Enable', () => change(() => api('POST', userPath(name) + '/enable'), 'Enabled ' + name + '.'))
        : button('Disable', () => change(() => api('POST', userPath(name) + '/disable'), 'Disabled ' + name
            + ': they can no longer log in.')),
    button(user.admin ? 'Make not admin' : 'Make admin', () => change(() => api('PUT', userPath(name) + '/admin',
        {admin: !user.admin}), (user.admin ? 'Took the admin role from ' : 'Gave the admin role to ') + name + '.')),
    button('Remove', () => confirm('Remove the user ' + name + '? Their files stay.')
        && change(() => api('DELETE', userPath(name)), 'Removed ' + name + '.'), 'danger'),
  ];
}

async function refresh() {
  const users = await api('GET', '/v1/users');
  show('users', table('Users', ['Name', 'State', 'Role', 'Volume', 'Home', 'Access', 'Password', 'SSH keys', ''],
      users.map(u => [el('strong', {}, u.name),
        el('span', {class: 'state-' + u.state}, u.state + (u.inviteExpires ? ' until ' + u.inviteExpires : '')),
        u.admin ? 'admin' : 'user', u.volume, el('code', {}, u.home), u.readOnly ? 'read-only' : 'read and write',
        u.hasPassword ? 'yes' : 'no', String(u.keys.length), actions(u)]),
      'No user yet.'));
  const active = users.filter(u => u.state !== 'invited');
  document.getElementById('passwd-user').replaceChildren(...active.map(u => el('option', {value: u.name}, u.name)));
}

document.getElementById('add').addEventListener('submit', event => {
  event.preventDefault();
  attempt(async () => {
    const {name, password, volume, home, readOnly, admin} = fields(event.target);
    await change(async () => api('POST', '/v1/users', {name, passwordHash: await hashOf(password), keys: [],
      volume, home: home || null, readOnly: readOnly === 'on', admin: admin === 'on'}), 'Added ' + name + '.');
    event.target.reset();
  });
});

document.getElementById('passwd').addEventListener('submit', event => {
  event.preventDefault();
  attempt(async () => {
    const {name, password} = fields(event.target);
    await change(async () => api('PUT', userPath(name) + '/password', {passwordHash: await hashOf(password)}),
        'Set a new password for ' + name + '.');
    event.target.reset();
  });
});

/** The code is shown once, here: the server keeps only its hash. */
document.getElementById('invite').addEventListener('submit', event => {
  event.preventDefault();
  attempt(async () => {
    const {home, name, volume, days, readOnly} = fields(event.target);
    const invitation = await api('POST', '/v1/invites', {name: name || null, volume, home,
      readOnly: readOnly === 'on', validSeconds: Number(days) * 86400});
    const link = location.origin + '/join?code=' + encodeURIComponent(invitation.code);
    show('invited', el('div', {class: 'invitation', role: 'region', 'aria-label': 'New invite'},
        el('p', {}, 'Invited ', el('strong', {}, invitation.name), ' to ', el('code', {}, invitation.home),
            ' in ', invitation.volume, ', until ', invitation.expires, '. The code is shown only now:'),
        el('p', {}, 'Code: ', el('code', {id: 'invite-code'}, invitation.code)),
        el('p', {}, 'Join link: ', el('a', {id: 'invite-link', href: link}, link))));
    say('Invited ' + invitation.name + '.');
    event.target.reset();
    await refresh();
  });
});

attempt(async () => {
  await header();
  await refresh();
});
