#include "storage/Migrations.h"

namespace trailguard {

namespace {
// Outbox claims: a dispatcher claims a delivery (its owner id and a lease) before sending it, so two
// processes on one database never both send it; a lease that runs out (a crash mid-send) frees it.
Migration outboxClaimsMigration(int version)
{
    return {version,
            QStringLiteral("outbox delivery claims"),
            {QStringLiteral("ALTER TABLE deliveries ADD COLUMN claimed_by TEXT"),
             QStringLiteral("ALTER TABLE deliveries ADD COLUMN claim_expires_at TEXT")}};
}

// The offline catch-up keeps the start of a gap it has not checked yet (its candles could not be fetched,
// or a streamed quote went past it) with the ticker, so a restart still catches it up.
Migration catchUpGapMigration(int version)
{
    return {version,
            QStringLiteral("gaps the offline catch-up has not checked"),
            {QStringLiteral("ALTER TABLE stocks ADD COLUMN catch_up_from TEXT")}};
}

// The chart draws the stop the guardian held: each processed quote keeps the peak and stop of its ticker
// right after the engine applied it, and a 5-minute candle folded from quotes keeps its bucket's last
// ones. NULL: not recorded (older rows, backfilled or imported candles, no stop yet).
Migration heldStopMigration(int version)
{
    return {version,
            QStringLiteral("held peak and stop with the price history"),
            {QStringLiteral("ALTER TABLE price_quotes ADD COLUMN peak REAL"),
             QStringLiteral("ALTER TABLE price_quotes ADD COLUMN stop REAL"),
             QStringLiteral("ALTER TABLE candles ADD COLUMN peak REAL"),
             QStringLiteral("ALTER TABLE candles ADD COLUMN stop REAL")}};
}

// Compact price history (issue 14): integer tickers and times, no stored end, small prices.
// - history_tickers gives each ticker an id of its own instead of the stocks row's: history outlives the
//   watchlist (imports of unwatched tickers, removed tickers keep theirs), and stocks' rowid is not stable
//   (VACUUM may renumber it). Ids are never deleted, so they are never reused.
// - A quote's time is milliseconds since the epoch (quotes of one second stay apart); a candle's start is
//   seconds since the epoch and its end is start + interval_seconds, unless clipped_end holds another one
//   (the broker's in-progress or clipped candle, a daily candle of a DST change): NULL costs one byte.
// - Prices are untyped columns holding the price itself (REAL), or, when that is exact, the price in
//   ten-thousandths as an INTEGER (131.52 -> 1315200, 3 bytes instead of 8); SqlValues::priceValue and
//   readPrice are the rule, and HistoryConversion applies the same one in SQL.
// - A candle belongs to a series (ticker and interval, candle_series): a two-column key instead of three
//   saves three bytes a candle.
// - WITHOUT ROWID: each row is stored once, in its primary key's order (one series' range is contiguous);
//   a rowid table would store the key twice (table and index).
// The old tables are renamed *_v11 here; HistoryConversion moves their rows a ticker per transaction (so an
// interrupted conversion resumes where it stopped) and drops them when empty.
Migration compactHistoryMigration(int version)
{
    return {version,
            QStringLiteral("compact price history"),
            {QStringLiteral(R"(
CREATE TABLE history_tickers (
    id     INTEGER PRIMARY KEY,
    ticker TEXT NOT NULL UNIQUE
))"),
             QStringLiteral("ALTER TABLE price_quotes RENAME TO price_quotes_v11"),
             QStringLiteral("ALTER TABLE candles RENAME TO candles_v11"), QStringLiteral(R"(
CREATE TABLE price_quotes (
    ticker_id INTEGER NOT NULL REFERENCES history_tickers(id),
    time      INTEGER NOT NULL,
    price     NOT NULL CHECK (price > 0),
    peak,
    stop,
    PRIMARY KEY (ticker_id, time)
) WITHOUT ROWID)"),
             QStringLiteral(R"(
CREATE TABLE candle_series (
    id               INTEGER PRIMARY KEY,
    ticker_id        INTEGER NOT NULL REFERENCES history_tickers(id),
    interval_seconds INTEGER NOT NULL CHECK (interval_seconds > 0),
    UNIQUE (ticker_id, interval_seconds)
))"),
             QStringLiteral(R"(
CREATE TABLE candles (
    series_id        INTEGER NOT NULL REFERENCES candle_series(id),
    start            INTEGER NOT NULL,
    open,
    high,
    low,
    close            NOT NULL CHECK (close > 0),
    volume           INTEGER,
    peak,
    stop,
    clipped_end      INTEGER,
    PRIMARY KEY (series_id, start)
) WITHOUT ROWID)")}};
}

// Alert rules beside the stop (issue 15): each ticker's rules as canonical spec strings in the order they
// were added, and the market days on which each fired (so a rule alerts at most once per ticker, rule and
// day, across restarts); both go with the ticker. An alert raised by a rule keeps its spec in
// alerts.rule (empty for a stop breach, whose kind it shares: quiet hours and snoozes treat both alike).
Migration alertRulesMigration(int version)
{
    return {version,
            QStringLiteral("alert rules"),
            {QStringLiteral(R"(
CREATE TABLE stock_rules (
    ticker   TEXT NOT NULL REFERENCES stocks(ticker) ON DELETE CASCADE,
    spec     TEXT NOT NULL CHECK (length(spec) > 0),
    position INTEGER NOT NULL,
    PRIMARY KEY (ticker, spec)
) WITHOUT ROWID)"),
             QStringLiteral(R"(
CREATE TABLE rule_firings (
    ticker     TEXT NOT NULL REFERENCES stocks(ticker) ON DELETE CASCADE,
    spec       TEXT NOT NULL,
    market_day TEXT NOT NULL,
    PRIMARY KEY (ticker, spec, market_day)
) WITHOUT ROWID)"),
             QStringLiteral("ALTER TABLE alerts ADD COLUMN rule TEXT NOT NULL DEFAULT ''")}};
}

// Acknowledgements from the web dashboard (issue 16): where an alert was acknowledged ("web", "window"),
// beside alerts.acknowledged_at; the first acknowledgement is kept.
Migration alertAckSourceMigration(int version)
{
    return {version,
            QStringLiteral("alert acknowledgement source"),
            {QStringLiteral("ALTER TABLE alerts ADD COLUMN ack_source TEXT NOT NULL DEFAULT ''")}};
}

// Acknowledgement and escalation (issue 17). Deliveries get an escalation step (0: the alert's first
// delivery; 1, 2, …: the escalation policy's steps, each at most once per alert and channel), an urgent flag
// (a step that asked for urgent priority) and a 'cancelled' status (a step no longer needed: the alert was
// acknowledged or the price went back above the stop). SQLite cannot change a table's constraints, so the
// table is rebuilt. guardian_state keeps small values a restart must not lose (the Telegram update offset,
// the ntfy acknowledgement stream's last message id).
Migration escalationMigration(int version)
{
    return {version,
            QStringLiteral("alert escalation"),
            {QStringLiteral(R"(
CREATE TABLE deliveries_v15 (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id         INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    channel          TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    last_attempt_at  TEXT,
    last_error       TEXT NOT NULL DEFAULT '',
    delivered_at     TEXT,
    claimed_by       TEXT,
    claim_expires_at TEXT,
    escalation_step  INTEGER NOT NULL DEFAULT 0 CHECK (escalation_step >= 0),
    urgent           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (alert_id, channel, escalation_step)
))"),
             QStringLiteral(R"(
INSERT INTO deliveries_v15 (id, alert_id, channel, status, attempts, next_attempt_at, last_attempt_at,
                            last_error, delivered_at, claimed_by, claim_expires_at)
SELECT id, alert_id, channel, status, attempts, next_attempt_at, last_attempt_at, last_error, delivered_at,
       claimed_by, claim_expires_at
FROM deliveries)"),
             QStringLiteral("DROP TABLE deliveries"),
             QStringLiteral("ALTER TABLE deliveries_v15 RENAME TO deliveries"),
             QStringLiteral("CREATE INDEX deliveries_due ON deliveries(status, next_attempt_at)"),
             QStringLiteral(R"(
CREATE TABLE guardian_state (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID)")}};
}

// The columns a quote changes move from `stocks` to `stock_quotes` (issue 14): SQLite rewrites the whole
// record of a row it updates, so a poll cycle writing a price into the 22-column stocks row paid for all
// of its text (settings, times, the strategy spec). Keyed by the ticker (WITHOUT ROWID: one b-tree, no
// rowid to look up), one row per stock: the trigger adds it with the stock (OR REPLACE: a row orphaned by
// a delete made with foreign keys off is replaced, not a reason to refuse the stock), the foreign key
// removes it with the stock. Values are copied as stored, then the old columns are dropped.
Migration stockQuotesMigration(int version)
{
    const QString moved = QStringLiteral("last_price, last_quote_at, peak, stop_price, checked_through, "
                                         "strategy_state");
    QStringList statements{
        QStringLiteral(R"(
CREATE TABLE stock_quotes (
    ticker          TEXT PRIMARY KEY NOT NULL REFERENCES stocks(ticker) ON DELETE CASCADE ON UPDATE CASCADE,
    last_price      REAL CHECK (last_price IS NULL OR last_price > 0),
    last_quote_at   TEXT,
    peak            REAL CHECK (peak IS NULL OR peak > 0),
    stop_price      REAL CHECK (stop_price IS NULL OR stop_price > 0),
    checked_through TEXT,
    strategy_state  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID)"),
        QStringLiteral("INSERT INTO stock_quotes (ticker, %1) SELECT ticker, %1 FROM stocks").arg(moved)};
    for (const QString &column : moved.split(QStringLiteral(", ")))
        statements.append(QStringLiteral("ALTER TABLE stocks DROP COLUMN %1").arg(column));
    statements.append(QStringLiteral(R"(
CREATE TRIGGER stocks_quote_row AFTER INSERT ON stocks
BEGIN
    INSERT OR REPLACE INTO stock_quotes (ticker) VALUES (new.ticker);
END)"));
    return {version, QStringLiteral("quotes apart from the watchlist's settings"), statements};
}
} // namespace

// Times are stored as ISO 8601 UTC text with milliseconds ("2026-11-24T21:30:00.000Z"): sortable,
// and readable in any SQLite shell (except the price history's, integers since migration 12). Later issues
// add quote history, alerts and deliveries here.
const QList<Migration> &schemaMigrations()
{
    static const QList<Migration> migrations{
        {1,
         QStringLiteral("watchlist"),
         {QStringLiteral(R"(
CREATE TABLE stocks (
    ticker                TEXT PRIMARY KEY NOT NULL CHECK (length(ticker) BETWEEN 1 AND 15),
    symbol_id             INTEGER,
    currency              TEXT NOT NULL DEFAULT '',
    last_price            REAL CHECK (last_price IS NULL OR last_price > 0),
    last_quote_at         TEXT,
    peak                  REAL CHECK (peak IS NULL OR peak > 0),
    stop_ratio            REAL NOT NULL CHECK (stop_ratio > 0 AND stop_ratio < 1),
    stop_price            REAL CHECK (stop_price IS NULL OR stop_price > 0),
    entry_price           REAL CHECK (entry_price IS NULL OR entry_price > 0),
    last_alert_at         TEXT,
    last_alert_market_day TEXT,
    created_at            TEXT NOT NULL
))"),
          QStringLiteral("CREATE INDEX stocks_symbol_id ON stocks(symbol_id)")}},
        {2,
         QStringLiteral("broker flags"),
         {QStringLiteral("ALTER TABLE stocks ADD COLUMN symbol_not_found INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("ALTER TABLE stocks ADD COLUMN quote_delayed INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("ALTER TABLE stocks ADD COLUMN halted INTEGER NOT NULL DEFAULT 0")}},
        {3,
         QStringLiteral("alert outbox"),
         {QStringLiteral(R"(
CREATE TABLE alerts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL CHECK (kind IN ('breach', 'health', 'digest', 'test')),
    ticker          TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL,
    message         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    acknowledged_at TEXT
))"),
          QStringLiteral(R"(
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id        INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    channel         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_attempt_at TEXT,
    last_error      TEXT NOT NULL DEFAULT '',
    delivered_at    TEXT,
    UNIQUE (alert_id, channel)
))"),
          QStringLiteral("CREATE INDEX deliveries_due ON deliveries(status, next_attempt_at)"),
          QStringLiteral("CREATE INDEX alerts_created ON alerts(created_at)")}},
        {4,
         QStringLiteral("repeat policy and snooze"),
         {QStringLiteral("ALTER TABLE stocks ADD COLUMN below_stop INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("ALTER TABLE stocks ADD COLUMN snoozed_until TEXT")}},
        // Reserved while issues 5 and 6 are built side by side; each step fills in its statements.
        // Price history (issue 5): every processed quote, and candles (OHLC bars) per interval. A candle
        // whose open/high/low are NULL is close-only (imported from a date,close file).
        // candle_coverage records the ranges fetched or imported, so a backfill asks only for the rest
        // (a range without candles - a holiday, a weekend - counts as covered).
        {5,
         QStringLiteral("price history"),
         {QStringLiteral(R"(
CREATE TABLE price_quotes (
    ticker TEXT NOT NULL,
    time   TEXT NOT NULL,
    price  REAL NOT NULL CHECK (price > 0),
    PRIMARY KEY (ticker, time)
) WITHOUT ROWID)"),
          QStringLiteral(R"(
CREATE TABLE candles (
    ticker           TEXT NOT NULL,
    interval_seconds INTEGER NOT NULL CHECK (interval_seconds > 0),
    start            TEXT NOT NULL,
    end              TEXT NOT NULL,
    open             REAL,
    high             REAL,
    low              REAL,
    close            REAL NOT NULL CHECK (close > 0),
    volume           INTEGER,
    PRIMARY KEY (ticker, interval_seconds, start)
) WITHOUT ROWID)"),
          QStringLiteral(R"(
CREATE TABLE candle_coverage (
    ticker           TEXT NOT NULL,
    interval_seconds INTEGER NOT NULL,
    start            TEXT NOT NULL,
    end              TEXT NOT NULL,
    PRIMARY KEY (ticker, interval_seconds, start)
) WITHOUT ROWID)")}},
        // Each ticker's stop strategy as its spec string ("trailing:0.9", "atr:14,3"; empty: trailing at
        // stop_ratio) and the strategy's running state (ATR, window of highs, activation...) as JSON.
        {6,
         QStringLiteral("stop-loss strategies"),
         {QStringLiteral("ALTER TABLE stocks ADD COLUMN strategy TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE stocks ADD COLUMN strategy_state TEXT NOT NULL DEFAULT ''")}},
        // The accounts whose positions were imported, and what each of them holds (long stock positions
        // only, under the ticker the watchlist uses). Kept apart from `stocks`: a holding exists whether
        // or not its ticker is watched, and one ticker can be held in several accounts.
        {7,
         QStringLiteral("portfolio positions"),
         {QStringLiteral(R"(
CREATE TABLE portfolio_accounts (
    number     TEXT PRIMARY KEY NOT NULL CHECK (length(number) > 0),
    type       TEXT NOT NULL DEFAULT '',
    added_at   TEXT NOT NULL,
    synced_at  TEXT
))"),
          QStringLiteral(R"(
CREATE TABLE positions (
    account_number      TEXT NOT NULL REFERENCES portfolio_accounts(number) ON DELETE CASCADE,
    ticker              TEXT NOT NULL CHECK (length(ticker) BETWEEN 1 AND 15),
    symbol              TEXT NOT NULL,
    symbol_id           INTEGER NOT NULL,
    quantity            REAL NOT NULL,
    market_value        REAL,
    current_price       REAL,
    average_entry_price REAL,
    open_pnl            REAL,
    currency            TEXT NOT NULL DEFAULT '',
    updated_at          TEXT NOT NULL,
    PRIMARY KEY (account_number, ticker)
))"),
          QStringLiteral("CREATE INDEX positions_ticker ON positions(ticker)")}},
        // Market hours and the offline catch-up: the listing's exchange (which market's sessions apply) and
        // the instant up to which each ticker's prices were watched (where a catch-up after downtime starts).
        {8,
         QStringLiteral("market hours and offline catch-up"),
         {QStringLiteral("ALTER TABLE stocks ADD COLUMN listing_exchange TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE stocks ADD COLUMN checked_through TEXT")}},
        outboxClaimsMigration(9),
        catchUpGapMigration(10),
        heldStopMigration(11),
        compactHistoryMigration(12),
        alertRulesMigration(13),
        alertAckSourceMigration(14),
        escalationMigration(15),
        stockQuotesMigration(16),
    };
    return migrations;
}

} // namespace trailguard
