// Alert channel settings: the non-secret fields as a form, each secret only as "set" or "not set" with a
// replace field that is never pre-filled (the API never sends a secret), and "Send test" per channel.
import * as api from './api.js';
import { $, el, button, announce } from './dom.js';

const kTitles = { email: 'Email', discord: 'Discord', ntfy: 'ntfy', tray: 'Desktop notifications' };

// "smtpHost" → "Smtp host"
function labelFor(name) {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// The channels as [{id, fields}] from {channels: {id: {...}}} or {channels: [{id, ...}]}.
function channelList(settings) {
  const channels = settings.channels ?? {};
  if (Array.isArray(channels))
    return channels.map((channel) => ({ id: channel.id, fields: channel }));
  return Object.entries(channels).map(([id, fields]) => ({ id, fields }));
}

function isSecretFlag(name, value) {
  return typeof value === 'boolean' && /Set$/.test(name);
}

export class Channels {
  async load() {
    $('channels-error').textContent = '';
    const settings = await api.get('settings');
    $('channels-list').replaceChildren(...channelList(settings).map((channel) => this.channelForm(channel)));
  }

  channelForm({ id, fields }) {
    const form = el('form', { attrs: { novalidate: '' } });
    const inputs = {};
    const secrets = {};
    for (const [name, value] of Object.entries(fields)) {
      if (name === 'id' || name === 'name' || name === 'secrets')
        continue;
      const inputId = `channel-${id}-${name}`;
      if (isSecretFlag(name, value)) {
        const secret = name.replace(/Set$/, '');
        const input = el('input', { attrs: { id: inputId, type: 'password', autocomplete: 'new-password',
          placeholder: value ? 'Type to replace' : 'Not set' } });
        input.value = '';
        secrets[secret] = input;
        form.append(el('div', { className: 'field' }, [
          el('label', { text: labelFor(secret), attrs: { for: inputId } }),
          el('span', { className: `secret-state${value ? ' set' : ''}`, text: value ? 'Secret set' : 'Not set' }),
          input,
        ]));
      } else if (typeof value === 'boolean') {
        const input = el('input', { attrs: { id: inputId, type: 'checkbox' } });
        input.checked = value;
        inputs[name] = input;
        form.append(el('div', { className: 'field checkbox' }, [input, el('label', { text: labelFor(name), attrs: { for: inputId } })]));
      } else if (typeof value === 'number' || typeof value === 'string' || value === null) {
        const input = el('input', { attrs: { id: inputId, type: typeof value === 'number' ? 'number' : 'text' } });
        input.value = value === null ? '' : String(value);
        inputs[name] = input;
        form.append(el('div', { className: 'field' }, [el('label', { text: labelFor(name), attrs: { for: inputId } }), input]));
      }
    }
    const result = el('p', { className: 'channel-result', attrs: { role: 'status' } });
    form.append(el('div', { className: 'channel-buttons' }, [
      el('button', { text: 'Save', attrs: { type: 'submit' } }),
      button('Send test', () => this.sendTest(id, result), { className: 'secondary test-button',
        label: `Send a test through ${kTitles[id] ?? id}` }),
    ]), result);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save(id, fields, inputs, secrets, result);
    });
    return el('fieldset', { className: 'channel', dataset: { channel: id } },
      [el('legend', { text: kTitles[id] ?? labelFor(String(id)) }), form]);
  }

  async save(id, fields, inputs, secrets, result) {
    result.textContent = 'Saving…';
    const changes = {};
    for (const [name, input] of Object.entries(inputs)) {
      const original = fields[name];
      const value = input.type === 'checkbox' ? input.checked
        : typeof original === 'number' ? Number(input.value) : input.value;
      if (value !== original)
        changes[name] = value;
    }
    try {
      for (const [name, input] of Object.entries(secrets)) {
        if (input.value === '')
          continue;
        await api.put(`settings/secrets/${encodeURIComponent(`${id}.${name}`)}`, { value: input.value });
        input.value = '';
      }
      if (Object.keys(changes).length)
        await api.patch('settings', { channels: { [id]: changes } });
      result.textContent = 'Saved.';
      announce(`${kTitles[id] ?? id} settings saved.`);
      await this.load();
    } catch (failure) {
      result.textContent = failure.message;
    }
  }

  async sendTest(id, result) {
    result.textContent = 'Sending a test…';
    try {
      await api.post(`settings/channels/${encodeURIComponent(id)}/test`);
      result.textContent = 'Test sent.';
    } catch (failure) {
      result.textContent = `Test failed: ${failure.message}`;
    }
  }
}
