// The console's browser side: a login form, then the accounts, bindings, live calls and call records of
// /api, refreshed after each change, and one account's call preferences and presence. Credentials stay in this page's memory only; every value from the server goes in as text, never
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

async function api(method, path, body) {
  const response = await send(method, path, body, 'application/json');
  if (response.status === 204) {
    return null;
  }
  return response.json();
}

// A GET answered in another media type than JSON (call records as text/csv), as a Blob.
async function download(path, mediaType) {
  return (await send('GET', path, undefined, mediaType)).blob();
}

// credentials: 'omit' keeps the browser from adding (or prompting for) credentials of its own: the
// Authorization header below is the only one sent.
async function send(method, path, body, accept) {
  const headers = { Authorization: state.authorization, Accept: accept };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch('/api' + path, {
    method,
    headers,
    credentials: 'omit',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const json = await response.json().catch(() => ({}));
    throw new ApiError(response.status, json.error || response.statusText);
  }
  return response;
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
    cell(row, when(account.createdAt));
    const toggle = account.enabled ? 'Disable' : 'Enable';
    cell(row, '').appendChild(button(toggle, () => change(
        () => api('PATCH', accountPath(account), { enabled: !account.enabled }),
        `${account.username}@${account.domain} ${account.enabled ? 'disabled' : 'enabled'}`)));
    row.lastChild.appendChild(button('Preferences', () => loadPreferences(`${account.username}@${account.domain}`)));
    row.lastChild.appendChild(button('Presence', () => loadPresence(`${account.username}@${account.domain}`)));
    body.appendChild(row);
  }
  fillOptions('#account-ids', accounts.map((account) => `${account.username}@${account.domain}`));
  fillOptions('#domains', [...domains]);
}

function fillOptions(selector, values) {
  $(selector).replaceChildren(...values.map((value) => {
    const option = document.createElement('option');
    option.value = value;
    return option;
  }));
}

function renderBindings(bindings) {
  const body = $('#bindings tbody');
  body.replaceChildren();
  if (bindings.length === 0) {
    emptyRow(body, 'No phone is registered.', 7);
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

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

// A row saying the table is empty, across all its columns.
function emptyRow(body, text, columns) {
  const row = document.createElement('tr');
  cell(row, text).colSpan = columns;
  body.appendChild(row);
}

function renderCalls(calls) {
  const body = $('#calls tbody');
  body.replaceChildren();
  if (calls.length === 0) {
    emptyRow(body, 'No call is in progress.', 6);
  }
  for (const call of calls) {
    const row = document.createElement('tr');
    cell(row, call.caller);
    cell(row, call.callee);
    cell(row, call.state);
    cell(row, when(call.started));
    cell(row, when(call.answered));
    cell(row, '').appendChild(button('Hang up', () => change(
        () => api('DELETE', '/calls/' + encodeURIComponent(call.id)), `call ${call.caller} → ${call.callee} hung up`),
        'danger'));
    body.appendChild(row);
  }
}

async function refresh() {
  const [accounts, bindings, calls] = await Promise.all([api('GET', '/accounts'), api('GET', '/bindings'),
    api('GET', '/calls')]);
  renderAccounts(accounts.accounts);
  renderBindings(bindings.bindings);
  renderCalls(calls.calls);
}

// --- call preferences: the form shows one account's, and a save replaces them all

const PREFERENCE_TEXT_FIELDS = ['forwardAlways', 'forwardBusy', 'forwardNoAnswer', 'forwardOffline'];
const PREFERENCE_LIST_FIELDS = ['blocked', 'alsoRing'];

// An account written user@domain as a path segment, each part escaped
function accountIdSegment(accountId) {
  const at = accountId.lastIndexOf('@');
  return encodeURIComponent(accountId.slice(0, at)) + '@' + encodeURIComponent(accountId.slice(at + 1));
}

function accountIdPath(accountId, suffix) {
  return '/accounts/' + accountIdSegment(accountId) + suffix;
}

function preferencesPath(accountId) {
  return accountIdPath(accountId, '/preferences');
}

function showPreferences(accountId, preferences) {
  const form = $('#preferences-form');
  state.preferencesOf = accountId;
  $('#preferences-load-form').account.value = accountId;
  form.doNotDisturb.checked = preferences.doNotDisturb;
  for (const field of PREFERENCE_TEXT_FIELDS) {
    form[field].value = preferences[field] || '';
  }
  form.noAnswerSeconds.value = preferences.noAnswerSeconds;
  form.forwardMode.value = preferences.forwardMode;
  for (const field of PREFERENCE_LIST_FIELDS) {
    form[field].value = preferences[field].join('\n');
  }
  form.hidden = false;
}

async function loadPreferences(accountId) {
  try {
    showPreferences(accountId, await api('GET', preferencesPath(accountId)));
  } catch (error) {
    $('#preferences-form').hidden = true;
    handle(error);
  }
}

async function savePreferences(event) {
  event.preventDefault();
  const form = event.target;
  const preferences = {
    doNotDisturb: form.doNotDisturb.checked,
    noAnswerSeconds: Number(form.noAnswerSeconds.value),
    forwardMode: form.forwardMode.value,
  };
  for (const field of PREFERENCE_TEXT_FIELDS) {
    preferences[field] = form[field].value.trim() || null;
  }
  for (const field of PREFERENCE_LIST_FIELDS) {
    preferences[field] = form[field].value.split('\n').map((line) => line.trim()).filter((line) => line);
  }
  const accountId = state.preferencesOf;
  try {
    showPreferences(accountId, await api('PUT', preferencesPath(accountId), preferences));
    showMessage(`call preferences of ${accountId} saved`, false);
  } catch (error) {
    handle(error);
  }
}

// --- presence: one account's state, watchers and presence rules; a watcher's Allow or Block saves the rules

const RULE_LISTS = ['allow', 'block', 'politeBlock'];

function lines(text) {
  return text.split('\n').map((line) => line.trim()).filter((line) => line);
}

function showPresenceRules(rules) {
  const form = $('#presence-rules-form');
  state.presenceRules = rules;
  form.default.value = rules.default || '';
  for (const list of RULE_LISTS) {
    form[list].value = rules[list].join('\n');
  }
  const platform = rules.platformDefault;
  $('#platform-default-option').textContent =
      `the platform's default (our domains: ${platform.ourDomains}, others: ${platform.otherDomains})`;
}

function renderWatchers(watchers) {
  const body = $('#watchers tbody');
  body.replaceChildren();
  if (watchers.length === 0) {
    emptyRow(body, 'Nobody watches this account.', 5);
  }
  for (const watcher of watchers) {
    const row = document.createElement('tr');
    const pending = watcher.status === 'pending';
    row.classList.toggle('pending', pending);
    cell(row, watcher.watcher);
    cell(row, pending ? 'pending: waits for a decision' : watcher.status);
    cell(row, watcher.grant);
    cell(row, when(watcher.expires));
    const actions = cell(row, '');
    actions.appendChild(button('Allow', () => decideWatcher(watcher.watcher, 'allow')));
    actions.appendChild(button('Block', () => decideWatcher(watcher.watcher, 'block'), 'danger'));
    body.appendChild(row);
  }
}

// The state comes from the presence application; when it cannot say (not deployed, failing), "unknown".
async function showPresenceState(accountId) {
  const stateText = $('#presence-state');
  try {
    const presence = await api('GET', '/presence/' + accountIdSegment(accountId));
    stateText.textContent = presence.state;
    $('#presence-pidf').textContent = presence.pidf || '';
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      handle(error);
      return;
    }
    stateText.textContent = 'unknown';
    $('#presence-pidf').textContent = '';
  }
  stateText.className = 'state-' + stateText.textContent;
}

async function loadPresence(accountId) {
  try {
    const [rules, watchers] = await Promise.all([api('GET', accountIdPath(accountId, '/presence-rules')),
      api('GET', accountIdPath(accountId, '/watchers'))]);
    state.presenceOf = accountId;
    $('#presence-load-form').account.value = accountId;
    $('#presence-aor').textContent = watchers.aor;
    showPresenceRules(rules);
    renderWatchers(watchers.watchers);
    $('#presence-details').hidden = false;
  } catch (error) {
    $('#presence-details').hidden = true;
    handle(error);
    return;
  }
  await showPresenceState(accountId);
}

// Saves rules (the whole set: a PUT replaces all), then shows what the server has.
async function putPresenceRules(rules, done) {
  const accountId = state.presenceOf;
  const body = { default: rules.default || null };
  for (const list of RULE_LISTS) {
    body[list] = rules[list];
  }
  try {
    await api('PUT', accountIdPath(accountId, '/presence-rules'), body);
    showMessage(done, false);
  } catch (error) {
    handle(error);
  }
  await loadPresence(accountId);
}

function savePresenceRules(event) {
  event.preventDefault();
  const form = event.target;
  const rules = { default: form.default.value };
  for (const list of RULE_LISTS) {
    rules[list] = lines(form[list].value);
  }
  return putPresenceRules(rules, `presence rules of ${state.presenceOf} saved`);
}

// The stored rules (not unsaved edits of the form) with the watcher's URI in one list and out of the others.
function decideWatcher(watcher, list) {
  const rules = { default: state.presenceRules.default };
  for (const name of RULE_LISTS) {
    rules[name] = state.presenceRules[name].filter((entry) => entry !== watcher);
  }
  rules[list].push(watcher);
  return putPresenceRules(rules, list === 'allow' ? `${watcher} may watch ${state.presenceOf}`
      : `${watcher} is blocked from watching ${state.presenceOf}`);
}

// --- call records

function recordsQuery() {
  const form = $('#records-form');
  const query = new URLSearchParams();
  if (form.user.value.trim()) {
    query.set('user', form.user.value.trim());
  }
  // datetime-local is the browser's local time; the API takes instants
  for (const bound of ['from', 'to']) {
    if (form[bound].value) {
      query.set(bound, new Date(form[bound].value).toISOString());
    }
  }
  if (form.limit.value) {
    query.set('limit', form.limit.value);
  }
  return '/call-records?' + query;
}

function renderRecords(records) {
  const body = $('#records tbody');
  body.replaceChildren();
  if (records.length === 0) {
    emptyRow(body, 'No call record matches.', 9);
  }
  for (const record of records) {
    const row = document.createElement('tr');
    cell(row, record.caller);
    cell(row, record.callee);
    cell(row, when(record.started));
    cell(row, when(record.answered));
    cell(row, record.ended ? when(record.ended) : 'in progress');
    cell(row, record.durationMs === null ? '' : (record.durationMs / 1000).toFixed(1) + ' s');
    cell(row, record.endCause);
    cell(row, [record.forwardedTo, record.transferredTo].filter((target) => target).join(' / '));
    cell(row, record.legs);
    body.appendChild(row);
  }
}

async function showRecords(event) {
  event.preventDefault();
  try {
    renderRecords((await api('GET', recordsQuery())).callRecords);
  } catch (error) {
    handle(error);
  }
}

async function downloadRecords() {
  try {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await download(recordsQuery(), 'text/csv'));
    link.download = 'call-records.csv';
    link.click();
    // once the click's download has taken the blob
    setTimeout(() => URL.revokeObjectURL(link.href));
  } catch (error) {
    handle(error);
  }
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
  $('#preferences-load-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadPreferences(event.target.account.value.trim());
  });
  $('#preferences-form').addEventListener('submit', savePreferences);
  $('#presence-load-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadPresence(event.target.account.value.trim());
  });
  $('#presence-rules-form').addEventListener('submit', savePresenceRules);
  $('#records-form').addEventListener('submit', showRecords);
  $('#records-csv').addEventListener('click', downloadRecords);
});
