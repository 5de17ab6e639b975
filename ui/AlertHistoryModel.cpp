#include "AlertHistoryModel.h"

#include "Formatting.h"

#include "domain/AlertRule.h"

#include <QFont>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QtConcurrent>

#include <algorithm>

namespace trailguard::ui {

namespace {
// Channels in the order their columns appear; ids not listed follow, sorted.
const QStringList kKnownChannels = {QStringLiteral("tray"), QStringLiteral("email"),
                                    QStringLiteral("discord"), QStringLiteral("ntfy")};

// HH:mm in local time, with the date when it is not on `reference`'s (local) day.
QString clockTime(const QDateTime &time, const QDateTime &reference)
{
    const QDateTime local = time.toLocalTime();
    if (reference.isValid() && local.date() == reference.toLocalTime().date())
        return local.toString(QStringLiteral("HH:mm"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString fullTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::LongFormat);
}
} // namespace

AlertHistoryModel::AlertHistoryModel(Loader load, Acknowledger acknowledge, QObject *parent)
    : QAbstractTableModel(parent)
    , m_load(std::move(load))
    , m_acknowledge(std::move(acknowledge))
{}

AlertHistoryModel::~AlertHistoryModel() = default;

void AlertHistoryModel::reload()
{
    if (!m_load)
        return;
    LoadJob job = m_load();
    if (!job)
        return;
    delete m_loading; // stale: its result is dropped
    auto *watcher = new QFutureWatcher<Result<QList<AlertRecord>>>(this);
    m_loading = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const Result<QList<AlertRecord>> records = watcher->result();
        watcher->deleteLater();
        m_loading.clear();
        if (!records.ok()) {
            Q_EMIT reloadFailed(records.error());
            return;
        }
        setRecords(records.value());
        Q_EMIT reloaded();
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

void AlertHistoryModel::setRecords(const QList<AlertRecord> &records)
{
    QStringList channels;
    for (const AlertRecord &record : records) {
        for (const Delivery &delivery : record.deliveries) {
            if (!channels.contains(delivery.channel))
                channels.append(delivery.channel);
        }
    }
    std::sort(channels.begin(), channels.end(), [](const QString &a, const QString &b) {
        const auto rank = [](const QString &id) {
            const qsizetype known = kKnownChannels.indexOf(id);
            return known >= 0 ? known : kKnownChannels.size();
        };
        return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
    });

    beginResetModel();
    m_records = records;
    m_channels = channels;
    endResetModel();
}

Status AlertHistoryModel::acknowledge(const QList<int> &rows)
{
    if (!m_acknowledge)
        return success();
    QList<qint64> ids;
    for (int row : rows) {
        if (row >= 0 && row < m_records.size() && !m_records.at(row).acknowledgedAt.isValid())
            ids.append(m_records.at(row).id);
    }
    for (qint64 id : std::as_const(ids)) {
        if (Status acknowledged = m_acknowledge(id); !acknowledged.ok()) {
            reload(); // shows what did get acknowledged
            return acknowledged;
        }
    }
    if (!ids.isEmpty())
        reload();
    return success();
}

int AlertHistoryModel::rowOf(qint64 alertId) const
{
    const auto found = std::find_if(m_records.cbegin(), m_records.cend(),
                                    [alertId](const AlertRecord &record) { return record.id == alertId; });
    return found == m_records.cend() ? -1 : static_cast<int>(found - m_records.cbegin());
}

int AlertHistoryModel::channelColumn(const QString &channelId) const
{
    const qsizetype index = m_channels.indexOf(channelId);
    return index < 0 ? -1 : kFixedColumns + static_cast<int>(index);
}

QString AlertHistoryModel::statusText(const Delivery &delivery, const QDateTime &alertTime)
{
    switch (delivery.status) {
    case Delivery::Status::Delivered:
        return tr("delivered at %1").arg(clockTime(delivery.deliveredAt, alertTime));
    case Delivery::Status::Failed:
        return tr("failed: %1").arg(delivery.lastError);
    case Delivery::Status::Cancelled:
        return tr("not needed: %1").arg(delivery.lastError);
    case Delivery::Status::Pending:
        break;
    }
    if (delivery.attempts == 0) // a note without an attempt: e.g. waiting for the keychain
        return delivery.lastError.isEmpty() ? tr("pending") : tr("pending: %1").arg(delivery.lastError);
    return tr("retrying (attempt %1, next at %2): %3")
        .arg(delivery.attempts)
        .arg(clockTime(delivery.nextAttemptAt, alertTime), delivery.lastError);
}

QString AlertHistoryModel::statusDetails(const Delivery &delivery)
{
    switch (delivery.status) {
    case Delivery::Status::Delivered:
        return tr("Delivered at %1.").arg(fullTime(delivery.deliveredAt));
    case Delivery::Status::Failed:
        return tr("Failed for good after %n attempt(s), the last at %1: %2", nullptr, delivery.attempts)
            .arg(fullTime(delivery.lastAttemptAt), delivery.lastError);
    case Delivery::Status::Cancelled:
        return tr("Not sent: %1.").arg(delivery.lastError);
    case Delivery::Status::Pending:
        break;
    }
    if (delivery.attempts == 0 && !delivery.lastError.isEmpty())
        return tr("Not sent yet: %1.").arg(delivery.lastError);
    if (delivery.attempts == 0)
        return tr("Not sent yet; due at %1.").arg(fullTime(delivery.nextAttemptAt));
    return tr("%n attempt(s) failed, the last at %1: %2\nThe next attempt is at %3.", nullptr,
              delivery.attempts)
        .arg(fullTime(delivery.lastAttemptAt), delivery.lastError, fullTime(delivery.nextAttemptAt));
}

QString AlertHistoryModel::channelName(const QString &channelId)
{
    if (channelId == QLatin1String("tray"))
        return tr("Tray");
    if (channelId == QLatin1String("email"))
        return tr("Email");
    if (channelId == QLatin1String("discord"))
        return tr("Discord");
    if (channelId == QLatin1String("ntfy"))
        return tr("ntfy");
    return channelId;
}

QString AlertHistoryModel::kindText(const AlertMessage &message)
{
    switch (message.kind) {
    case AlertMessage::Kind::Breach:
        break;
    case AlertMessage::Kind::Health:
        return tr("Health");
    case AlertMessage::Kind::Digest:
        return tr("Daily digest");
    case AlertMessage::Kind::Test:
        return tr("Test");
    }
    if (message.rule.isEmpty())
        return tr("Stop breach");
    const Result<AlertRule> rule = AlertRule::parse(message.rule);
    return rule ? AlertRules::describe(rule.value()) : message.rule; // a rule of a newer version: its spec
}

QString AlertHistoryModel::kindId(const AlertMessage &message)
{
    switch (message.kind) {
    case AlertMessage::Kind::Breach:
        return message.rule.isEmpty() ? QStringLiteral("stop") : message.rule;
    case AlertMessage::Kind::Health:
        return QStringLiteral("health");
    case AlertMessage::Kind::Digest:
        return QStringLiteral("digest");
    case AlertMessage::Kind::Test:
        return QStringLiteral("test");
    }
    return {};
}

int AlertHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int AlertHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : acknowledgedColumn() + 1;
}

QList<const Delivery *> AlertHistoryModel::deliveries(const AlertRecord &record, int column) const
{
    QList<const Delivery *> found;
    const int channel = column - kFixedColumns;
    if (channel < 0 || channel >= m_channels.size())
        return found;
    for (const Delivery &delivery : record.deliveries) {
        if (delivery.channel == m_channels.at(channel))
            found.append(&delivery);
    }
    // The first delivery, then the escalation steps in order.
    std::stable_sort(found.begin(), found.end(), [](const Delivery *a, const Delivery *b) {
        return a->escalationStep < b->escalationStep;
    });
    return found;
}

QString AlertHistoryModel::cellText(const Delivery &delivery, const QDateTime &alertTime, bool details)
{
    if (delivery.escalationStep == 0)
        return details ? statusDetails(delivery) : statusText(delivery, alertTime);
    if (delivery.status == Delivery::Status::Pending && delivery.attempts == 0)
        return tr("step %1 due at %2")
            .arg(delivery.escalationStep)
            .arg(clockTime(delivery.nextAttemptAt, alertTime));
    return tr("step %1 %2")
        .arg(delivery.escalationStep)
        .arg(details ? statusDetails(delivery) : statusText(delivery, alertTime));
}

QVariant AlertHistoryModel::data(const QModelIndex &index, int itemRole) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertRecord &record = m_records.at(index.row());
    const bool acknowledged = record.acknowledgedAt.isValid();
    const int column = index.column();

    switch (itemRole) {
    case role(Role::AlertId):
        return record.id;
    case role(Role::Ticker):
        return record.message.ticker;
    case role(Role::Acknowledged):
        return acknowledged;
    case role(Role::Kind):
        return kindId(record.message);
    case Qt::ForegroundRole:
        if (acknowledged)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (acknowledged) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        break;
    }

    if (column == acknowledgedColumn()) {
        switch (itemRole) {
        case Qt::DisplayRole:
        case role(Role::Sort):
            return acknowledged ? tr("\u2713 yes") : tr("no");
        case Qt::ToolTipRole:
            return acknowledged ? tr("Acknowledged at %1.").arg(fullTime(record.acknowledgedAt))
                                : tr("Not acknowledged yet.");
        default:
            return {};
        }
    }
    if (column >= kFixedColumns) {
        const QList<const Delivery *> found = deliveries(record, column);
        if (itemRole != Qt::DisplayRole && itemRole != role(Role::Sort) && itemRole != Qt::ToolTipRole)
            return {};
        if (found.isEmpty())
            return itemRole == Qt::ToolTipRole ? tr("Not sent through this channel.")
                                               : Formatting::emptyValue();
        // Each escalation step through this channel follows the first delivery, one a line.
        QStringList lines;
        for (const Delivery *each : found)
            lines.append(cellText(*each, record.createdAt, itemRole == Qt::ToolTipRole));
        return lines.join(QLatin1Char('\n'));
    }
    switch (static_cast<Column>(column)) {
    case Column::Time:
        if (itemRole == Qt::DisplayRole)
            return QLocale().toString(record.createdAt.toLocalTime(), QLocale::ShortFormat);
        if (itemRole == Qt::ToolTipRole)
            return fullTime(record.createdAt);
        if (itemRole == role(Role::Sort))
            return record.createdAt;
        return {};
    case Column::Ticker:
        if (itemRole == Qt::DisplayRole || itemRole == role(Role::Sort))
            return record.message.ticker.isEmpty() ? Formatting::emptyValue() : record.message.ticker;
        return {};
    case Column::Kind:
        if (itemRole == Qt::DisplayRole || itemRole == role(Role::Sort))
            return kindText(record.message);
        if (itemRole == Qt::ToolTipRole && !record.message.rule.isEmpty())
            return tr("The alert rule %1").arg(record.message.rule);
        return {};
    case Column::Subject:
        if (itemRole == Qt::DisplayRole || itemRole == role(Role::Sort))
            return record.message.subject;
        if (itemRole == Qt::ToolTipRole)
            return record.message.text;
        return {};
    }
    return {};
}

QVariant AlertHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == acknowledgedColumn())
        return tr("Acknowledged");
    if (section >= kFixedColumns)
        return channelName(m_channels.at(section - kFixedColumns));
    switch (static_cast<Column>(section)) {
    case Column::Time:
        return tr("Time");
    case Column::Ticker:
        return tr("Ticker");
    case Column::Kind:
        return tr("Kind");
    case Column::Subject:
        return tr("Subject");
    }
    return {};
}

} // namespace trailguard::ui
