// What the real `trailguard --headless` costs while it waits: 1,000 tickers watched, every market closed,
// against the fake Questrade server of this process. Once the process has said the market is closed and
// settled, its CPU (utime + stime of /proc/PID/stat) and RSS (VmRSS) over a window (60 s; set
// BENCH_IDLE_SECONDS), plus its context switches (how often it woke) and the requests it sent.
// BENCH_IDLE_TICKERS changes the watchlist's size; BENCH_IDLE_OPEN=1 opens the market (a polling process);
// BENCH_IDLE_WINDOW=1 runs the window instead (under the session's Xvfb); BENCH_IDLE_SECRETS=keychain keeps
// the secrets in the keychain instead of the encrypted file. Its last line is the start-up's peak RSS.
// BENCH_IDLE_ACK=1 runs it a second time with issue 17's two long-lived connections added: Telegram's
// getUpdates long poll (the fake Bot API holds each poll up to 30 s, as Telegram does) and the ntfy ack
// topic's JSON stream (reply mode), both on fakes of this process.
#include "fakes/FakeNtfyServer.h"
#include "fakes/FakeTelegramBotApi.h"
#include "fakes/TestQuestradeServer.h"
#include "storage/Database.h"
#include "storage/GuardianStateRepository.h"
#include "storage/StockRepository.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace trailguard;

namespace {
constexpr qint64 kFirstSymbolId = 7000000;
const QByteArray kTelegramToken = QByteArrayLiteral("987654321:IdleBenchTokenForTheFakeBotApi_abc");

int environmentNumber(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

QString tickerFor(int i)
{
    return QStringLiteral("I%1.TO").arg(i, 5, 10, QLatin1Char('0'));
}

struct ProcessSample {
    double cpuSeconds = 0; // utime + stime
    qint64 rssKb = 0;
    qint64 peakRssKb = 0;
    qint64 contextSwitches = 0; // voluntary + involuntary, of the main thread
    qsizetype threads = 0;
};

qint64 statusField(const QByteArray &status, const QByteArray &field)
{
    for (const QByteArray &line : status.split('\n'))
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').first().toLongLong();
    return 0;
}

ProcessSample sample(qint64 pid)
{
    ProcessSample s;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        // After the command's closing parenthesis: field 3 is the state; utime and stime are 14 and 15.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        const double ticks = double(sysconf(_SC_CLK_TCK));
        s.cpuSeconds = (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks;
    }
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        const QByteArray text = status.readAll();
        s.rssKb = statusField(text, "VmRSS:");
        s.peakRssKb = statusField(text, "VmHWM:");
    }
    s.threads =
        QDir(QStringLiteral("/proc/%1/task").arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size();
    // The main thread's (the one that runs the timers): /proc/PID/task/PID/status.
    QFile mainThread(QStringLiteral("/proc/%1/task/%1/status").arg(pid));
    if (mainThread.open(QIODevice::ReadOnly)) {
        const QByteArray text = mainThread.readAll();
        s.contextSwitches =
            statusField(text, "voluntary_ctxt_switches:") + statusField(text, "nonvoluntary_ctxt_switches:");
    }
    return s;
}
} // namespace

class IdleBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void headlessWhileTheMarketIsClosed() { measure(false); }
    void withTelegramAndNtfyReplies();

private:
    void measure(bool ackConnections);
};

void IdleBenchmark::withTelegramAndNtfyReplies()
{
    if (qEnvironmentVariableIntValue("BENCH_IDLE_ACK") != 1)
        QSKIP("BENCH_IDLE_ACK=1 measures the guardian with Telegram and ntfy's ack stream too");
    measure(true);
}

void IdleBenchmark::measure(bool ackConnections)
{
    const int tickers = environmentNumber("BENCH_IDLE_TICKERS", 1000);
    const int windowSeconds = environmentNumber("BENCH_IDLE_SECONDS", 60);
    const bool open = qEnvironmentVariableIntValue("BENCH_IDLE_OPEN") == 1;
    const bool keychain = qEnvironmentVariable("BENCH_IDLE_SECRETS") == QLatin1String("keychain");
    const bool desktop = qEnvironmentVariableIntValue("BENCH_IDLE_WINDOW") == 1;

    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(dataDir));
    test::TestQuestradeServer server;
    QVERIFY(server.listen());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (open)
        server.openMarketNow();
    else
        server.setMarketHours(now.addSecs(-10 * 3600), now.addSecs(-3 * 3600)); // closed since 3 h ago
    {
        auto db = Database::open(QDir(dataDir).filePath(QStringLiteral("trailguard.sqlite")));
        QVERIFY(db.ok());
        StockRepository repository(db.value()->connection());
        Transaction transaction(db.value()->connection());
        for (int i = 0; i < tickers; ++i) {
            const qint64 id = kFirstSymbolId + i;
            server.addSymbol({tickerFor(i), id, QStringLiteral("CAD"), QStringLiteral("TSX"),
                              QStringLiteral("IDLE %1").arg(i)});
            server.setPrice(id, 100.0 + i % 50);
            StockState stock;
            stock.ticker = tickerFor(i);
            stock.ratio = 0.9;
            stock.entry = 100.0;
            stock.peak = 100.0;
            stock.stop = 90.0;
            stock.createdAt = now;
            QVERIFY(repository.insert(stock).ok());
        }
        // ntfy's ack stream opens once a breach offered its reply button; this guardian did before.
        if (ackConnections)
            QVERIFY(GuardianStateRepository(db.value()->connection())
                        .setValue(QStringLiteral("ntfy/ack-listening"), QStringLiteral("1"))
                        .ok());
        QVERIFY(transaction.commit().ok());
    }
    test::FakeTelegramBotApi telegram(kTelegramToken);
    telegram.setHoldLimitMs(30000); // Telegram holds a poll for its whole timeout (the guardian asks 25 s)
    test::FakeNtfyServer ntfy;
    QVERIFY(telegram.listen());
    QVERIFY(ntfy.listen());

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"refresh_token", "QUESTRADE_REFRESH_TOKEN", "STOP_LOSS", "NTFY_CHANNEL",
                             "NTFY_TOKEN", "WEB_HOOK_URL", "BOT_EMAIL", "USER_EMAIL", "EMAIL_PASSWORD",
                             "PROVIDER", "SMTP_HOST", "NTFY_ACK_MODE", "TELEGRAM_BOT_TOKEN",
                             "TELEGRAM_CHAT_ID", "TELEGRAM_API_URL", "TRAILGUARD_ESCALATION"})
        environment.remove(QString::fromLatin1(name));
    if (ackConnections) {
        environment.insert(QStringLiteral("NTFY_CHANNEL"),
                           ntfy.url(QStringLiteral("/idle-bench")).toString());
        environment.insert(QStringLiteral("NTFY_ACK_MODE"), QStringLiteral("reply"));
        environment.insert(QStringLiteral("TELEGRAM_BOT_TOKEN"), QString::fromLatin1(kTelegramToken));
        environment.insert(QStringLiteral("TELEGRAM_CHAT_ID"), QStringLiteral("5550001"));
        environment.insert(QStringLiteral("TELEGRAM_API_URL"), telegram.url().toString());
    }
    environment.insert(QStringLiteral("TRAILGUARD_LOGIN_URL"), server.loginUrl().toString());
    // The encrypted secrets file derives its key with Argon2id (256 MiB for a moderate file) at start-up;
    // BENCH_IDLE_SECRETS=keychain keeps the secrets in the session's keychain instead.
    if (!keychain)
        environment.insert(QStringLiteral("encryption_key"), QStringLiteral("correct horse battery staple"));
    environment.insert(QStringLiteral("refresh_token"), QString::fromLatin1(server.issueRefreshToken()));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("xdg-data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("xdg-config")));

    QProcess process;
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    QStringList arguments{QStringLiteral("--data-dir"), dataDir};
    if (!desktop)
        arguments.append(QStringLiteral("--headless"));
    process.setArguments(arguments);
    process.setProcessEnvironment(environment);
    QString err;
    connect(&process, &QProcess::readyReadStandardError, this,
            [&] { err += QString::fromUtf8(process.readAllStandardError()); });
    process.start();
    QVERIFY(process.waitForStarted(10000));
    const QString settled = open ? QStringLiteral("Cycle done") : QStringLiteral("Market closed");
    QTRY_VERIFY2_WITH_TIMEOUT(err.contains(settled), qPrintable(err.right(2000)), 120000);
    if (ackConnections) {
        QTRY_VERIFY2_WITH_TIMEOUT(!ntfy.subscribedTopics().isEmpty(), qPrintable(err.right(2000)), 60000);
        QTRY_VERIFY2_WITH_TIMEOUT(telegram.callCount(QStringLiteral("getUpdates")) > 0,
                                  qPrintable(err.right(2000)), 60000);
    }
    QTest::qWait(5000); // let the start-up's work (look-ups, sparkline-free history, the outbox) finish
    const qint64 pid = process.processId();
    const int pollsBefore = telegram.callCount(QStringLiteral("getUpdates"));

    const int startRequests = server.requestCount(QStringLiteral("/v1"));
    const int requestsBefore = startRequests;
    const qsizetype logBefore = err.size();
    const ProcessSample before = sample(pid);
    QElapsedTimer window;
    window.start();
    QTest::qWait(windowSeconds * 1000);
    const ProcessSample after = sample(pid);
    const double seconds = double(window.nsecsElapsed()) / 1e9;
    const int requests = server.requestCount(QStringLiteral("/v1")) - requestsBefore;
    QCOMPARE(process.state(), QProcess::Running);
    const int polls = telegram.callCount(QStringLiteral("getUpdates")) - pollsBefore;
    if (ackConnections) {
        QVERIFY2(!ntfy.subscribedTopics().isEmpty(), "the ntfy ack stream closed during the window");
        QVERIFY(polls > 0);
    }
    if (qEnvironmentVariableIsSet("BENCH_IDLE_LOG"))
        qInfo().noquote() << "The process's log during the window:\n" << err.mid(logBefore);
    process.terminate();
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 20000);

    const double cpuMs = (after.cpuSeconds - before.cpuSeconds) * 1000.0;
    const char *mode = desktop          ? "the window"
                       : ackConnections ? "--headless + Telegram + ntfy ack stream"
                                        : "--headless";
    if (ackConnections)
        qInfo(
            "FIGURE idle: %d Telegram long polls (getUpdates) and one ntfy ack stream open during the window",
            polls);
    qInfo("FIGURE idle: %s, %d tickers, market %s, over %.0f s: CPU %.0f ms = %.3f %%, RSS %.1f MB "
          "(peak %.1f MB at start-up, after %d requests), %d threads, main thread woke %.2f times/s, %d "
          "requests",
          mode, tickers, open ? "open" : "closed", seconds, cpuMs, cpuMs / 10.0 / seconds,
          after.rssKb / 1024.0, after.peakRssKb / 1024.0, startRequests, int(after.threads),
          double(after.contextSwitches - before.contextSwitches) / seconds, requests);
    // The peak counts the whole start (reading the watchlist, the first look-ups and quotes) and, with the
    // encrypted secrets file, Argon2id's work area while its key is derived.
    qInfo("FIGURE start-up peak: %s, %d tickers, secrets in %s: peak RSS %.1f MB, then %.1f MB running", mode,
          tickers, keychain ? "the keychain" : "the encrypted file (Argon2id)", after.peakRssKb / 1024.0,
          after.rssKb / 1024.0);
}

QTEST_GUILESS_MAIN(IdleBenchmark)
#include "bench_idle.moc"
