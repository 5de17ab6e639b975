#include "SmtpTestServer.h"

#include <QJsonDocument>
#include <QTest>

namespace trailguard::test {

namespace {
constexpr int kStartMs = 20000;
constexpr int kKillMs = 5000;
} // namespace

SmtpTestServer::SmtpTestServer(quint16 port)
    : m_port(port)
{
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                     [this] { m_output += m_process.readAllStandardOutput(); });
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

SmtpTestServer::~SmtpTestServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(kKillMs);
    }
}

std::unique_ptr<SmtpTestServer> SmtpTestServer::start(const QString &script, quint16 port)
{
    if (script.isEmpty() || port == 0)
        return nullptr;
    std::unique_ptr<SmtpTestServer> server(new SmtpTestServer(port));
    QProcess &process = server->m_process;
    process.start(QStringLiteral("/usr/bin/python3"),
                  {QStringLiteral("-u"), script, QStringLiteral("--port"), QString::number(port)});
    const auto readyOrEnded = [&server, &process] {
        return server->m_output.contains("READY") || process.state() == QProcess::NotRunning;
    };
    if (!QTest::qWaitFor(readyOrEnded, kStartMs) || !server->m_output.contains("READY"))
        return nullptr;
    return server;
}

QList<QJsonObject> SmtpTestServer::messages() const
{
    QList<QJsonObject> records;
    for (const QByteArray &line : m_output.split('\n')) {
        if (line.startsWith('{'))
            records.append(QJsonDocument::fromJson(line).object());
    }
    return records;
}

} // namespace trailguard::test
