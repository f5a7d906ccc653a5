import {api, attempt, el, header, say, show, table} from './panel.js';

async function end(session) {
  if (!confirm('End the ' + session.protocol + ' session ' + session.id + (session.user ? ' of ' + session.user : '') + '?')) {
    return;
  }
  await api('DELETE', '/v1/sessions/' + encodeURIComponent(session.id));
  say('Ended session ' + session.id + '.');
  await refresh();
}

async function refresh() {
  const sessions = await api('GET', '/v1/sessions');
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
