#include "storage/Migrations.h"

namespace trailguard {

// Times are stored as ISO 8601 UTC text with milliseconds ("2026-11-24T21:30:00.000Z"): sortable,
// and readable in any SQLite shell. Later issues add quote history, alerts and deliveries here.
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
        {5, QStringLiteral("price history"), {}},
        {6, QStringLiteral("stop-loss strategies"), {}},
        {7, QStringLiteral("portfolio positions"), {}},
        {8, QStringLiteral("offline catch-up"), {}},
    };
    return migrations;
}

} // namespace trailguard
