import {api, attempt, fields, say} from './panel.js';

/**
 * Only a page of this server: a next= that named another site (also as //host or /\\host, which
 * browsers read as one) would make the form a redirector.
 */
function next() {
  const target = new URL(new URLSearchParams(location.search).get('next') || '/panel/', location.origin);
  return target.origin === location.origin ? target.pathname + target.search : '/panel/';
}

document.getElementById('login').addEventListener('submit', event => {
  event.preventDefault();
  attempt(async () => {
    say('Checking…');
    await api('POST', '/panel/login', fields(event.target));
    location.assign(next());
  });
});
