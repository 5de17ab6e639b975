#include "demo/SimulatedMarket.h"

#include "demo/DemoLogging.h"

#include <QTimeZone>

#include <cmath>
#include <numbers>

namespace trailguard {

namespace {

// Pull of the price back to its level per second (half-life about 35 s), and the level's own drift.
constexpr double kReversion = 0.02;
constexpr double kLevelVolatility = 0.0003;

// The scripted ticker: +0.18%/s for 20 s (about +3.7%), then -0.65%/s for 30 s (about -18%), then
// flat. From the peak the price crosses 0.9 x peak after about 16 s of falling, i.e. ~36 s in.
constexpr int kRiseSeconds = 20;
constexpr int kFallSeconds = 30;
constexpr double kRiseDrift = 0.0018;
constexpr double kFallDrift = -0.0065;

struct SeedListing {
    const char *ticker;
    qint64 symbolId;
    const char *currency;
    const char *exchange;
    const char *description;
    double price;
    double volatility;
};

// Invented symbol ids; prices in the right neighbourhood for a demo.
constexpr SeedListing kSeeds[] = {
    {"SHOP.TO", 4242001, "CAD", "TSX", "SHOPIFY INC CL A SUB VTG", 102.40, 0.0020},
    {"RY.TO", 34658, "CAD", "TSX", "ROYAL BANK OF CANADA", 131.44, 0.0010},
    {"XEQT.TO", 26094519, "CAD", "TSX", "ISHARES CORE EQUITY ETF PORTFOLIO", 31.25, 0.0010},
    {"AAPL", 8049, "USD", "NASDAQ", "APPLE INC", 189.50, 0.0015},
    {"BRK.B", 1634, "USD", "NYSE", "BERKSHIRE HATHAWAY INC CL B", 412.30, 0.0010},
};

constexpr const char *kFallingTicker = "SHOP.TO";

// The demo accounts and what they hold; market value and open P/L follow the simulated prices.
struct DemoHolding {
    const char *account;
    const char *symbol;
    double quantity;
    double averageEntryPrice;
};
constexpr const char *kDemoTfsa = "51443017";
constexpr const char *kDemoMargin = "51443018";
constexpr DemoHolding kDemoHoldings[] = {
    {kDemoTfsa, "XEQT.TO", 400, 27.80},
    {kDemoTfsa, "RY.TO", 50, 118.20},
    {kDemoMargin, "AAPL", 25, 171.35},
    {kDemoMargin, "RY.TO", 20, 127.05},
};
// An option the import lists but does not watch.
constexpr qint64 kDemoOptionId = 990001;
constexpr const char *kDemoOption = "AAPL17Dec27C200.00";

const Clock &systemClock()
{
    static const SystemClock clock;
    return clock;
}

} // namespace

SimulatedMarket::SimulatedMarket(quint32 seed, QObject *parent)
    : SimulatedMarket(seed, systemClock(), parent)
{}

SimulatedMarket::SimulatedMarket(quint32 seed, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_server(new FakeQuestradeServer(this))
    , m_random(seed)
    , m_timer(clock.createTimer())
{
    // The simulated market is open whenever the demo runs: a 6.5 h session that began in the last hour.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime open =
        QDateTime(now.date(), QTime(now.time().hour(), 0), QTimeZone::utc()).addSecs(-3600);
    m_server->setMarketHours(open, open.addSecs(qint64(6) * 3600 + 1800));

    m_timer->setInterval(std::chrono::seconds(1));
    connect(m_timer.get(), &ClockTimer::timeout, this, [this] { advance(1); });

    for (const SeedListing &listing : kSeeds) {
        Instrument instrument;
        instrument.symbol.symbol = QString::fromLatin1(listing.ticker);
        instrument.symbol.symbolId = listing.symbolId;
        instrument.symbol.currency = QString::fromLatin1(listing.currency);
        instrument.symbol.listingExchange = QString::fromLatin1(listing.exchange);
        instrument.symbol.description = QString::fromLatin1(listing.description);
        instrument.logPrice = std::log(listing.price);
        instrument.logLevel = instrument.logPrice;
        instrument.volatility = listing.volatility;
        instrument.scripted = qstrcmp(listing.ticker, kFallingTicker) == 0;
        m_server->addSymbol(instrument.symbol);
        publish(instrument);
        m_instruments.append(instrument);
    }

    using Account = FakeQuestradeServer::Account;
    m_server->setAccounts({Account{QString::fromLatin1(kDemoTfsa), QStringLiteral("TFSA"),
                                   QStringLiteral("Active"), true, false},
                           Account{QString::fromLatin1(kDemoMargin), QStringLiteral("Margin"),
                                   QStringLiteral("Active"), false, true}});
    publishPositions();
}

SimulatedMarket::~SimulatedMarket() = default;

QStringList SimulatedMarket::tickers()
{
    QStringList result;
    for (const SeedListing &listing : kSeeds)
        result.append(QString::fromLatin1(listing.ticker));
    return result;
}

QString SimulatedMarket::fallingTicker()
{
    return QString::fromLatin1(kFallingTicker);
}

FakeQuestradeServer *SimulatedMarket::server() const
{
    return m_server;
}

bool SimulatedMarket::start(quint16 port)
{
    if (m_server->port() == 0 && !m_server->listen(port))
        return false;
    m_timer->start();
    qCInfo(lcDemo) << "Simulated market running;" << fallingTicker()
                   << "will fall through a 0.9 stop within a minute";
    return true;
}

void SimulatedMarket::stop()
{
    m_timer->stop();
}

bool SimulatedMarket::isRunning() const
{
    return m_timer->isActive();
}

void SimulatedMarket::advance(int seconds)
{
    for (int i = 0; i < seconds; ++i)
        step();
}

int SimulatedMarket::elapsedSeconds() const
{
    return m_elapsed;
}

double SimulatedMarket::price(const QString &ticker) const
{
    const Instrument *instrument = find(ticker);
    return instrument ? instrument->published : 0.0;
}

qint64 SimulatedMarket::symbolId(const QString &ticker) const
{
    const Instrument *instrument = find(ticker);
    return instrument ? instrument->symbol.symbolId : 0;
}

void SimulatedMarket::step()
{
    const double drift = scriptedDrift(m_elapsed);
    for (Instrument &instrument : m_instruments) {
        const double trend = instrument.scripted ? drift : 0.0;
        // Both draws every tick, so every instrument's path depends only on the seed.
        const double levelShock = gaussian();
        const double priceShock = gaussian();
        instrument.logLevel += trend + kLevelVolatility * levelShock;
        instrument.logPrice += trend + kReversion * (instrument.logLevel - instrument.logPrice) +
                               instrument.volatility * priceShock;
        publish(instrument);
    }
    publishPositions();
    ++m_elapsed;
    Q_EMIT ticked(m_elapsed);
}

void SimulatedMarket::publish(Instrument &instrument)
{
    // Cents, and never below one cent: exp() keeps the walk positive, rounding must not reach 0.
    instrument.published = std::max(0.01, std::round(std::exp(instrument.logPrice) * 100.0) / 100.0);
    m_server->setPrice(instrument.symbol.symbolId, instrument.published);
}

QStringList SimulatedMarket::demoAccountNumbers()
{
    return {QString::fromLatin1(kDemoTfsa), QString::fromLatin1(kDemoMargin)};
}

void SimulatedMarket::publishPositions()
{
    QHash<QString, QList<FakeQuestradeServer::Position>> byAccount;
    for (const DemoHolding &holding : kDemoHoldings) {
        const Instrument *instrument = find(QString::fromLatin1(holding.symbol));
        if (!instrument)
            continue;
        FakeQuestradeServer::Position position;
        position.symbol = instrument->symbol.symbol;
        position.symbolId = instrument->symbol.symbolId;
        position.openQuantity = holding.quantity;
        position.closedQuantity = 0.0;
        position.currentPrice = instrument->published;
        position.currentMarketValue = std::round(holding.quantity * instrument->published * 100.0) / 100.0;
        position.averageEntryPrice = holding.averageEntryPrice;
        position.totalCost = holding.quantity * holding.averageEntryPrice;
        position.openPnl =
            std::round((instrument->published - holding.averageEntryPrice) * holding.quantity * 100.0) /
            100.0;
        position.closedPnl = 0.0;
        position.isRealTime = true;
        position.isUnderReorg = false;
        byAccount[QString::fromLatin1(holding.account)].append(position);
    }
    FakeQuestradeServer::Position option;
    option.symbol = QString::fromLatin1(kDemoOption);
    option.symbolId = kDemoOptionId;
    option.openQuantity = 2;
    option.currentPrice = 4.15;
    option.currentMarketValue = 830.0;
    option.averageEntryPrice = 3.60;
    option.openPnl = 110.0;
    byAccount[QString::fromLatin1(kDemoMargin)].append(option);
    for (auto it = byAccount.cbegin(); it != byAccount.cend(); ++it)
        m_server->setPositions(it.key(), it.value());
}

double SimulatedMarket::gaussian()
{
    // Box-Muller; 1 - u keeps the logarithm finite.
    const double u1 = 1.0 - m_random.generateDouble();
    const double u2 = m_random.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double SimulatedMarket::scriptedDrift(int second)
{
    if (second < kRiseSeconds)
        return kRiseDrift;
    if (second < kRiseSeconds + kFallSeconds)
        return kFallDrift;
    return 0.0;
}

const SimulatedMarket::Instrument *SimulatedMarket::find(const QString &ticker) const
{
    for (const Instrument &instrument : m_instruments) {
        if (instrument.symbol.symbol.compare(ticker.trimmed(), Qt::CaseInsensitive) == 0)
            return &instrument;
    }
    return nullptr;
}

} // namespace trailguard
