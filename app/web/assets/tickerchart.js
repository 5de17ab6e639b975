// A ticker's chart: price, the peak and stop the guardian held, and its alerts as markers
// (GET /api/v1/history/{ticker}?points=N). Chart.js is loaded as a classic script (window.Chart).
import * as api from './api.js';
import { $, formatPrice, formatTime, isNumber } from './dom.js';

// About one point per two pixels of a wide chart.
const kPoints = 600;

function cssColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function millis(time) {
  const value = typeof time === 'number' ? time : Date.parse(time);
  return Number.isFinite(value) ? value : null;
}

// One series as [{x, y}] from the API's {prices|peaks|stops: [{time, value}]} (or rows of `points`).
function series(history, name) {
  const source = history[`${name}s`] ?? history[name];
  if (Array.isArray(source)) {
    return source.map((point) => Array.isArray(point)
      ? { x: millis(point[0]), y: point[1] }
      : { x: millis(point.time ?? point.t ?? point.at), y: point.value ?? point.v ?? point[name] });
  }
  const rows = history.points || history.series || [];
  return rows.map((row) => ({ x: millis(row.time ?? row.t ?? row.at), y: row[name] }));
}

function clean(points) {
  return points.filter((point) => point.x !== null && isNumber(point.y));
}

export class TickerChart {
  constructor() {
    this.chart = null;
    this.ticker = null;
    this.history = null;
    this.alerts = () => [];
    this.darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
    $('chart-close').addEventListener('click', () => this.close());
    $('chart-range').addEventListener('change', () => this.ticker && this.show(this.ticker));
    // Chart.js paints with fixed colours: draw again in the other scheme's.
    this.darkScheme.addEventListener('change', () => this.history && this.draw(this.ticker, this.history));
  }

  // `provider` returns the alerts known to the page, for markers when the history has none of its own.
  setAlertProvider(provider) {
    this.alerts = provider;
  }

  close() {
    if (this.chart)
      this.chart.destroy();
    this.chart = null;
    this.ticker = null;
    this.history = null;
    $('chart-section').hidden = true;
  }

  async show(ticker) {
    this.ticker = ticker;
    const section = $('chart-section');
    section.hidden = false;
    $('chart-heading').textContent = `Chart: ${ticker}`;
    $('chart-summary').textContent = 'Loading…';
    let history;
    try {
      const days = Number($('chart-range').value);
      const from = days > 0 ? `&from=${new Date(Date.now() - days * 86400000).toISOString()}` : '';
      history = await api.get(`history/${encodeURIComponent(ticker)}?points=${kPoints}${from}`);
    } catch (failure) {
      $('chart-summary').textContent = failure.message;
      return;
    }
    if (this.ticker !== ticker)
      return;
    this.draw(ticker, history || {});
    section.scrollIntoView({ block: 'nearest' });
  }

  markers(ticker, history) {
    const own = Array.isArray(history.alerts) ? history.alerts : this.alerts().filter((a) => a.ticker === ticker);
    return own.map((alert) => ({ x: millis(alert.raisedAt ?? alert.time), y: alert.price ?? alert.stop }))
      .filter((point) => point.x !== null && isNumber(point.y));
  }

  draw(ticker, history) {
    this.history = history;
    const price = clean(series(history, 'price'));
    const peak = clean(series(history, 'peak'));
    const stop = clean(series(history, 'stop'));
    const alerts = this.markers(ticker, history);
    const currency = history.currency || '';
    $('chart-summary').textContent = price.length
      ? `${price.length} prices from ${formatTime(price[0].x)} to ${formatTime(price[price.length - 1].x)}`
        + (alerts.length ? `, ${alerts.length} alert${alerts.length === 1 ? '' : 's'}.` : '.')
      : 'No prices recorded yet.';
    if (typeof window.Chart !== 'function') {
      $('chart-summary').textContent += ' The chart library did not load.';
      return;
    }
    if (this.chart)
      this.chart.destroy();
    const first = price.length ? price[0].x : undefined;
    const last = price.length ? price[price.length - 1].x : undefined;
    // Hours and minutes within a day or two, dates over longer spans.
    const tickFormat = new Intl.DateTimeFormat(undefined, last - first < 2 * 86400000
      ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric' });
    const text = cssColour('--muted');
    const grid = cssColour('--chart-grid');
    const line = (label, data, colour, dash) => ({
      label, data, borderColor: colour, backgroundColor: colour, borderWidth: 2, borderDash: dash,
      pointRadius: 0, stepped: label !== 'Price', tension: 0,
    });
    // Which scheme the chart was drawn in (tests wait for it after switching).
    $('chart-section').dataset.scheme = this.darkScheme.matches ? 'dark' : 'light';
    this.chart = new window.Chart($('chart-canvas'), {
      type: 'line',
      data: {
        datasets: [
          line('Price', price, cssColour('--chart-price'), []),
          line('Peak', peak, cssColour('--chart-peak'), [6, 4]),
          line('Stop', stop, cssColour('--chart-stop'), [2, 3]),
          { type: 'scatter', label: 'Alerts', data: alerts, borderColor: cssColour('--chart-alert'),
            backgroundColor: cssColour('--chart-alert'), pointRadius: 6, pointStyle: 'triangle' },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: { type: 'linear', min: first, max: last, ticks: { color: text, maxTicksLimit: 6, maxRotation: 0,
            callback: (value) => tickFormat.format(new Date(value)) }, grid: { color: grid } },
          y: { ticks: { color: text }, grid: { color: grid } },
        },
        plugins: {
          legend: { labels: { color: text } },
          tooltip: { callbacks: {
            title: (items) => (items.length ? formatTime(items[0].parsed.x) : ''),
            label: (item) => `${item.dataset.label}: ${formatPrice(item.parsed.y, currency)}`,
          } },
        },
      },
    });
  }
}
