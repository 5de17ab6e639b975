// The watchlist: the table kept live by "stock" and "removed" events, and the add form.
import * as api from './api.js';
import { $, announce, numberField } from './dom.js';
import { createRow, updateRow } from './stockrow.js';

export class Watchlist {
  // `actions`: {chart(ticker), edit(stock), remove(ticker)}.
  constructor(actions) {
    this.stocks = new Map();
    this.rows = new Map();
    this.body = $('watchlist-body');
    this.rowActions = {
      chart: (ticker) => actions.chart(ticker),
      edit: (ticker) => actions.edit(this.stocks.get(ticker)),
      remove: (ticker) => actions.remove(ticker),
    };
    $('add-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submitAdd();
    });
  }

  async load() {
    const stocks = await api.get('watchlist');
    // Rows are updated in place (a reload after a reconnect must not take keyboard focus away).
    const listed = new Set(stocks.map((stock) => stock.ticker));
    for (const ticker of [...this.rows.keys()]) {
      if (!listed.has(ticker))
        this.removeRow(ticker);
    }
    for (const stock of stocks)
      this.upsert(stock, { quiet: true });
    this.showEmpty();
  }

  stock(ticker) {
    return this.stocks.get(ticker);
  }

  // Adds or refreshes a ticker's row (a quote, an edit, an add); says so when it crossed into a worse state.
  upsert(stock, { quiet = false } = {}) {
    let row = this.rows.get(stock.ticker);
    if (!row) {
      row = createRow(stock.ticker, this.rowActions);
      this.rows.set(stock.ticker, row);
      this.insertSorted(stock.ticker, row);
    }
    const before = row.dataset.state;
    this.stocks.set(stock.ticker, stock);
    const proximity = updateRow(row, stock);
    if (!quiet && before && before !== proximity.state && proximity.state !== 'clear'
        && proximity.state !== 'unknown')
      announce(`${stock.ticker}: ${proximity.text}`);
    this.showEmpty();
  }

  removeRow(ticker) {
    const row = this.rows.get(ticker);
    if (row)
      row.remove();
    this.rows.delete(ticker);
    this.stocks.delete(ticker);
    this.showEmpty();
  }

  insertSorted(ticker, row) {
    const next = [...this.rows.keys()].filter((other) => other > ticker).sort()[0];
    this.body.insertBefore(row, next ? this.rows.get(next) : null);
  }

  showEmpty() {
    $('watchlist-empty').hidden = this.rows.size > 0;
  }

  // Posts the add form; the API's own message (the CLI's wording) is shown when it refuses.
  async submitAdd() {
    const error = $('add-error');
    const ticker = $('add-ticker').value.trim();
    error.textContent = '';
    if (!ticker) {
      error.textContent = 'Type a ticker, for example SHOP.TO.';
      $('add-ticker').focus();
      return;
    }
    const body = { ticker };
    for (const [name, id, label] of [['ratio', 'add-ratio', 'The ratio'], ['entry', 'add-entry', 'The entry price']]) {
      const value = numberField($(id));
      if (Number.isNaN(value)) {
        error.textContent = `${label} must be a number, like 0.9.`;
        $(id).focus();
        return;
      }
      if (value !== undefined)
        body[name] = value;
    }
    const strategy = $('add-strategy').value.trim();
    if (strategy)
      body.strategy = strategy;
    const submit = $('add-button');
    submit.disabled = true;
    try {
      const stock = await api.post('watchlist', body);
      this.upsert(stock, { quiet: true });
      $('add-form').reset();
      announce(`${stock.ticker} added to the watchlist.`);
      $('add-ticker').focus();
    } catch (failure) {
      error.textContent = failure.message;
    } finally {
      submit.disabled = false;
    }
  }
}
