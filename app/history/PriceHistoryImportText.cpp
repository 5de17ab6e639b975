// PriceHistoryImport::describe: what an import stored, in words (the command line and the window show it).
#include "history/PriceHistoryImport.h"

#include "domain/MarketCalendar.h"

#include <QCoreApplication>
#include <QLocale>

namespace trailguard::PriceHistoryImport {

namespace {
class ImportSummaryText {
    Q_DECLARE_TR_FUNCTIONS(PriceHistoryImport)
};

// "1,000,000 one-minute candles", "1 daily candle". Singular and plural are whole strings (rather than
// tr()'s %n forms) so the words are right even where no translation is loaded, as on the command line.
QString candles(qint64 count, qint64 intervalSeconds, const QString &number)
{
    const bool one = count == 1;
    switch (intervalSeconds) {
    case 60:
        return one ? ImportSummaryText::tr("1 one-minute candle")
                   : ImportSummaryText::tr("%1 one-minute candles").arg(number);
    case 300:
        return one ? ImportSummaryText::tr("1 five-minute candle")
                   : ImportSummaryText::tr("%1 five-minute candles").arg(number);
    case 900:
        return one ? ImportSummaryText::tr("1 15-minute candle")
                   : ImportSummaryText::tr("%1 15-minute candles").arg(number);
    case 1800:
        return one ? ImportSummaryText::tr("1 30-minute candle")
                   : ImportSummaryText::tr("%1 30-minute candles").arg(number);
    case 3600:
        return one ? ImportSummaryText::tr("1 hourly candle")
                   : ImportSummaryText::tr("%1 hourly candles").arg(number);
    case kDaySeconds:
        return one ? ImportSummaryText::tr("1 daily candle")
                   : ImportSummaryText::tr("%1 daily candles").arg(number);
    default:
        if (intervalSeconds % 60 == 0)
            return one ? ImportSummaryText::tr("1 %1-minute candle").arg(intervalSeconds / 60)
                       : ImportSummaryText::tr("%1 %2-minute candles").arg(number).arg(intervalSeconds / 60);
        return one ? ImportSummaryText::tr("1 %1-second candle").arg(intervalSeconds)
                   : ImportSummaryText::tr("%1 %2-second candles").arg(number).arg(intervalSeconds);
    }
}

QString rows(qint64 count, const QString &number)
{
    return count == 1 ? ImportSummaryText::tr("1 row") : ImportSummaryText::tr("%1 rows").arg(number);
}

// A candle's start as the exchange's clock shows it; a day as its date.
QString when(const QDateTime &start, const TickerSummary &ticker)
{
    if (ticker.intervalSeconds >= kDaySeconds) // daily candles start at New York midnight
        return start.toTimeZone(MarketCalendar::easternZone()).date().toString(Qt::ISODate);
    const QDateTime local = start.toTimeZone(MarketCalendar::exchangeTimeZone(ticker.ticker));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

QLocale numberLocale(const QLocale &requested)
{
    QLocale locale =
        requested.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : requested;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
}

QStringList describe(const Summary &summary, const QLocale &requested)
{
    const QLocale locale = numberLocale(requested);
    const auto number = [&locale](qint64 n) { return locale.toString(n); };
    QStringList lines;
    for (const TickerSummary &ticker : summary.tickers) {
        QString line = ImportSummaryText::tr("%1 → %2 for %3 (%4 to %5)")
                           .arg(rows(ticker.rows, number(ticker.rows)),
                                candles(ticker.candles, ticker.intervalSeconds, number(ticker.candles)),
                                ticker.ticker, when(ticker.first, ticker), when(ticker.last, ticker));
        if (ticker.dailyCandles > 0)
            line += ImportSummaryText::tr(", and %1 made from them")
                        .arg(candles(ticker.dailyCandles, kDaySeconds, number(ticker.dailyCandles)));
        lines.append(line);
    }
    if (summary.otherSymbolRows > 0) {
        lines.append(
            ImportSummaryText::tr("%1 skipped: their symbol is not %2.")
                .arg(rows(summary.otherSymbolRows, number(summary.otherSymbolRows)), summary.onlyTicker));
    }
    return lines;
}

} // namespace trailguard::PriceHistoryImport
