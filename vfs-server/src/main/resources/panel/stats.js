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
      figure('Store failures', stats.storeFailures),
      figure('Content stored', bytes(stats.bytesIn)),
      figure('Content read', bytes(stats.bytesOut)),
      figure('Logins refused', stats.loginsRefused),
      figure('Blob store', stats.blobs ? stats.blobs.blocks + ' blocks, ' + bytes(stats.blobs.bytes) + ', measured '
          + stats.blobs.measured : 'being measured')));
  show('rates', table('Recent rates', ['Over the last', 'Commands/s', 'Stored/s', 'Read/s'],
      stats.rates.map(r => [r.seconds + ' s', r.commandsPerSecond.toFixed(1), bytes(Math.round(r.bytesInPerSecond)),
        bytes(Math.round(r.bytesOutPerSecond))]), 'No rate measured yet.'));
  show('streams', table('Streams: each volume, and @accounts for the users', ['Stream', 'Events', 'Size', 'Lag'],
      stats.streams.map(s => [s.stream, String(s.events), bytes(s.bytes), s.lag === null || s.lag === undefined
          ? 'not loaded' : String(s.lag)]), 'No stream holds an event yet.'));
  show('updated', 'Last read at ' + new Date().toLocaleTimeString() + '.');
}

attempt(async () => {
  await header();
  await refresh();
  setInterval(() => attempt(refresh), EVERY_MS);
});
