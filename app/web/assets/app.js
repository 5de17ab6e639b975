// The dashboard's entry point: log-in, then the watchlist, chart, alerts, channels and health, kept live
// by the event stream. No framework and no build step; every part is a small module of its own.
import * as api from './api.js';
import { $, announce } from './dom.js';
import { Watchlist } from './watchlist.js';
import { EditDialogs } from './editdialogs.js';
import { TickerChart } from './tickerchart.js';
import { Alerts } from './alerts.js';
import { Channels } from './channels.js';
import { GuardianStatus } from './status.js';
import { EventStream } from './events.js';

const chart = new TickerChart();
const alerts = new Alerts();
const channels = new Channels();
const status = new GuardianStatus();
let dialogs = null;
const watchlist = new Watchlist({
  chart: (ticker) => chart.show(ticker),
  edit: (stock) => dialogs.openEdit(stock),
  remove: (ticker) => dialogs.openRemove(ticker),
});
dialogs = new EditDialogs(watchlist);
chart.setAlertProvider(() => alerts.all());

const stream = new EventStream({
  stock: (stock) => {
    // A new last alert: read the alerts again, in case its "alert" event is not the next one.
    const before = watchlist.stock(stock.ticker);
    watchlist.upsert(stock);
    if (stock.lastAlertAt && stock.lastAlertAt !== before?.lastAlertAt)
      loadPart(() => alerts.load(), 'alerts-error');
  },
  removed: (data) => {
    watchlist.removeRow(data.ticker);
    if (chart.ticker === data.ticker)
      chart.close();
  },
  alert: (alert) => alerts.upsert(alert),
  status: (data) => status.update(data),
  // After a reconnect, events may have been missed: read everything again.
  opened: () => loadAll(),
  closed: () => resume(),
});

function showLogin(message) {
  stream.stop();
  chart.close();
  $('dashboard-view').hidden = true;
  $('logout-button').hidden = true;
  $('status-summary').hidden = true;
  $('login-view').hidden = false;
  $('login-error').textContent = message || '';
  $('login-password').value = '';
  $('login-password').focus();
}

async function loadPart(load, errorId) {
  try {
    await load();
  } catch (failure) {
    if (failure.status !== 401 && errorId)
      $(errorId).textContent = failure.message;
  }
}

let loading = null;
function loadAll() {
  // One reading at a time; a reconnect during a reading reuses it.
  if (!loading) {
    loading = Promise.all([
      loadPart(() => watchlist.load(), 'add-error'),
      loadPart(() => alerts.load(), 'alerts-error'),
      loadPart(() => channels.load(), 'channels-error'),
      loadPart(async () => status.update(await api.get('status')), null),
    ]).finally(() => { loading = null; });
  }
  return loading;
}

function showDashboard() {
  $('login-view').hidden = true;
  $('dashboard-view').hidden = false;
  $('logout-button').hidden = false;
  stream.start();
  return loadAll();
}

async function resume() {
  try {
    if (await api.resumeSession())
      await showDashboard();
    else
      showLogin();
  } catch (failure) {
    showLogin(failure.message);
  }
}

api.setUnauthorizedHandler(() => showLogin('Your session ended. Log in again.'));

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const password = $('login-password').value;
  if (!password) {
    $('login-error').textContent = 'Type the dashboard password.';
    return;
  }
  $('login-button').disabled = true;
  try {
    await api.logIn(password);
    $('login-password').value = '';
    await showDashboard();
    $('main').focus();
    announce('Logged in.');
  } catch (failure) {
    $('login-error').textContent = failure.status === 401 ? 'Wrong password.' : failure.message;
    $('login-password').select();
  } finally {
    $('login-button').disabled = false;
  }
});

$('logout-button').addEventListener('click', async () => {
  try {
    await api.logOut();
  } finally {
    showLogin('Logged out.');
  }
});

resume();
