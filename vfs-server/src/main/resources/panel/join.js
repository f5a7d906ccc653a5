import {api, attempt, fields, say, show} from './panel.js';

const form = document.getElementById('join');
document.getElementById('code').value = new URLSearchParams(location.search).get('code') || '';

/** One command line per protocol the server serves, on the host name this page was reached by. */
function instructions(user, served) {
  const host = location.hostname.includes(':') ? '[' + location.hostname + ']' : location.hostname;
  const lines = served.protocols.map(p => {
    switch (p.protocol) {
      case 'sftp': return 'sftp -P ' + p.port + ' ' + user + '@' + host;
      case 'webdav': return 'cadaver ' + (p.tls ? 'https://' : 'http://') + host + ':' + p.port + '/';
      case 'ftp': return 'lftp -u ' + user + ' -p ' + p.port + ' ' + host;
      default: return p.protocol + ' on port ' + p.port;
    }
  });
  return lines.length ? lines.join('\n') : 'Ask the administrator how to connect: no file protocol is served.';
}

form.addEventListener('submit', event => {
  event.preventDefault();
  attempt(async () => {
    const {code, password, again, key} = fields(form);
    if (password !== again) {
      throw new Error('The two passwords differ.');
    }
    if (!password && !key.trim()) {
      throw new Error('Choose a password or give an SSH public key.');
    }
    say('Joining…');
    const joined = await api('POST', '/v1/join', {code: code.trim(), password: password || null,
      keys: key.trim() ? [key.trim()] : []});
    const served = await api('GET', '/join/protocols');
    document.getElementById('form-part').hidden = true;
    say('');
    show('user', joined.name);
    show('how', instructions(joined.name, served));
    document.getElementById('done').hidden = false;
    document.getElementById('welcome').focus();
  });
});
