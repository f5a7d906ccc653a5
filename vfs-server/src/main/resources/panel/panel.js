// What every page of the control panel shares: requests to the admin API, the page's header, and
// building the page from data with text nodes only, so nothing the server sends is parsed as HTML.

/** Sent with every request: the server takes the session cookie for a change only with it. */
const PANEL_HEADER = {'X-Requested-With': 'eventvfs-panel'};

/** A refusal or failure the admin API answered, with its one-line message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * Calls the admin API and returns its JSON answer. Without a login it goes to the login page, and
 * comes back here after it.
 */
export async function api(method, path, body) {
  const options = {method, headers: {...PANEL_HEADER}, credentials: 'same-origin'};
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (response.status === 401 && document.body.dataset.page !== 'login' && document.body.dataset.page !== 'join') {
    location.assign('/panel/login.html?next=' + encodeURIComponent(location.pathname + location.search));
    throw new ApiError(401, 'not logged in');
  }
  const text = await response.text();
  const data = text && (response.headers.get('Content-Type') || '').startsWith('application/json')
      ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data && data.error ? data.error : response.status + ' ' + response.statusText);
  }
  return data;
}

/** An element with attributes ({@code on…} ones as listeners) and children; strings become text nodes. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/** A table with a caption, column headers and rows of cells (each a node, a string or an array of them). */
export function table(caption, headers, rows, empty) {
  if (rows.length === 0) {
    return el('p', {class: 'empty'}, empty);
  }
  return el('div', {class: 'scroll'}, el('table', {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, headers.map(h => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(cell => el('td', {}, cell)))))));
}

/** Replaces the children of the element with that id. */
export function show(id, ...children) {
  document.getElementById(id).replaceChildren(...children.flat());
}

/** Says what happened in the page's status line: an error is announced at once. */
export function say(message, error = false) {
  const line = document.getElementById('status');
  line.className = error ? 'error' : 'ok';
  line.setAttribute('role', error ? 'alert' : 'status');
  line.textContent = message;
}

/** Runs an action of the page; its failure goes to the status line instead of the console. */
export async function attempt(action) {
  try {
    await action();
  } catch (e) {
    say(e.message, true);
  }
}

/** The values of a form's named fields. */
export function fields(form) {
  return Object.fromEntries(new FormData(form).entries());
}

const PAGES = [
  ['users', 'Users and invites'],
  ['sessions', 'Live sessions'],
  ['files', 'Files'],
  ['audit', 'Audit log'],
  ['stats', 'Stats'],
];

/** Puts the header (the pages, who is logged in, log out) above a page that needs a login. */
export async function header() {
  const page = document.body.dataset.page;
  const who = el('span', {id: 'who'});
  document.body.prepend(el('header', {},
      el('a', {class: 'skip', href: '#main'}, 'Skip to the content'),
      el('p', {class: 'brand'}, 'eventvfs'),
      el('nav', {'aria-label': 'Panel pages'}, el('ul', {}, PAGES.map(([name, title]) =>
          el('li', {}, el('a', {href: '/panel/' + name + '.html', 'aria-current': name === page ? 'page' : null},
              title))))),
      el('p', {class: 'who'}, 'Logged in as ', who, ' ',
          el('button', {type: 'button', onclick: logout}, 'Log out'))));
  who.textContent = (await api('GET', '/panel/session')).user;
}

async function logout() {
  await api('POST', '/panel/logout');
  location.assign('/panel/login.html');
}

/** A number of bytes as people read it. */
export function bytes(n) {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return (unit === 0 ? value : value.toFixed(1)) + ' ' + units[unit];
}

/** Fills a select with the server's volumes. */
export async function volumeChoices(select) {
  const names = (await api('GET', '/v1/volumes')).map(volume => volume.name);
  select.replaceChildren(...names.map(name => el('option', {value: name}, name)));
  if (names.length === 0) {
    select.append(el('option', {value: 'default'}, 'default'));
  }
}

/** {@code /v1/volumes/NAME/WHAT?…} with the parameters that have a value. */
export function volumePath(volume, what, parameters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') {
      query.append(name, value);
    }
  }
  return '/v1/volumes/' + encodeURIComponent(volume) + '/' + what + (query.size ? '?' + query : '');
}

/**
 * One log entry's details as short text: size=…, mode=…, and so on, with hashes cut as `vfs log`
 * cuts them; an account event's change is already key=value words.
 */
export function details(entry) {
  const parts = Object.entries(entry.details || {}).map(([name, value]) => name === 'change' ? value
    : name + '=' + (name === 'sha256' ? String(value).slice(0, 12) : value));
  return (entry.toPath ? '→ ' + entry.toPath + ' ' : '') + parts.join(' ');
}
