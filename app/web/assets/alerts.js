// The alert history, newest first, with Acknowledge and Snooze; kept current by "alert" events.
import * as api from './api.js';
import { $, el, button, announce, formatPrice, formatTime } from './dom.js';

const kLimit = 50;

function deliveryText(delivery) {
  const parts = [`${delivery.channel}: ${delivery.status}`];
  if (delivery.attempts > 1)
    parts.push(`${delivery.attempts} attempts`);
  if (delivery.deliveredAt)
    parts.push(formatTime(delivery.deliveredAt));
  if (delivery.lastError)
    parts.push(delivery.lastError);
  return parts.join(' · ');
}

// An escalation step as the history shows it: "Reminder 1 · ntfy-urgent · 14:32 · sent".
const kStepStatus = { pending: 'due', delivered: 'sent', failed: 'failed', cancelled: 'cancelled' };

function escalationText(step) {
  const parts = [`Reminder ${step.step}`, (step.channels || []).join(', ')];
  if (step.at)
    parts.push(formatTime(step.at));
  parts.push(kStepStatus[step.status] || step.status);
  return parts.filter(Boolean).join(' · ');
}

export class Alerts {
  constructor() {
    this.alerts = new Map();
    this.list = $('alerts-list');
  }

  all() {
    return [...this.alerts.values()];
  }

  async load() {
    const alerts = await api.get(`alerts?limit=${kLimit}`);
    this.alerts.clear();
    for (const alert of alerts)
      this.alerts.set(String(alert.id), alert);
    this.render();
  }

  // An "alert" event: new, acknowledged or delivered.
  upsert(alert, { announceNew = true } = {}) {
    const isNew = !this.alerts.has(String(alert.id));
    this.alerts.set(String(alert.id), alert);
    this.render();
    if (isNew && announceNew)
      announce(`Alert: ${alert.subject || alert.ticker}`);
  }

  sorted() {
    return this.all().sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)) || b.id - a.id)
      .slice(0, kLimit);
  }

  render() {
    const focusedId = document.activeElement?.closest?.('.alert-item')?.dataset.alertId;
    const focusedClass = document.activeElement?.className;
    this.list.replaceChildren(...this.sorted().map((alert) => this.item(alert)));
    $('alerts-empty').hidden = this.alerts.size > 0;
    // A re-render must not throw keyboard focus away.
    if (focusedId) {
      const item = this.list.querySelector(`[data-alert-id="${CSS.escape(focusedId)}"]`);
      const again = item?.querySelector(`button.${CSS.escape(String(focusedClass).split(' ').pop())}`);
      (again || item?.querySelector('button'))?.focus();
    }
  }

  item(alert) {
    const acknowledged = Boolean(alert.acknowledgedAt);
    const title = alert.subject || `${alert.ticker || ''} ${alert.kind || ''}`.trim();
    const meta = [formatTime(alert.raisedAt), alert.ticker, alert.kind].filter(Boolean);
    if (typeof alert.price === 'number')
      meta.push(`price ${formatPrice(alert.price)}`);
    if (typeof alert.stop === 'number')
      meta.push(`stop ${formatPrice(alert.stop)}`);
    const details = el('div', {}, [
      el('p', { className: 'alert-title', text: title }),
      el('p', { className: 'alert-meta', text: meta.join(' · ') }),
    ]);
    if (alert.message && alert.message !== alert.subject)
      details.append(el('p', { className: 'alert-meta', text: alert.message }));
    // The first deliveries; the escalation steps' own are summed up as reminders below.
    const deliveries = (alert.deliveries || []).filter((delivery) => !delivery.step).map((delivery) =>
      el('li', { className: delivery.status === 'failed' ? 'failed' : '', text: deliveryText(delivery) }));
    if (deliveries.length)
      details.append(el('ul', { className: 'deliveries', attrs: { 'aria-label': 'Deliveries' } }, deliveries));
    const steps = (alert.escalations || []).map((step) =>
      el('li', { className: `escalation-step ${step.status}`, text: escalationText(step) }));
    if (steps.length)
      details.append(el('ul', { className: 'deliveries escalations', attrs: { 'aria-label': 'Reminders' } }, steps));
    const actions = el('div', { className: 'alert-actions' });
    if (acknowledged) {
      actions.append(el('span', { className: 'muted acknowledged-text',
        text: `Acknowledged ${formatTime(alert.acknowledgedAt)}${alert.ackSource ? ` (${alert.ackSource})` : ''}` }));
    } else {
      actions.append(button('Acknowledge', () => this.acknowledge(alert),
        { className: 'ack-button', label: `Acknowledge ${title}` }));
    }
    if (alert.ticker) {
      const days = el('select', { className: 'snooze-days', attrs: { 'aria-label': `Snooze ${alert.ticker} for` } },
        [1, 3, 7, 30].map((n) => el('option', { text: `${n} day${n === 1 ? '' : 's'}`, attrs: { value: String(n) } })));
      actions.append(days, button('Snooze', () => this.snooze(alert, Number(days.value)),
        { className: 'secondary snooze-button', label: `Snooze ${alert.ticker}` }));
    }
    return el('li', {
      className: `alert-item ${acknowledged ? 'acknowledged' : 'unacknowledged'}`,
      dataset: { alertId: String(alert.id), ticker: alert.ticker || '' },
    }, [details, actions]);
  }

  async acknowledge(alert) {
    $('alerts-error').textContent = '';
    try {
      const answer = await api.post(`alerts/${encodeURIComponent(alert.id)}/ack`);
      const updated = answer && answer.id !== undefined
        ? answer : { ...alert, acknowledgedAt: new Date().toISOString(), ackSource: 'web' };
      this.upsert(updated, { announceNew: false });
      announce('Alert acknowledged.');
    } catch (failure) {
      $('alerts-error').textContent = failure.message;
    }
  }

  async snooze(alert, days) {
    $('alerts-error').textContent = '';
    try {
      await api.post(`alerts/${encodeURIComponent(alert.id)}/snooze`, { days });
      announce(`${alert.ticker} snoozed for ${days} day${days === 1 ? '' : 's'}.`);
    } catch (failure) {
      $('alerts-error').textContent = failure.message;
    }
  }
}
