import {api, attempt, fields, say} from './panel.js';

/** Only a path on this server: a next= that named another site would make the form a redirector. */
function next() {
  const target = new URLSearchParams(location.search).get('next') || '';
  return target.startsWith('/') && !target.startsWith('//') ? target : '/panel/';
}

document.getElementById('login').addEventListener('submit', event => {
  event.preventDefault();
  attempt(async () => {
    say('Checking…');
    await api('POST', '/panel/login', fields(event.target));
    location.assign(next());
  });
});
