#include "web/api/HistoryEndpoints.h"

#include "common/Clock.h"
#include "domain/Ticker.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "watchlist/WatchlistService.h"
#include "web/api/ApiJson.h"
#include "web/api/HistorySeries.h"

#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

namespace trailguard::Web {

namespace {
// Reads the series on the calling (worker) thread, on a connection opened here and closed before returning.
ApiResponse readHistory(const QString &databaseFile, HistoryInput input)
{
    Result<std::unique_ptr<Database>> opened = Database::open(databaseFile);
    if (!opened)
        return ApiJson::error(opened.error());
    PriceHistoryRepository history(opened.value()->connection());
    const Result<QList<PricePoint>> prices = history.priceSeries(input.ticker, input.from, input.to);
    if (!prices)
        return ApiJson::error(prices.error());
    const Result<QList<StopPoint>> stops = history.heldStops(input.ticker, input.from, input.to);
    if (!stops)
        return ApiJson::error(stops.error());
    input.prices = prices.value();
    input.stops = stops.value();
    return ApiResponse::json(200, HistorySeries::toJson(input));
}
} // namespace

HistoryEndpoints::HistoryEndpoints(const WebServices &services)
    : m_services(services)
    , m_context(std::make_unique<QObject>())
{}

HistoryEndpoints::~HistoryEndpoints() = default;

Result<QDateTime> HistoryEndpoints::parseTime(const QString &text, bool endOfDay, const QDateTime &fallback)
{
    if (text.isEmpty())
        return fallback;
    // QDate's ISO reading takes the date part of a longer text too: a day is exactly "yyyy-MM-dd".
    const QDate day = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
    if (day.isValid())
        return QDateTime(endOfDay ? day.addDays(1) : day, QTime(0, 0), QTimeZone::utc());
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
        return Error{ErrorCode::InvalidArguments,
                     ApiText::tr("\"%1\" is not a date (2026-01-05) or an ISO 8601 time with a zone "
                                 "(2026-01-05T14:30:00Z).")
                         .arg(text.left(40))};
    }
    return time.toUTC();
}

bool HistoryEndpoints::handle(const ApiRequest &request, const Respond &respond)
{
    if (request.path.value(0) != QLatin1String("history") || request.path.size() != 2)
        return false;
    if (request.method != "GET") {
        respond(ApiResponse::error(405, ApiText::tr("Use GET on /api/v1/history/{ticker}.")));
        return true;
    }
    const Result<QString> ticker = Ticker::normalize(request.path.at(1));
    if (!ticker) {
        respond(ApiJson::error(ticker.error()));
        return true;
    }
    HistoryInput input;
    input.ticker = ticker.value();
    const Result<QList<StockState>> stocks = m_services.watchlist->stocks();
    bool watched = false;
    for (const StockState &stock : stocks ? stocks.value() : QList<StockState>()) {
        if (stock.ticker == input.ticker) {
            watched = true;
            input.currency = stock.currency;
        }
    }
    if (!watched) {
        respond(ApiResponse::error(404, ApiText::tr("%1 is not on the watchlist.").arg(input.ticker)));
        return true;
    }

    const QUrlQuery &query = request.query;
    const QDateTime now = m_services.clock->now().toUTC();
    const Result<QDateTime> from = parseTime(query.queryItemValue(QStringLiteral("from")), false,
                                             QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc()));
    const Result<QDateTime> to = parseTime(query.queryItemValue(QStringLiteral("to")), true, now.addDays(1));
    for (const Result<QDateTime> *time : {&from, &to}) {
        if (!*time) {
            respond(ApiJson::error(time->error()));
            return true;
        }
    }
    if (from.value() >= to.value()) {
        respond(ApiResponse::error(400, ApiText::tr("\"from\" must be before \"to\".")));
        return true;
    }
    input.from = from.value();
    input.to = to.value();
    if (query.hasQueryItem(QStringLiteral("points"))) {
        bool isNumber = false;
        input.points = query.queryItemValue(QStringLiteral("points")).toInt(&isNumber);
        if (!isNumber || input.points < kMinimumPoints || input.points > kMaximumPoints) {
            respond(ApiResponse::error(400, ApiText::tr("\"points\" must be a whole number from %1 to %2.")
                                                .arg(kMinimumPoints)
                                                .arg(kMaximumPoints)));
            return true;
        }
    } else {
        input.points = kDefaultPoints;
    }

    const QString databaseFile = m_services.database->filePath();
    QtConcurrent::run([databaseFile, input] {
        return readHistory(databaseFile, input);
    }).then(m_context.get(), [respond](const ApiResponse &response) { respond(response); });
    return true;
}

} // namespace trailguard::Web
