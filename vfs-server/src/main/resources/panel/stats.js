import {api, attempt, bytes, el, header, show, table} from './panel.js';

const EVERY_MS = 5000;

function figure(term, value) {
  return [el('dt', {}, term), el('dd', {}, value)];
}

async function refresh() {
  const stats = await api('GET', '/v1/stats');
  const sessions = Object.entries(stats.sessions);
  show('figures', el('dl', {class: 'figures'},
      figure('Up', stats.uptimeSeconds + ' s'),
      figure('Open sessions', sessions.length === 0 ? 'none'
          : sessions.map(([protocol, open]) => protocol + ' ' + open).join(', ')),
      figure('Commands committed', stats.commandsCommitted),
      figure('Commands refused', stats.commandsRefused),
      figure('Commands failed', stats.commandsFailed),
      figure('Content stored', bytes(stats.bytesIn)),
      figure('Content read', bytes(stats.bytesOut)),
      figure('Logins refused', stats.loginsRefused)));
  show('volumes', table('Volumes', ['Volume', 'Events'],
      stats.volumes.map(v => [v.name, String(v.events)]), 'No volume holds an event yet.'));
  show('updated', 'Last read at ' + new Date().toLocaleTimeString() + '.');
}

attempt(async () => {
  await header();
  await refresh();
  setInterval(() => attempt(refresh), EVERY_MS);
});
