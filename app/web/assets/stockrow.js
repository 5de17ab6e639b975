// One watchlist row: the stock's price, peak, stop, the distance to the stop and, in words, whether the
// price is near or below it (colour only repeats what the words say).
import { el, button, formatPrice, formatPercent, formatShortTime, formatTime, isNumber, unknown } from './dom.js';

// How close to the stop a price must be to be called near it.
export const kNearPercent = 2;

// {state: 'below'|'near'|'clear'|'unknown', text, distance}; distance is the price's height above the stop
// as a percentage of the price (negative below it).
export function stopProximity(stock) {
  const price = stock.lastPrice;
  const stop = stock.stop;
  if (!isNumber(price) || !isNumber(stop) || price <= 0)
    return { state: 'unknown', text: 'Waiting for a quote', distance: null };
  const distance = ((price - stop) / price) * 100;
  if (price <= stop)
    return { state: 'below', text: 'Below stop', distance };
  if (distance <= kNearPercent)
    return { state: 'near', text: `Within ${kNearPercent} % of stop`, distance };
  return { state: 'clear', text: 'Above stop', distance };
}

const columns = [
  { key: 'price', label: 'Price', number: true },
  { key: 'peak', label: 'Peak', number: true },
  { key: 'stop', label: 'Stop', number: true },
  { key: 'distance', label: 'Distance to stop', number: true },
  { key: 'state', label: 'State' },
  { key: 'alert', label: 'Last alert' },
];

// Builds an empty row for `ticker`; fill it with updateRow(). `actions` are {chart, edit, remove} callbacks.
export function createRow(ticker, actions) {
  const row = el('tr', { dataset: { ticker } });
  row.append(el('th', { text: ticker, attrs: { scope: 'row' }, className: 'cell-ticker' }));
  for (const column of columns) {
    const className = `cell-${column.key}${column.number ? ' number' : ''}`;
    const cell = el('td', { className, dataset: { label: column.label } });
    if (column.key === 'state')
      cell.append(el('span', { className: 'state' }));
    row.append(cell);
  }
  const buttons = el('div', { className: 'row-actions' }, [
    button('Chart', () => actions.chart(ticker), { className: 'secondary chart-button', label: `Chart of ${ticker}` }),
    button('Edit', () => actions.edit(ticker), { className: 'secondary edit-button', label: `Edit ${ticker}` }),
    button('Remove', () => actions.remove(ticker), { className: 'secondary remove-button', label: `Remove ${ticker}` }),
  ]);
  row.append(el('td', { className: 'row-actions-cell' }, [buttons]));
  return row;
}

function setText(row, key, text) {
  const cell = row.querySelector(`.cell-${key}`);
  if (cell.textContent === text)
    return false;
  cell.textContent = text;
  return true;
}

// Writes `stock` into its row; returns the proximity so the caller can announce a change of state.
export function updateRow(row, stock) {
  const currency = stock.currency || '';
  const proximity = stopProximity(stock);
  const priceChanged = setText(row, 'price', formatPrice(stock.lastPrice, currency));
  setText(row, 'peak', formatPrice(stock.peak, currency));
  setText(row, 'stop', formatPrice(stock.stop, currency));
  setText(row, 'distance', proximity.distance === null ? unknown : formatPercent(proximity.distance));
  row.querySelector('.cell-state .state').textContent = proximity.text;
  setText(row, 'alert', formatShortTime(stock.lastAlertAt));
  row.classList.toggle('below', proximity.state === 'below');
  row.classList.toggle('near', proximity.state === 'near');
  row.dataset.state = proximity.state;
  row.title = stock.lastQuoteAt ? `Last quote ${formatTime(stock.lastQuoteAt)}` : '';
  if (priceChanged) {
    const cell = row.querySelector('.cell-price');
    cell.classList.remove('flash');
    void cell.offsetWidth; // restart the animation
    cell.classList.add('flash');
  }
  return proximity;
}
