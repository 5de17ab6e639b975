#pragma once

#include "broker/BrokerTypes.h"

#include <QObject>
#include <QString>

#include <optional>

namespace trailguard::ui {

// The Questrade connection as the window knows it: its last state and sentence (from
// QuestradeAuth::stateChanged). The views that show it (the status bar, the banner, the welcome's account
// step, the connect dialog) follow changed() rather than being told one by one, so a view opened later
// starts from the current state and none is forgotten.
class ConnectionStatus : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Empty until the core first reports.
    std::optional<ConnectionState> state() const { return m_state; }
    QString message() const { return m_message; }

    void set(ConnectionState state, const QString &message);

    // Calls `apply(state, message)` now when the state is known, then on every change while `receiver`
    // lives.
    template <typename Apply>
    void follow(const QObject *receiver, Apply apply) const
    {
        if (m_state)
            apply(*m_state, m_message);
        connect(this, &ConnectionStatus::changed, receiver, std::move(apply));
    }

Q_SIGNALS:
    void changed(trailguard::ConnectionState state, const QString &message);

private:
    std::optional<ConnectionState> m_state;
    QString m_message;
};

} // namespace trailguard::ui
