// Settings (GET/PATCH /api/v1/settings): each alert channel's non-secret fields as a form, each secret only
// as "set" or "not set" with a replace field that is never pre-filled (PUT settings/secrets/NAME; the API
// never sends a secret), "Send test" per channel; and the checks' interval, repeat policy and quiet hours.
import * as api from './api.js';
import { $, el, button, announce } from './dom.js';

const kTitles = { email: 'Email', discord: 'Discord', ntfy: 'ntfy', telegram: 'Telegram',
  tray: 'Desktop notifications' };
const kTestable = new Set(['email', 'discord', 'ntfy', 'telegram']);
const kChoices = {
  provider: ['gmail', 'outlook', 'custom'],
  security: ['starttls', 'ssl', 'none'],
  repeatPolicy: ['daily', 'once-per-breach'],
};

// The API's objects come with their keys sorted: show them in the settings dialog's order instead.
const kChannelOrder = ['email', 'discord', 'ntfy', 'telegram', 'tray'];
const kFieldOrder = ['enabled', 'provider', 'host', 'port', 'security', 'user', 'password', 'from', 'to',
  'webhookUrl', 'server', 'topic', 'accessToken', 'botToken', 'chatId', 'checkIntervalSeconds', 'repeatPolicy', 'start', 'end'];
const kLabels = { checkIntervalSeconds: 'Check interval (seconds)', webhookUrl: 'Webhook URL',
  to: 'To', repeatPolicy: 'Repeat alerts', chatId: 'Chat id' };

function ordered(entries, order, key) {
  const rank = (entry) => {
    const index = order.indexOf(key(entry));
    return index < 0 ? order.length : index;
  };
  return [...entries].sort((a, b) => rank(a) - rank(b));
}

// "accessToken" → "Access token"
function labelFor(name) {
  if (kLabels[name])
    return kLabels[name];
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// "ntfy" + "accessToken" → "ntfy-access-token", the API's secret names.
function secretName(channel, field) {
  return `${channel}-${field.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
}

// A field's input for its JSON value; read() gives the value back in the same JSON type.
function fieldInput(id, name, value) {
  if (typeof value === 'boolean') {
    const input = el('input', { attrs: { id, type: 'checkbox' } });
    input.checked = value;
    return { input, read: () => input.checked, checkbox: true };
  }
  if (kChoices[name] && (kChoices[name].includes(value))) {
    const input = el('select', { attrs: { id } },
      kChoices[name].map((choice) => el('option', { text: choice, attrs: { value: choice } })));
    input.value = value;
    return { input, read: () => input.value };
  }
  if (Array.isArray(value)) {
    const input = el('input', { attrs: { id, type: 'text', 'aria-describedby': `${id}-help` } });
    input.value = value.join(', ');
    return { input, read: () => input.value.split(',').map((item) => item.trim()).filter(Boolean),
      help: 'Separate several with commas' };
  }
  const input = el('input', { attrs: { id, type: typeof value === 'number' ? 'number' : 'text' } });
  input.value = value === null || value === undefined ? '' : String(value);
  return { input, read: () => (typeof value === 'number' ? Number(input.value) : input.value) };
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class Channels {
  async load() {
    $('channels-error').textContent = '';
    let settings;
    try {
      settings = await api.get('settings');
    } catch (failure) {
      if (failure.status === 404)
        failure.message = 'This guardian does not offer its settings over the web.';
      throw failure;
    }
    const channels = ordered(Object.entries(settings.channels ?? {}), kChannelOrder, ([id]) => id);
    const forms = channels.map(([id, fields]) => this.form({
      id, title: kTitles[id] ?? labelFor(id), fields, testable: kTestable.has(id),
      patch: (changes) => ({ channels: { [id]: changes } }),
    }));
    const general = { checkIntervalSeconds: settings.checkIntervalSeconds, repeatPolicy: settings.repeatPolicy };
    forms.push(this.form({ id: 'checks', title: 'Checks', fields: general, testable: false, patch: (changes) => changes }));
    if (settings.quietHours) {
      forms.push(this.form({ id: 'quiet', title: 'Quiet hours', fields: settings.quietHours, testable: false,
        patch: (changes) => ({ quietHours: changes }) }));
    }
    $('channels-list').replaceChildren(...forms);
  }

  // One fieldset: `fields` as the API sent them, `patch(changes)` the PATCH body for the changed ones.
  form({ id, title, fields, testable, patch }) {
    const form = el('form', { attrs: { novalidate: '' } });
    const values = {};
    const secrets = {};
    const byOrder = ordered(Object.entries(fields), kFieldOrder, ([name]) => name.replace(/Set$/, ''));
    for (const [name, value] of byOrder) {
      const inputId = `setting-${id}-${name}`;
      if (typeof value === 'boolean' && name.endsWith('Set')) {
        const field = name.slice(0, -3);
        const input = el('input', { attrs: { id: inputId, type: 'password', autocomplete: 'new-password',
          placeholder: value ? 'Type a new one to replace it' : 'Type one to set it', 'aria-describedby': `${inputId}-state` } });
        secrets[secretName(id, field)] = input;
        form.append(el('div', { className: 'field' }, [
          el('label', { text: labelFor(field), attrs: { for: inputId } }),
          el('span', { className: `secret-state${value ? ' set' : ''}`, text: value ? 'Secret set' : 'Not set',
            attrs: { id: `${inputId}-state` } }),
          input,
        ]));
        continue;
      }
      if (value !== null && typeof value === 'object' && !Array.isArray(value))
        continue;
      const { input, read, checkbox, help } = fieldInput(inputId, name, value);
      values[name] = { read, original: value };
      const label = el('label', { text: labelFor(name), attrs: { for: inputId } });
      const parts = checkbox ? [input, label] : [label, input];
      if (help)
        parts.push(el('small', { className: 'muted', text: help, attrs: { id: `${inputId}-help` } }));
      form.append(el('div', { className: checkbox ? 'field checkbox' : 'field' }, parts));
    }
    const result = el('p', { className: 'channel-result', attrs: { role: 'status' } });
    const buttons = [el('button', { text: 'Save', attrs: { type: 'submit' } })];
    if (testable) {
      buttons.push(button('Send test', () => this.sendTest(id, title, result),
        { className: 'secondary test-button', label: `Send a test through ${title}` }));
    }
    form.append(el('div', { className: 'channel-buttons' }, buttons), result);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save(id, title, values, secrets, patch, result);
    });
    return el('fieldset', { className: 'channel', dataset: { channel: id } }, [el('legend', { text: title }), form]);
  }

  async save(id, title, values, secrets, patch, result) {
    result.textContent = 'Saving…';
    const changes = {};
    for (const [name, { read, original }] of Object.entries(values)) {
      const value = read();
      if (!same(value, original))
        changes[name] = value;
    }
    try {
      for (const [name, input] of Object.entries(secrets)) {
        if (input.value === '')
          continue;
        await api.put(`settings/secrets/${encodeURIComponent(name)}`, { value: input.value });
        input.value = '';
      }
      if (Object.keys(changes).length)
        await api.patch('settings', patch(changes));
      announce(`${title} saved.`);
      await this.load();
      const fresh = $('channels-list').querySelector(`[data-channel="${CSS.escape(id)}"] .channel-result`);
      if (fresh)
        fresh.textContent = 'Saved.';
    } catch (failure) {
      result.textContent = failure.message;
    }
  }

  async sendTest(id, title, result) {
    result.textContent = 'Sending a test…';
    try {
      await api.post(`settings/channels/${encodeURIComponent(id)}/test`);
      result.textContent = `Test delivered through ${title}.`;
    } catch (failure) {
      result.textContent = `Test failed: ${failure.message}`;
    }
  }
}
