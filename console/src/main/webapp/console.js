// The console's browser side: a login form, then the accounts and bindings of /api, refreshed after each
// change. Credentials stay in this page's memory only; every value from the server goes in as text, never
// as markup.
'use strict';

const state = { authorization: null };

function $(selector) {
  return document.querySelector(selector);
}

function showMessage(text, isError) {
  const message = $('#message');
  message.textContent = text;
  message.className = isError ? 'error' : 'info';
  message.hidden = !text;
}

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// credentials: 'omit' keeps the browser from adding (or prompting for) credentials of its own: the
// Authorization header below is the only one sent.
async function api(method, path, body) {
  const headers = { Authorization: state.authorization };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch('/api' + path, {
    method,
    headers,
    credentials: 'omit',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) {
    return null;
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, json.error || response.statusText);
  }
  return json;
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  row.appendChild(td);
  return td;
}

function button(label, onClick, className) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (className) {
    b.className = className;
  }
  b.addEventListener('click', onClick);
  return b;
}

function accountPath(account) {
  return '/accounts/' + encodeURIComponent(account.username) + '@' + encodeURIComponent(account.domain);
}

function renderAccounts(accounts) {
  const body = $('#accounts tbody');
  body.replaceChildren();
  const domains = new Set();
  for (const account of accounts) {
    domains.add(account.domain);
    const row = document.createElement('tr');
    row.classList.toggle('disabled', !account.enabled);
    cell(row, account.aor);
    cell(row, account.displayName);
    cell(row, account.admin ? 'yes' : '');
    cell(row, account.enabled ? 'enabled' : 'disabled');
    cell(row, new Date(account.createdAt).toLocaleString());
    const toggle = account.enabled ? 'Disable' : 'Enable';
    cell(row, '').appendChild(button(toggle, () => change(
        () => api('PATCH', accountPath(account), { enabled: !account.enabled }),
        `${account.username}@${account.domain} ${account.enabled ? 'disabled' : 'enabled'}`)));
    body.appendChild(row);
  }
  const list = $('#domains');
  list.replaceChildren(...[...domains].map((domain) => {
    const option = document.createElement('option');
    option.value = domain;
    return option;
  }));
}

function renderBindings(bindings) {
  const body = $('#bindings tbody');
  body.replaceChildren();
  if (bindings.length === 0) {
    const row = document.createElement('tr');
    cell(row, 'No phone is registered.').colSpan = 7;
    body.appendChild(row);
  }
  for (const binding of bindings) {
    const row = document.createElement('tr');
    cell(row, binding.aor);
    cell(row, binding.contact);
    cell(row, binding.expiresIn + ' s');
    cell(row, binding.q);
    cell(row, `${binding.source.address}:${binding.source.port} ${binding.source.transport}`);
    cell(row, binding.userAgent);
    const query = '?aor=' + encodeURIComponent(binding.aor) + '&contact=' + encodeURIComponent(binding.contact);
    cell(row, '').appendChild(button('Remove', () => change(
        () => api('DELETE', '/bindings' + query), `binding ${binding.contact} removed`), 'danger'));
    body.appendChild(row);
  }
}

async function refresh() {
  const [accounts, bindings] = await Promise.all([api('GET', '/accounts'), api('GET', '/bindings')]);
  renderAccounts(accounts.accounts);
  renderBindings(bindings.bindings);
}

// Runs one change, reports it, and shows the state the server has afterwards.
async function change(action, done) {
  try {
    await action();
    showMessage(done, false);
  } catch (error) {
    handle(error);
  }
  await refresh().catch(handle);
}

function handle(error) {
  if (error instanceof ApiError && error.status === 401) {
    logOut('Your credentials were refused; log in again.');
    return;
  }
  showMessage(error.message, true);
}

function showConsole(loggedIn, user) {
  $('#login-section').hidden = loggedIn;
  $('#console-sections').hidden = !loggedIn;
  $('#logout').hidden = !loggedIn;
  $('#who').hidden = !loggedIn;
  $('#who').textContent = loggedIn ? 'Logged in as ' + user : '';
}

function logOut(message) {
  state.authorization = null;
  showConsole(false);
  showMessage(message || '', Boolean(message));
}

// btoa takes Latin-1 only: encode the credentials as UTF-8 first, as RFC 7617 asks.
function basic(user, password) {
  const bytes = new TextEncoder().encode(user + ':' + password);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

async function logIn(event) {
  event.preventDefault();
  const form = event.target;
  state.authorization = basic(form.user.value, form.password.value);
  form.password.value = '';
  try {
    await refresh();
    showConsole(true, form.user.value);
    showMessage('', false);
  } catch (error) {
    state.authorization = null;
    showMessage(error.status === 403 ? 'This account is not an administrator.'
        : error.status === 401 ? 'Wrong user or password.' : error.message, true);
  }
}

async function createAccount(event) {
  event.preventDefault();
  const form = event.target;
  const account = {
    username: form.username.value.trim(),
    password: form.password.value,
    admin: form.admin.checked,
  };
  if (form.domain.value.trim()) {
    account.domain = form.domain.value.trim();
  }
  if (form.displayName.value.trim()) {
    account.displayName = form.displayName.value.trim();
  }
  await change(async () => {
    const created = await api('POST', '/accounts', account);
    form.reset();
    return created;
  }, `account ${account.username} created`);
}

document.addEventListener('DOMContentLoaded', () => {
  $('#login-form').addEventListener('submit', logIn);
  $('#create-form').addEventListener('submit', createAccount);
  $('#refresh').addEventListener('click', () => refresh().catch(handle));
  $('#logout').addEventListener('click', () => logOut());
});
