#pragma once

#include "common/Clock.h"
#include "demo/FakeQuestradeServer.h"

#include <QObject>
#include <QRandomGenerator>
#include <QStringList>

namespace trailguard {

// The market behind `trailguard --demo`: a FakeQuestradeServer on loopback with a handful of real-looking
// listings whose prices move every second. Prices follow a small geometric random walk around a slowly
// wandering level; fallingTicker() is scripted to rise for 20 s and then fall about 18% over the next
// 30 s, so a 0.9 trailing stop breaks within a minute of the start even when polled every 5 s.
// Deterministic for a given seed: advance() moves time by whole seconds without a timer.
// v1/markets reports a regular session that is open whenever the demo runs (it began in the last
// hour and lasts 6.5 h), so a poller that respects market hours keeps polling at any time of day.
class SimulatedMarket : public QObject {
    Q_OBJECT
public:
    static constexpr quint32 kDefaultSeed = 20240514;

    explicit SimulatedMarket(quint32 seed = kDefaultSeed, QObject *parent = nullptr);
    // Ticks on `clock`'s timers (not owned; it outlives the market): a test clock moves it without waiting.
    SimulatedMarket(quint32 seed, const Clock &clock, QObject *parent = nullptr);
    ~SimulatedMarket() override;

    // The demo tickers, as a user types them: SHOP.TO, RY.TO, XEQT.TO, AAPL, BRK.B.
    static QStringList tickers();
    // The ticker whose scripted fall breaks a 0.9 trailing stop within about a minute.
    static QString fallingTicker();

    FakeQuestradeServer *server() const;
    // The demo login's accounts (a TFSA and a margin account) with a few positions whose market value and
    // open P/L follow the simulated prices, so the demo can show File > Import Positions.
    static QStringList demoAccountNumbers();

    // Listens on loopback (any free port unless given) when not yet listening, and moves prices every
    // second from now on. False when the port cannot be opened.
    bool start(quint16 port = 0);
    void stop();
    bool isRunning() const;

    // Moves the market `seconds` ticks forward at once (tests); quotes are stamped with the real now.
    void advance(int seconds);
    int elapsedSeconds() const;

    // The published (cent-rounded) last price; 0 for an unknown ticker.
    double price(const QString &ticker) const;
    qint64 symbolId(const QString &ticker) const; // 0 for an unknown ticker

Q_SIGNALS:
    // After every tick, with the seconds elapsed since the start.
    void ticked(int elapsedSeconds);

private:
    struct Instrument {
        FakeQuestradeServer::Symbol symbol;
        double logPrice = 0.0;   // natural log of the unrounded price
        double logLevel = 0.0;   // where the price is drawn back to
        double volatility = 0.0; // per-tick standard deviation of the log price
        bool scripted = false;
        double published = 0.0;
    };

    void step();
    void publish(Instrument &instrument);
    void publishPositions();
    double gaussian();
    static double scriptedDrift(int second);
    const Instrument *find(const QString &ticker) const;

    FakeQuestradeServer *m_server;
    QRandomGenerator m_random;
    std::unique_ptr<ClockTimer> m_timer;
    QList<Instrument> m_instruments;
    int m_elapsed = 0;
};

} // namespace trailguard
