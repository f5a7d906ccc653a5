import {api, attempt, bytes, details, el, header, say, show, table, volumeChoices, volumePath} from './panel.js';

const form = document.getElementById('where');
const volume = document.getElementById('volume');
const folder = document.getElementById('path');
const at = document.getElementById('at');

function parent(path) {
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

function download(path, position, label) {
  return el('a', {class: 'button quiet', download: '',
    href: volumePath(volume.value, 'download', {path, at: '@' + position})}, label);
}

async function tree() {
  const listing = await api('GET', volumePath(volume.value, 'tree', {path: folder.value, at: at.value}));
  const when = at.value ? ' as of @' + listing.position + ' (' + listing.time + ')' : ' now (@' + listing.position + ')';
  const rows = listing.children.map(entry => [
    entry.kind === 'directory'
        ? el('button', {type: 'button', class: 'quiet', onclick: () => open(entry.path)}, entry.name + '/')
        : el('span', {class: 'mono'}, entry.name),
    entry.kind,
    entry.kind === 'file' ? el('span', {title: entry.size + ' bytes'}, bytes(entry.size)) : '',
    entry.modified,
    entry.sha256 ? el('code', {title: entry.sha256}, entry.sha256.slice(0, 12)) : '',
    entry.kind === 'file' ? [
      el('button', {type: 'button', class: 'quiet', onclick: () => attempt(() => history(entry.path))}, 'History'),
      download(entry.path, listing.position, 'Download'),
    ] : '',
  ]);
  show('tree',
      listing.path === '/' ? '' : el('p', {}, el('button', {type: 'button', class: 'quiet',
        onclick: () => open(parent(listing.path))}, 'Up to ' + parent(listing.path))),
      table(listing.path + when, ['Name', 'Kind', 'Size', 'Modified', 'SHA-256', ''], rows, 'This folder was empty.'));
  say('Showing ' + listing.path + when + '.');
}

function open(path) {
  folder.value = path;
  attempt(tree);
}

/** Every revision of a file, followed across renames, each with its bytes to download. */
async function history(path) {
  const found = await api('GET', volumePath(volume.value, 'history', {path, at: at.value}));
  show('history', table('Revisions of ' + found.path, ['Position', 'Time', 'Who', 'Event', 'Path', 'Details', ''],
      found.revisions.map(r => [String(r.position), r.time, r.actor.user + ' over ' + r.actor.protocol, r.event,
    el('code', {}, r.path), details(r), [
      el('button', {type: 'button', class: 'quiet', onclick: () => {
        at.value = '@' + r.position;
        open(parent(r.path));
      }}, 'Show the folder then'),
      r.event === 'NodeRemoved' ? '' : download(r.path, r.position, 'Download'),
    ]]), 'No revision.'));
  const section = document.getElementById('history-section');
  section.hidden = false;
  document.getElementById('history-title').textContent = 'History of ' + found.path;
  document.getElementById('history-title').focus();
}

form.addEventListener('submit', event => {
  event.preventDefault();
  attempt(tree);
});
document.getElementById('now').addEventListener('click', () => {
  at.value = '';
  attempt(tree);
});
volume.addEventListener('change', () => open('/'));

attempt(async () => {
  await header();
  await volumeChoices(volume);
  await tree();
});
