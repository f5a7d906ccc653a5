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

function actions(user) {
  return [
    el('button', {type: 'button', class: 'danger', onclick: () => attempt(() => {
      if (confirm('Remove the user ' + user.name + '? Their files stay.')) {
        return change(() => api('DELETE', userPath(user.name)), 'Removed ' + user.name + '.');
      }
    })}, 'Remove'),
  ];
}

async function refresh() {
  const users = await api('GET', '/v1/users');
  show('users', table('Users', ['Name', 'Volume', 'Home', 'Access', 'Password', 'SSH keys', ''],
      users.map(u => [el('strong', {}, u.name), u.volume, el('code', {}, u.home),
        u.readOnly ? 'read-only' : 'read and write', u.hasPassword ? 'yes' : 'no', String(u.keys.length),
        actions(u)]),
      'No user yet.'));
  document.getElementById('passwd-user').replaceChildren(...users.map(u => el('option', {value: u.name}, u.name)));
}

document.getElementById('add').addEventListener('submit', event => {
  event.preventDefault();
  attempt(async () => {
    const {name, password, volume, home, readOnly} = fields(event.target);
    await change(async () => api('POST', '/v1/users', {name, passwordHash: await hashOf(password), keys: [],
      volume, home: home || null, readOnly: readOnly === 'on'}), 'Added ' + name + '.');
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

attempt(async () => {
  await header();
  await refresh();
});
