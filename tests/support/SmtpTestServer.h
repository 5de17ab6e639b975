#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>

#include <memory>

namespace trailguard::test {

// A real SMTP server on 127.0.0.1 for tests that run the real process: tests/alerts/email/smtp_test_server.py
// (aiosmtpd) run by /usr/bin/python3, plain SMTP without login. It records each message it receives as one
// JSON object (envelope, decoded subject, "text" and "html" bodies, "raw"). Killed on destruction.
class SmtpTestServer {
public:
    // Starts `script` on `port` and waits (with the event loop turning) until it accepts connections; null
    // when it could not start.
    static std::unique_ptr<SmtpTestServer> start(const QString &script, quint16 port);
    ~SmtpTestServer();
    SmtpTestServer(const SmtpTestServer &) = delete;
    SmtpTestServer &operator=(const SmtpTestServer &) = delete;

    quint16 port() const { return m_port; }
    // The messages received so far, oldest first.
    QList<QJsonObject> messages() const;

private:
    explicit SmtpTestServer(quint16 port);

    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

} // namespace trailguard::test
