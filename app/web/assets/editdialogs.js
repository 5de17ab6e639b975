// The edit dialog (ratio, strategy, entry, reset the peak) and the confirmation before removing a ticker.
import * as api from './api.js';
import { $, announce, numberField } from './dom.js';

function closeOnCancel(dialog, cancelButton) {
  cancelButton.addEventListener('click', () => dialog.close());
}

export class EditDialogs {
  constructor(watchlist) {
    this.watchlist = watchlist;
    this.ticker = null;
    this.opener = null;
    closeOnCancel($('edit-dialog'), $('edit-cancel'));
    closeOnCancel($('remove-dialog'), $('remove-cancel'));
    $('edit-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.saveEdit();
    });
    $('remove-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.confirmRemove();
    });
    // Focus goes back to the button that opened the dialog.
    for (const id of ['edit-dialog', 'remove-dialog'])
      $(id).addEventListener('close', () => this.restoreFocus());
  }

  restoreFocus() {
    if (this.opener && document.contains(this.opener))
      this.opener.focus();
    this.opener = null;
  }

  openEdit(stock) {
    if (!stock)
      return;
    this.ticker = stock.ticker;
    this.opener = document.activeElement;
    $('edit-heading').textContent = `Edit ${stock.ticker}`;
    const trailing = /^trailing:/.test(stock.strategy || '');
    $('edit-ratio').value = trailing && typeof stock.ratio === 'number' ? String(stock.ratio) : '';
    $('edit-strategy').value = stock.strategy || '';
    $('edit-entry').value = typeof stock.entry === 'number' ? String(stock.entry) : '';
    $('edit-reset-peak').checked = false;
    $('edit-error').textContent = '';
    $('edit-dialog').showModal();
  }

  // Sends only what changed, so a new ratio and an unchanged strategy do not contradict each other.
  async saveEdit() {
    const stock = this.watchlist.stock(this.ticker);
    const error = $('edit-error');
    error.textContent = '';
    const body = {};
    const ratio = numberField($('edit-ratio'));
    const entry = numberField($('edit-entry'));
    if (Number.isNaN(ratio) || Number.isNaN(entry)) {
      error.textContent = 'The ratio and the entry price must be numbers, like 0.9.';
      return;
    }
    if (ratio !== undefined && ratio !== stock?.ratio)
      body.ratio = ratio;
    const strategy = $('edit-strategy').value.trim();
    if (strategy && strategy !== stock?.strategy && body.ratio === undefined)
      body.strategy = strategy;
    if (entry !== undefined && entry !== stock?.entry)
      body.entry = entry;
    if ($('edit-reset-peak').checked)
      body.resetPeak = true;
    if (Object.keys(body).length === 0) {
      $('edit-dialog').close();
      return;
    }
    try {
      const updated = await api.patch(`watchlist/${encodeURIComponent(this.ticker)}`, body);
      if (updated)
        this.watchlist.upsert(updated, { quiet: true });
      $('edit-dialog').close();
      announce(`${this.ticker} saved.`);
    } catch (failure) {
      error.textContent = failure.message;
    }
  }

  openRemove(ticker) {
    this.ticker = ticker;
    this.opener = document.activeElement;
    $('remove-heading').textContent = `Remove ${ticker}?`;
    $('remove-text').textContent =
      `Trailguard stops watching ${ticker} and forgets its peak, stop and history.`;
    $('remove-error').textContent = '';
    $('remove-dialog').showModal();
    $('remove-cancel').focus();
  }

  async confirmRemove() {
    const ticker = this.ticker;
    try {
      await api.remove(`watchlist/${encodeURIComponent(ticker)}`);
      this.opener = null;
      this.watchlist.removeRow(ticker);
      $('remove-dialog').close();
      $('add-ticker').focus(); // its row is gone: the add form is the nearest place to go on
      announce(`${ticker} removed from the watchlist.`);
    } catch (failure) {
      $('remove-error').textContent = failure.message;
    }
  }
}
