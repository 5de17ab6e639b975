#pragma once

#include "common/Result.h"
#include "storage/AlertRepository.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace trailguard::ui {

// The alert history as a table: one row per alert, newest first, with the time (local), the ticker, what
// kind of alert it is (a stop breach, the alert rule that fired in words, health, digest, test), the
// subject, one column per alert channel that appears in the history (tray, email, Discord, ntfy, then
// any other id) saying how that delivery stands, and whether the alert was acknowledged.
//
// It does no SQL: the records come from an injected loader (AlertRepository::recent in the app), read on
// a worker thread, and acknowledging goes through an injected function. Acknowledged rows are dimmed and
// italic, and their Acknowledged column says so in words, so the mark does not rest on colour alone.
class AlertHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Reads the history; runs on a worker thread, so on a database connection of its own.
    using LoadJob = std::function<Result<QList<AlertRecord>>()>;
    // Called on the GUI thread for each reload (so it can read GUI-thread state); returns the job.
    using Loader = std::function<LoadJob()>;
    using Acknowledger = std::function<Status(qint64 alertId)>;

    enum class Role {
        AlertId = Qt::UserRole, // qint64
        Ticker,                 // QString, empty for alerts not about a ticker
        Acknowledged,           // bool
        Sort,                   // a value that sorts the column (times as dates, text as text)
        Kind,                   // QString: "stop", the rule's spec, "health", "digest" or "test" (as replay)
    };
    static constexpr int role(Role value) { return static_cast<int>(value); }

    // The fixed columns; channel columns follow Subject, then comes acknowledgedColumn().
    enum class Column { Time, Ticker, Kind, Subject };
    static constexpr int column(Column value) { return static_cast<int>(value); }
    static constexpr int kFixedColumns = 4;

    AlertHistoryModel(Loader load, Acknowledger acknowledge, QObject *parent = nullptr);
    ~AlertHistoryModel() override;

    // Starts reading the history again on a worker; reloaded() (after a model reset) or reloadFailed()
    // (the rows stay as they were) follows. A reload started meanwhile makes this one's result stale.
    void reload();
    bool isLoading() const { return !m_loading.isNull(); }
    // Shows these records (a model reset); a reload calls it with what the loader returned.
    void setRecords(const QList<AlertRecord> &records);

    // Marks the alerts of these rows acknowledged, then reloads. Rows already acknowledged are skipped
    // (they keep their time); on error the rows before the failing one stay acknowledged.
    Status acknowledge(const QList<int> &rows);

    const AlertRecord &record(int row) const { return m_records.at(row); }
    // The row of the alert with this id, or -1.
    int rowOf(qint64 alertId) const;

    // The channel ids shown, in column order, and their columns.
    QStringList channels() const { return m_channels; }
    int channelColumn(const QString &channelId) const;
    int acknowledgedColumn() const { return kFixedColumns + static_cast<int>(m_channels.size()); }

    // How one delivery stands, in words: "delivered at 10:42", "retrying (attempt 2, next at 10:45):
    // <last error>", "failed: <reason>", "pending". Times are local, as HH:mm, with the date before them
    // when the day differs from `alertTime`'s (local) day. "attempt n" counts the attempts made so far.
    static QString statusText(const Delivery &delivery, const QDateTime &alertTime);
    // The same with every time in full, for a tooltip.
    static QString statusDetails(const Delivery &delivery);
    // "Email", "Discord", "ntfy", "Tray"; other ids as they are.
    static QString channelName(const QString &channelId);
    // What raised the alert, in words: "Stop breach", the rule ("Closes below its 50-day average"), "Health",
    // "Daily digest", "Test".
    static QString kindText(const AlertMessage &message);
    // The same as replay's "kind": "stop", the rule's spec; "health", "digest", "test" for the others.
    static QString kindId(const AlertMessage &message);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void reloaded();
    void reloadFailed(const trailguard::Error &error);

private:
    // The channel's deliveries of `record`: the first one, then its escalation steps.
    QList<const Delivery *> deliveries(const AlertRecord &record, int column) const;
    // One delivery's line in a channel cell (its tooltip's with `details`): an escalation step says which.
    static QString cellText(const Delivery &delivery, const QDateTime &alertTime, bool details);

    Loader m_load;
    Acknowledger m_acknowledge;
    QList<AlertRecord> m_records;
    QStringList m_channels;
    QPointer<QObject> m_loading; // the running reload's watcher
};

} // namespace trailguard::ui
