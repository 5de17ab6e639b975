// The guardian's health (GET /api/v1/status and "status" events): connected, quote mode, last check,
// failing channels, active health alerts; a one-line summary in the top bar.
import { $, el, formatTime } from './dom.js';

function yesNo(value) {
  return value ? 'Yes' : 'No';
}

function channelNames(list) {
  if (!Array.isArray(list) || list.length === 0)
    return 'None';
  return list.map((entry) => (typeof entry === 'string' ? entry
    : `${entry.channel ?? entry.id ?? entry.name}${entry.failed || entry.pending
      ? ` (${[entry.failed ? `${entry.failed} failed` : '', entry.pending ? `${entry.pending} pending` : '']
        .filter(Boolean).join(', ')})` : ''}`)).join(', ');
}

function healthAlerts(status) {
  const list = status.healthAlerts ?? status.activeHealthAlerts ?? [];
  if (!Array.isArray(list) || list.length === 0)
    return 'None';
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.message ?? entry.subject ?? entry.kind))
    .join('; ');
}

export class GuardianStatus {
  constructor() {
    this.status = null;
  }

  update(status) {
    this.status = status;
    const failing = status.failingChannels ?? [];
    const problems = [];
    if (status.connected === false)
      problems.push(status.reconnectNeeded ? 'Reconnect needed' : 'Not connected');
    if (Array.isArray(failing) && failing.length)
      problems.push('Channels failing');
    const rows = [
      ['Connected', status.connected === undefined ? '—'
        : `${yesNo(status.connected)}${status.reconnectNeeded ? ' — reconnect needed' : ''}`, status.connected === false],
      ['Quote mode', status.quoteMode ?? '—', false],
      ['Last check', formatTime(status.lastCheckAt ?? status.lastCheck), false],
      ['Check interval', status.checkIntervalSeconds ? `${status.checkIntervalSeconds} s` : '—', false],
      ['Failing channels', channelNames(failing), Array.isArray(failing) && failing.length > 0],
      ['Health alerts', healthAlerts(status), healthAlerts(status) !== 'None'],
    ];
    $('status-list').replaceChildren(...rows.map(([term, value, problem]) => el('div', {}, [
      el('dt', { text: term }),
      el('dd', { text: value, className: problem ? 'problem' : '' }),
    ])));
    const summary = $('status-summary');
    summary.hidden = false;
    summary.textContent = problems.length ? problems.join(' · ')
      : `Guarding · ${status.quoteMode ?? ''} · last check ${formatTime(status.lastCheckAt ?? status.lastCheck)}`;
    summary.classList.toggle('problem', problems.length > 0);
    if (status.version)
      $('version-text').textContent = `Trailguard ${status.version}`;
  }
}
