#include "ConnectionStatus.h"

namespace trailguard::ui {

void ConnectionStatus::set(ConnectionState state, const QString &message)
{
    if (m_state == state && m_message == message)
        return;
    m_state = state;
    m_message = message;
    Q_EMIT changed(state, message);
}

} // namespace trailguard::ui
