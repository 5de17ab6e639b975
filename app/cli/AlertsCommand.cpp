#include "cli/AlertsCommand.h"

#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/escalation/AlertRecordJson.h"
#include "alerts/escalation/EscalationGate.h"
#include "cli/CellText.h"
#include "cli/OpenWatchlist.h"
#include "cli/SubcommandHelp.h"
#include "cli/TextTable.h"
#include "common/Clock.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace trailguard::Cli {

namespace {
const QString kAlertsJson = QStringLiteral("json");
const QString kAlertsLimit = QStringLiteral("limit");
constexpr int kDefaultAlertLimit = 20;
constexpr int kMaxAlertLimit = 10000;

QString alertsTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : CellText::unknown();
}

// The database the guardian uses: opened beside it (SQLite's locking keeps both safe).
struct AlertsDatabase {
    std::unique_ptr<Database> database;
    SystemClock clock;
};

Result<std::unique_ptr<AlertsDatabase>> openAlertsDatabase(const GlobalOptions &global)
{
    const Result<AppPaths> paths = dataPaths(global);
    if (!paths.ok())
        return paths.error();
    auto database = Database::open(paths.value().databaseFile());
    if (!database.ok())
        return database.error();
    auto opened = std::make_unique<AlertsDatabase>();
    opened->database = std::move(database).value();
    return opened;
}

QString deliveriesText(const AlertRecord &record)
{
    QStringList parts;
    for (const Delivery &delivery : record.deliveries) {
        if (delivery.escalationStep == 0)
            parts.append(delivery.channel + QLatin1Char(' ') + AlertRecordJson::statusName(delivery.status));
    }
    return parts.isEmpty() ? CellText::unknown() : parts.join(QStringLiteral(", "));
}

QString escalationsText(const AlertRecord &record)
{
    QStringList parts;
    for (const AlertRecordJson::EscalationStepSummary &step : AlertRecordJson::escalationSteps(record)) {
        parts.append(QStringLiteral("%1 %2 %3 %4")
                         .arg(step.step)
                         .arg(step.channels.join(QLatin1Char(',')),
                              step.at.toUTC().toString(QStringLiteral("HH:mm:ss")),
                              AlertRecordJson::statusName(step.status)));
    }
    return parts.isEmpty() ? CellText::unknown() : parts.join(QStringLiteral("; "));
}

QString acknowledgedText(const AlertRecord &record)
{
    if (!record.acknowledgedAt.isValid())
        return AlertsCommand::tr("no");
    return QStringLiteral("%1 (%2)").arg(alertsTime(record.acknowledgedAt), record.ackSource);
}

int listAlerts(const QCommandLineParser &parser, AlertsDatabase &opened, QTextStream &out, QTextStream &err)
{
    const int limit = parser.isSet(kAlertsLimit) ? parser.value(kAlertsLimit).toInt() : kDefaultAlertLimit;
    const AlertRepository alerts(opened.database->connection());
    const Result<QList<AlertRecord>> recent = alerts.recent(limit);
    if (!recent.ok()) {
        err << recent.error().message << Qt::endl;
        return kExitFailure;
    }
    if (parser.isSet(kAlertsJson)) {
        QJsonArray array;
        for (const AlertRecord &record : recent.value())
            array.append(AlertRecordJson::toJson(record));
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
        return kExitSuccess;
    }
    if (recent.value().isEmpty()) {
        err << AlertsCommand::tr("No alerts yet.") << Qt::endl;
        return kExitSuccess;
    }
    using Align = TextTable::Align;
    TextTable table({AlertsCommand::tr("ID"), AlertsCommand::tr("Raised (UTC)"), AlertsCommand::tr("Ticker"),
                     AlertsCommand::tr("Kind"), AlertsCommand::tr("Price"), AlertsCommand::tr("Stop"),
                     AlertsCommand::tr("Acknowledged"), AlertsCommand::tr("Deliveries"),
                     AlertsCommand::tr("Escalations (step channels at UTC, status)")},
                    {Align::Right, Align::Left, Align::Left, Align::Left, Align::Right, Align::Right});
    for (const AlertRecord &record : recent.value()) {
        const QJsonObject json = AlertRecordJson::toJson(record);
        table.addRow({QString::number(record.id), alertsTime(record.createdAt),
                      record.message.ticker.isEmpty() ? CellText::unknown() : record.message.ticker,
                      json.value(QStringLiteral("kind")).toString(), CellText::price(record.message.price),
                      CellText::price(record.message.stop), acknowledgedText(record), deliveriesText(record),
                      escalationsText(record)});
    }
    out << table.text() << Qt::flush;
    return kExitSuccess;
}

int acknowledgeAlert(qint64 alertId, AlertsDatabase &opened, QTextStream &out, QTextStream &err)
{
    AlertRepository alerts(opened.database->connection());
    OutboxDispatcher dispatcher(alerts, opened.clock); // never started: only to announce, like the guardian
    AlertAcknowledger acknowledger(alerts, dispatcher, opened.clock);
    const Result<AlertAcknowledger::Outcome> outcome = acknowledger.acknowledge(alertId, AckSource::cli());
    if (!outcome.ok()) {
        err << outcome.error().message << Qt::endl;
        return kExitFailure;
    }
    const AlertRecord &alert = outcome.value().alert;
    if (!outcome.value().newlyAcknowledged) {
        out << AlertsCommand::tr("Alert %1 was already acknowledged on %2 UTC from %3; nothing changed.")
                   .arg(alertId)
                   .arg(alertsTime(alert.acknowledgedAt), alert.ackSource)
            << Qt::endl;
        return kExitSuccess;
    }
    // The guardian checks the database before each step too; cancelling now shows it in the history.
    EscalationGate gate(opened.database->connection(), opened.clock);
    const Result<int> cancelled = gate.cancelAcknowledged(alertId);
    out << AlertsCommand::tr("Alert %1 (%2) acknowledged.").arg(alertId).arg(alert.message.subject);
    if (cancelled.ok() && cancelled.value() > 0)
        out << QLatin1Char(' ')
            << AlertsCommand::tr("%n escalation delivery(s) cancelled.", nullptr, cancelled.value());
    out << Qt::endl;
    return kExitSuccess;
}

struct AlertsAction {
    QString name;
    QString arguments;
    QString summary;
    QString description;
    QList<QCommandLineOption> options;
    int positional; // how many words follow the options

    QString syntax() const { return QStringLiteral("alerts %1 %2").arg(name, arguments).trimmed(); }
};

QList<AlertsAction> alertsActions()
{
    return {
        {QStringLiteral("list"),
         QStringLiteral("[--json] [--limit N]"),
         AlertsCommand::tr("Show the latest alerts with their deliveries and escalation steps."),
         AlertsCommand::tr("Shows the latest alerts, newest first: id, when raised, ticker, kind, price and "
                           "stop, whether and where it was acknowledged, each channel's delivery, and each "
                           "escalation step (its channels, when it was due, and whether it went out or was "
                           "not needed). Works while a guardian runs."),
         {QCommandLineOption(
              kAlertsJson, AlertsCommand::tr("Print a JSON array instead, one object per alert (id, ticker, "
                                             "kind, raisedAt, price, stop, acknowledgedAt, ackSource, "
                                             "deliveries, escalations); unknown values are null.")),
          QCommandLineOption(kAlertsLimit,
                             AlertsCommand::tr("Show at most N alerts (default %1).").arg(kDefaultAlertLimit),
                             QStringLiteral("N"))},
         0},
        {QStringLiteral("ack"),
         QStringLiteral("ID"),
         AlertsCommand::tr("Acknowledge an alert: its escalation stops."),
         AlertsCommand::tr("Acknowledges the alert ID (see \"trailguard alerts list\"), recorded as from the "
                           "command line, and cancels its escalation steps still to come; a running "
                           "guardian sends none of them. An alert acknowledged before stays as it was: "
                           "this says when and from where."),
         {},
         1},
    };
}

int alertsUsageError(const QString &message, const QString &action, QTextStream &err)
{
    err << message << kNewline
        << AlertsCommand::tr("Run \"trailguard alerts %1--help\" for help.")
               .arg(action.isEmpty() ? QString() : action + QLatin1Char(' '))
        << Qt::endl;
    return kExitUsage;
}

QString alertsActionHelp(const AlertsAction &action)
{
    return SubcommandHelp(QStringLiteral("trailguard [--data-dir DIR] ") + action.syntax(),
                          action.description)
        .options(action.options)
        .exitStatus({
            {QString::number(kExitSuccess), AlertsCommand::tr("Success.")},
            {QString::number(kExitFailure), AlertsCommand::tr("No such alert, or the database failed.")},
            {QString::number(kExitUsage), AlertsCommand::tr("The command line is wrong.")},
        })
        .text();
}

int runAlertsAction(const AlertsAction &action, const GlobalOptions &global, const QStringList &arguments,
                    QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(action.options);
    parser.addOptions(helpOptions());
    if (!parser.parse(QStringList{QStringLiteral("trailguard alerts ") + action.name} + arguments))
        return alertsUsageError(parser.errorText(), action.name, err);
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        out << alertsActionHelp(action) << Qt::flush;
        return kExitSuccess;
    }
    const QStringList words = parser.positionalArguments();
    if (words.size() != action.positional)
        return alertsUsageError(AlertsCommand::tr("Usage: trailguard %1").arg(action.syntax()), action.name,
                                err);
    qint64 alertId = 0;
    if (action.positional == 1) {
        bool isNumber = false;
        alertId = words.constFirst().toLongLong(&isNumber);
        if (!isNumber || alertId <= 0)
            return alertsUsageError(
                AlertsCommand::tr(
                    "\"%1\" is not an alert id: use the number \"trailguard alerts list\" shows.")
                    .arg(words.constFirst()),
                action.name, err);
    }
    if (action.positional == 0 && parser.isSet(kAlertsLimit)) {
        bool isNumber = false;
        const int limit = parser.value(kAlertsLimit).toInt(&isNumber);
        if (!isNumber || limit < 1 || limit > kMaxAlertLimit)
            return alertsUsageError(
                AlertsCommand::tr("--limit needs a number from 1 to %1.").arg(kMaxAlertLimit), action.name,
                err);
    }
    auto opened = openAlertsDatabase(global);
    if (!opened.ok()) {
        err << opened.error().message << Qt::endl;
        return kExitFailure;
    }
    if (action.positional == 1)
        return acknowledgeAlert(alertId, *opened.value(), out, err);
    return listAlerts(parser, *opened.value(), out, err);
}
} // namespace

QList<HelpRow> AlertsCommand::summaries()
{
    QList<HelpRow> rows;
    for (const AlertsAction &action : alertsActions())
        rows += HelpRow{action.syntax(), action.summary};
    return rows;
}

int AlertsCommand::run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                       QTextStream &err)
{
    const QString first = arguments.value(0);
    if (isHelpWord(first)) {
        out << SubcommandHelp::actionList(QStringLiteral("alerts"), summaries()) << Qt::flush;
        return kExitSuccess;
    }
    for (const AlertsAction &action : alertsActions()) {
        if (action.name == first)
            return runAlertsAction(action, options, arguments.mid(1), out, err);
    }
    return alertsUsageError(arguments.isEmpty()
                                ? tr("Missing the alerts action: list or ack.")
                                : tr("Unknown alerts action \"%1\": use list or ack.").arg(first),
                            {}, err);
}

} // namespace trailguard::Cli
