#include "cli/WatchRules.h"

#include "cli/HelpText.h"
#include "cli/OpenWatchlist.h"
#include "domain/AlertRule.h"
#include "domain/Ticker.h"

namespace trailguard::Cli {

namespace {
int failWatchRules(QTextStream &err, const Error &error)
{
    err << error.message << Qt::endl;
    // A rule that does not parse is a mistake on the command line, like a bad ratio.
    return error.code == ErrorCode::InvalidIndicator ? kExitUsage : exitCodeFor(error.code);
}

// The ticker's rules once `added` and `removed` are applied in that order, or why one cannot be.
Result<QStringList> planRules(const StockState &stock, const QStringList &added, const QStringList &removed)
{
    QStringList rules = stock.rules;
    for (const QString &spec : added) {
        if (rules.contains(spec)) {
            return Error{
                ErrorCode::InvalidArguments,
                WatchRules::tr("%1 already has the rule %2; nothing was changed.").arg(stock.ticker, spec)};
        }
        rules.append(spec);
    }
    for (const QString &spec : removed) {
        if (!rules.contains(spec)) {
            return Error{ErrorCode::InvalidArguments,
                         rules.isEmpty()
                             ? WatchRules::tr("%1 has no rules; nothing was changed.").arg(stock.ticker)
                             : WatchRules::tr("%1 has no rule %2; its rules are: %3. Nothing was changed.")
                                   .arg(stock.ticker, spec, rules.join(QStringLiteral(", ")))};
        }
        rules.removeAll(spec);
    }
    return rules;
}
} // namespace

QCommandLineOption WatchRules::ruleOption()
{
    return QCommandLineOption(QStringLiteral("rule"),
                              tr("An alert rule beside the stop, e.g. cross-below-sma:50 or target:120 "
                                 "(repeat for more; see \"trailguard watch rules --help\")."),
                              QStringLiteral("SPEC"));
}

QList<QCommandLineOption> WatchRules::editOptions()
{
    return {
        QCommandLineOption(QStringLiteral("add"), tr("Add this rule (repeatable)."), QStringLiteral("SPEC")),
        QCommandLineOption(QStringLiteral("remove"), tr("Remove this rule (repeatable)."),
                           QStringLiteral("SPEC"))};
}

QString WatchRules::summary()
{
    return tr("List, add or remove a ticker's alert rules.");
}

QString WatchRules::description()
{
    return tr("Without --add or --remove, lists TICKER's alert rules, one per line. A rule alerts once on "
              "the market day its condition starts to hold, through the same channels as a stop breach.") +
           kNewline +
           tr("Rules: cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, "
              "macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K, target:P.") +
           kNewline + tr("Every change is checked first: if one is refused, nothing changes.");
}

Result<QStringList> WatchRules::validate(const QStringList &specs)
{
    QStringList canonical;
    for (const QString &spec : specs) {
        const Result<AlertRule> rule = AlertRule::parse(spec);
        if (!rule.ok())
            return rule.error();
        canonical.append(rule.value().spec());
    }
    return canonical;
}

int WatchRules::run(const GlobalOptions &global, const QString &tickerInput, const QStringList &added,
                    const QStringList &removed, QTextStream &out, QTextStream &err)
{
    const Result<QString> ticker = Ticker::normalize(tickerInput);
    if (!ticker.ok())
        return failWatchRules(err, ticker.error());
    const Result<QStringList> toAdd = validate(added);
    if (!toAdd.ok())
        return failWatchRules(err, toAdd.error());
    const Result<QStringList> toRemove = validate(removed);
    if (!toRemove.ok())
        return failWatchRules(err, toRemove.error());

    auto watchlist = OpenWatchlist::open(global);
    if (!watchlist.ok())
        return failWatchRules(err, watchlist.error());
    WatchlistService &service = watchlist.value()->service();
    const Result<QList<StockState>> stocks = service.stocks();
    if (!stocks.ok())
        return failWatchRules(err, stocks.error());
    const auto found = std::find_if(stocks.value().cbegin(), stocks.value().cend(),
                                    [&](const StockState &stock) { return stock.ticker == ticker.value(); });
    if (found == stocks.value().cend()) {
        return failWatchRules(err, Error{ErrorCode::UnknownTicker,
                                         tr("%1 is not on the watchlist. Add it first with \"trailguard "
                                            "watch add %1\".")
                                             .arg(ticker.value())});
    }
    if (toAdd.value().isEmpty() && toRemove.value().isEmpty()) {
        if (found->rules.isEmpty())
            out << tr("%1 has no alert rules.").arg(found->ticker) << Qt::endl;
        for (const QString &spec : found->rules)
            out << spec << kNewline;
        out.flush();
        return kExitSuccess;
    }
    if (const Result<QStringList> planned = planRules(*found, toAdd.value(), toRemove.value()); !planned.ok())
        return failWatchRules(err, planned.error());
    for (const QString &spec : toAdd.value()) {
        if (const Result<StockState> done = service.addRule(found->ticker, spec); !done.ok())
            return failWatchRules(err, done.error());
        out << tr("Added the rule %1 to %2.").arg(spec, found->ticker) << kNewline;
    }
    for (const QString &spec : toRemove.value()) {
        if (const Result<StockState> done = service.removeRule(found->ticker, spec); !done.ok())
            return failWatchRules(err, done.error());
        out << tr("Removed the rule %1 from %2.").arg(spec, found->ticker) << kNewline;
    }
    out.flush();
    return kExitSuccess;
}

QString WatchRules::compact(const StockState &stock)
{
    return stock.rules.join(QLatin1Char(' '));
}

} // namespace trailguard::Cli
