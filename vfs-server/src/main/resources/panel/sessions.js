import {api, attempt, el, header, say, show, table} from './panel.js';

async function end(session) {
  if (!confirm('End the ' + session.protocol + ' session ' + session.id + (session.user ? ' of ' + session.user : '') + '?')) {
    return;
  }
  await api('DELETE', '/v1/sessions/' + encodeURIComponent(session.id));
  say('Ended session ' + session.id + '.');
  await refresh();
}

/** This server may not list sessions one by one; then the counts per protocol from the stats are all there is. */
async function counts() {
  const stats = await api('GET', '/v1/stats');
  const open = Object.entries(stats.sessions);
  show('sessions',
      el('p', {class: 'empty'}, 'This server does not list its sessions one by one (no /v1/sessions endpoint), '
          + 'so they cannot be seen or ended here. It counts them by protocol:'),
      table('Open sessions by protocol', ['Protocol', 'Open'], open.map(([protocol, n]) => [protocol, String(n)]),
          'No session is open.'));
}

async function refresh() {
  let sessions;
  try {
    sessions = await api('GET', '/v1/sessions');
  } catch (e) {
    if (e.status === 404) {
      return counts();
    }
    throw e;
  }
  show('sessions', table('Open sessions', ['Session', 'Protocol', 'User', 'Address', 'Client', 'Since', ''],
      sessions.map(s => [el('code', {}, s.id), s.protocol, s.user || '(not logged in)', s.address, s.client || '',
        s.since, el('button', {type: 'button', class: 'danger', onclick: () => attempt(() => end(s))}, 'End')]),
      'No session is open.'));
}

attempt(async () => {
  await header();
  document.getElementById('refresh').addEventListener('click', () => attempt(refresh));
  await refresh();
});
