// Small DOM and formatting helpers shared by the page's parts. Text goes in through textContent only, so
// nothing from the API is ever parsed as HTML.

export function $(id) {
  return document.getElementById(id);
}

// el('td', {className: 'number', text: '12.00', dataset: {label: 'Price'}}, [children])
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  const { className, text, dataset, attrs } = options;
  if (className)
    node.className = className;
  if (text !== undefined && text !== null)
    node.textContent = text;
  for (const [key, value] of Object.entries(dataset || {}))
    node.dataset[key] = value;
  for (const [key, value] of Object.entries(attrs || {}))
    node.setAttribute(key, value);
  for (const child of children)
    node.append(child);
  return node;
}

export function button(text, onClick, { className, label } = {}) {
  const node = el('button', { className, text, attrs: { type: 'button' } });
  if (label)
    node.setAttribute('aria-label', label);
  node.addEventListener('click', onClick);
  return node;
}

// Tells screen readers about an update worth hearing (the live region is polite).
export function announce(text) {
  const region = $('announcer');
  region.textContent = '';
  // A new text node after a tick, so the same message twice is still read.
  window.setTimeout(() => { region.textContent = text; }, 50);
}

export const unknown = '—';

export function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

const priceFormats = new Map();

// The app's one rule for a price (app/domain/PriceFormat): cents at or above one, four decimals below it.
export function formatPrice(value, currency) {
  if (!isNumber(value))
    return unknown;
  const digits = Math.abs(value) >= 1 ? 2 : 4;
  const key = `${currency || ''}/${digits}`;
  if (!priceFormats.has(key)) {
    const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
    let format;
    try {
      format = new Intl.NumberFormat(undefined, currency
        ? { ...options, style: 'currency', currency, currencyDisplay: 'code' } : options);
    } catch (badCurrency) {
      format = new Intl.NumberFormat(undefined, options);
    }
    priceFormats.set(key, format);
  }
  return priceFormats.get(key).format(value);
}

export function formatPercent(value) {
  return isNumber(value) ? `${value.toFixed(2)} %` : unknown;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const shortTimeFormat = new Intl.DateTimeFormat(undefined,
  { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

// For narrow places (a table cell): no year, no seconds.
export function formatShortTime(iso) {
  const time = iso ? new Date(iso) : null;
  return time && !Number.isNaN(time.getTime()) ? shortTimeFormat.format(time) : unknown;
}

export function formatTime(iso) {
  if (!iso)
    return unknown;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? unknown : timeFormat.format(time);
}

// Reads an optional number from a text field: undefined when empty, NaN when not a number.
export function numberField(input) {
  const text = input.value.trim().replace(',', '.');
  if (text === '')
    return undefined;
  return Number(text);
}
