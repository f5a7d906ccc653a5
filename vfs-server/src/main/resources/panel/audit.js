import {api, attempt, details, el, fields, header, say, show, table, volumeChoices, volumePath} from './panel.js';

const form = document.getElementById('filters');
const nextButton = document.getElementById('next');
const firstButton = document.getElementById('first');

async function load(after) {
  const {volume, ...filters} = fields(form);
  const page = await api('GET', volumePath(volume, 'log', {...filters, after}));
  show('entries', table('Events in ' + volume, ['Position', 'Time', 'User', 'Protocol', 'Address', 'Event', 'Path',
      'Details'], page.entries.map(e => [String(e.position), e.time, e.actor.user, e.actor.protocol, e.actor.address,
    e.event, el('code', {}, e.path || ''), details(e)]), 'No event matches.'));
  nextButton.hidden = page.next === null || page.next === undefined;
  nextButton.onclick = () => attempt(() => load(page.next));
  firstButton.hidden = !after;
  say(page.entries.length + ' events' + (after ? ' after position ' + after : '') + '.');
}

form.addEventListener('submit', event => {
  event.preventDefault();
  attempt(() => load());
});
firstButton.addEventListener('click', () => attempt(() => load()));

attempt(async () => {
  await header();
  const volume = document.getElementById('volume');
  await volumeChoices(volume);
  // The users' own stream: who added, disabled or invited whom.
  volume.append(el('option', {value: '@accounts'}, '@accounts (users)'));
  await load();
});
