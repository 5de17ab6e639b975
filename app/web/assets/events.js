// The live feed (GET /api/v1/events, Server-Sent Events): "stock", "removed", "alert" and "status".
// EventSource retries by itself after a dropped connection; when the server refused it outright (the
// session expired) it closes, and the page asks again after checking the session.
import { $ } from './dom.js';

const kRetryMs = 3000;

export class EventStream {
  // `handlers`: {stock(data), removed(data), alert(data), status(data), opened(), closed()}.
  constructor(handlers) {
    this.handlers = handlers;
    this.source = null;
    this.retry = null;
  }

  start() {
    this.stop();
    const source = new EventSource('/api/v1/events');
    this.source = source;
    for (const name of ['stock', 'removed', 'alert', 'status']) {
      source.addEventListener(name, (event) => {
        let data;
        try {
          data = JSON.parse(event.data);
        } catch (badJson) {
          return;
        }
        this.handlers[name](data);
      });
    }
    source.addEventListener('open', () => {
      this.setState('Live updates on.', 'live');
      this.handlers.opened();
    });
    source.addEventListener('error', () => {
      if (source !== this.source)
        return;
      if (source.readyState === EventSource.CLOSED) {
        this.setState('Live updates stopped; trying again…', 'stopped');
        this.retry = window.setTimeout(() => this.handlers.closed(), kRetryMs);
      } else {
        this.setState('Live updates interrupted; reconnecting…', 'reconnecting');
      }
    });
  }

  stop() {
    if (this.retry)
      window.clearTimeout(this.retry);
    this.retry = null;
    if (this.source)
      this.source.close();
    this.source = null;
  }

  setState(text, state) {
    const line = $('stream-state');
    line.textContent = text;
    line.dataset.state = state;
  }
}
