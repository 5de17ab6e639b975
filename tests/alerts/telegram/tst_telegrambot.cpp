#include "WebhookTesting.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AckCodes.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/telegram/TelegramBot.h"
#include "alerts/telegram/TelegramCommands.h"
#include "fakes/FakeTelegramBotApi.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/GuardianStateRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using namespace trailguard::test;
using namespace std::chrono_literals;

namespace {
const QByteArray kToken = QByteArrayLiteral("987654321:TestTokenForTheFakeBotApi_abc-XYZ");
constexpr qint64 kChat = 5550001;
constexpr qint64 kStranger = 6660002;

TelegramBot::Options fastOptions()
{
    TelegramBot::Options options;
    options.pollTimeout = 1s; // the fake holds an empty poll at most its hold limit (200 ms)
    options.requestSlack = 5s;
    options.firstBackoff = 20ms;
    options.maxBackoff = 60ms;
    options.replyTimeout = 5s;
    return options;
}
// AAA, AAB, …: valid tickers in the watchlist's own (alphabetical) order.
QStringList letterTickers(int count)
{
    QStringList tickers;
    for (int i = 0; i < count; ++i) {
        const QChar letters[] = {QChar(u'A' + i / 676), QChar(u'A' + i / 26 % 26), QChar(u'A' + i % 26)};
        tickers.append(QString(letters, 3));
    }
    return tickers;
}
} // namespace

class TestTelegramBot : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    SystemClock m_clock;
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<AlertAcknowledger> m_acknowledger;
    std::unique_ptr<StockRepository> m_stocks;
    std::unique_ptr<WatchlistService> m_watchlist;
    std::unique_ptr<GuardianStateRepository> m_state;
    std::unique_ptr<TelegramCommands> m_commands;
    std::shared_ptr<const AckCodes> m_codes;
    std::unique_ptr<FakeTelegramBotApi> m_api;
    QNetworkAccessManager m_network;

    TelegramConfig config() const
    {
        TelegramConfig config;
        config.botToken = kToken;
        config.chatId = QString::number(kChat);
        config.apiUrl = m_api->url();
        return config;
    }
    std::unique_ptr<TelegramBot> startBot(TelegramBot::Options options = fastOptions())
    {
        auto bot = std::make_unique<TelegramBot>(&m_network, config(), *m_state, *m_commands, options);
        bot->start();
        return bot;
    }
    qint64 breach()
    {
        AlertMessage message = breachMessage();
        const auto id = m_alerts->enqueue(message, {QStringLiteral("telegram")}, m_clock.now());
        return id.ok() ? id.value() : -1;
    }
    QStringList replies(const QString &method = QStringLiteral("sendMessage")) const
    {
        QStringList texts;
        for (const auto &call : m_api->calls(method))
            texts.append(call.params.value(QLatin1String("text")).toString());
        return texts;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(
            QStringLiteral("tg-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db = std::move(db).value();
        m_alerts = std::make_unique<AlertRepository>(m_db->connection());
        m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, m_clock);
        m_acknowledger = std::make_unique<AlertAcknowledger>(*m_alerts, *m_dispatcher, m_clock);
        m_codes = std::make_shared<const AckCodes>(AckCodes::newKey());
        m_acknowledger->setAckCodes(m_codes);
        m_stocks = std::make_unique<StockRepository>(m_db->connection());
        m_watchlist = std::make_unique<WatchlistService>(*m_stocks, m_clock);
        m_state = std::make_unique<GuardianStateRepository>(m_db->connection());
        m_commands = std::make_unique<TelegramCommands>(
            *m_acknowledger, *m_watchlist, [] { return QStringLiteral("Guardian: connected <ok>."); });
        m_api = std::make_unique<FakeTelegramBotApi>(kToken);
        QVERIFY(m_api->listen());
    }
    void cleanup()
    {
        m_api.reset();
        m_commands.reset();
        m_state.reset();
        m_watchlist.reset();
        m_stocks.reset();
        m_acknowledger.reset();
        m_dispatcher.reset();
        m_alerts.reset();
        m_db.reset();
    }

    void answersCommandsFromTheConfiguredChat()
    {
        QVERIFY(m_watchlist->add(QStringLiteral("SHOP.TO"), 0.9, 100.0).ok());
        m_api->pushMessage(kChat, QStringLiteral("/help"));
        m_api->pushMessage(kChat, QStringLiteral("/list@") + FakeTelegramBotApi::botUsername());
        m_api->pushMessage(kChat, QStringLiteral("/status"));
        m_api->pushMessage(kChat, QStringLiteral("just chatting")); // not a command: no reply
        auto bot = startBot();
        QTRY_COMPARE(m_api->callCount(QStringLiteral("sendMessage")), 3);
        QTRY_COMPARE(bot->offset(), 104);
        const QStringList texts = replies();
        QVERIFY2(texts.at(0).contains(QStringLiteral("/ack ID")), qPrintable(texts.at(0)));
        QVERIFY2(texts.at(1).contains(QStringLiteral("<b>SHOP.TO</b>")), qPrintable(texts.at(1)));
        QVERIFY2(texts.at(1).contains(QStringLiteral("stop 90")), qPrintable(texts.at(1)));
        QCOMPARE(texts.at(2), QStringLiteral("Guardian: connected &lt;ok&gt;."));
        for (const auto &call : m_api->calls(QStringLiteral("sendMessage")))
            QCOMPARE(call.params.value(QLatin1String("chat_id")).toInteger(), kChat);
        // getUpdates asks only for what the bot handles, with a bounded timeout.
        const QJsonObject poll = m_api->calls(QStringLiteral("getUpdates")).first().params;
        QCOMPARE(poll.value(QLatin1String("timeout")).toInt(), 1);
    }

    void ignoresOtherChatsWithoutLoggingTheirText()
    {
        LogRecorder log;
        const qint64 id = breach();
        m_api->pushMessage(kStranger, QStringLiteral("/ack %1 private-words").arg(id));
        m_api->pushButton(kStranger, 7, QStringLiteral("ack:") + m_codes->codeFor(id));
        auto bot = startBot();
        QSignalSpy handled(bot.get(), &TelegramBot::updateHandled);
        QTRY_COMPARE(handled.size(), 2);
        QCOMPARE(m_api->callCount(QStringLiteral("sendMessage")), 0);
        QCOMPARE(m_api->callCount(QStringLiteral("answerCallbackQuery")), 0);
        const auto alert = m_alerts->find(id);
        QVERIFY(alert.ok() && alert.value());
        QVERIFY(!alert.value()->acknowledgedAt.isValid());
        bool logged = false;
        for (const QString &line : log.messages()) {
            QVERIFY2(!line.contains(QStringLiteral("private-words")), qPrintable(line));
            QVERIFY2(!line.contains(QString::fromLatin1(kToken)), qPrintable(line));
            logged = logged || line.contains(QString::number(kStranger));
        }
        QVERIFY(logged);
    }

    void offsetSurvivesARestart()
    {
        m_api->pushMessage(kChat, QStringLiteral("/help"));
        const qint64 last = m_api->pushMessage(kChat, QStringLiteral("/help"));
        {
            auto bot = startBot();
            // Stopped at once after the last update: the server has not seen the offset that confirms it.
            connect(bot.get(), &TelegramBot::updateHandled, bot.get(), [&bot, last](qint64 id) {
                if (id == last)
                    bot->stop();
            });
            QTRY_VERIFY(!bot->isRunning());
            QCOMPARE(m_api->pendingUpdates(), 2);
        }
        // Stopping abandoned the replies still in flight; whatever got out is not sent again.
        const int repliesBefore = m_api->callCount(QStringLiteral("sendMessage"));
        const auto saved = m_state->value(TelegramBot::offsetKey(config()));
        QVERIFY(saved.ok() && saved.value());
        QCOMPARE(saved.value()->toLongLong(), last + 1);

        // A new process: it reads the offset, so the two updates are confirmed, not handled again.
        auto bot = startBot();
        QTRY_VERIFY(m_api->callCount(QStringLiteral("getUpdates")) >= 2);
        QCOMPARE(m_api->calls(QStringLiteral("getUpdates"))
                     .last()
                     .params.value(QLatin1String("offset"))
                     .toInteger(),
                 last + 1);
        QTRY_COMPARE(m_api->pendingUpdates(), 0);
        m_api->pushMessage(kChat, QStringLiteral("/status"));
        QTRY_COMPARE(m_api->callCount(QStringLiteral("sendMessage")), repliesBefore + 1);
        QVERIFY(replies().last().contains(QStringLiteral("Guardian: connected")));
        QCOMPARE(bot->offset(), last + 2);
    }

    void buttonAcknowledgesOnceThenRefuses()
    {
        const qint64 id = breach();
        const QString data = QStringLiteral("ack:") + m_codes->codeFor(id);
        QSignalSpy acknowledged(m_acknowledger.get(), &AlertAcknowledger::acknowledged);
        m_api->pushButton(kChat, 41, data);
        auto bot = startBot();
        QTRY_COMPARE(m_api->callCount(QStringLiteral("answerCallbackQuery")), 1);
        QCOMPARE(acknowledged.size(), 1);
        QCOMPARE(acknowledged.first().at(1).toString(), QStringLiteral("telegram"));
        QVERIFY2(replies(QStringLiteral("answerCallbackQuery"))
                     .first()
                     .startsWith(QStringLiteral("Acknowledged alert")),
                 qPrintable(replies(QStringLiteral("answerCallbackQuery")).first()));
        QTRY_COMPARE(m_api->callCount(QStringLiteral("editMessageReplyMarkup")), 1);
        const QJsonObject edit = m_api->calls(QStringLiteral("editMessageReplyMarkup")).first().params;
        QCOMPARE(edit.value(QLatin1String("message_id")).toInteger(), 41);
        QVERIFY(edit.value(QLatin1String("reply_markup"))
                    .toObject()
                    .value(QLatin1String("inline_keyboard"))
                    .toArray()
                    .isEmpty());
        const auto first = m_alerts->find(id);
        QVERIFY(first.ok() && first.value());
        QCOMPARE(first.value()->ackSource, QStringLiteral("telegram"));

        // The same code again (another copy of the message): refused, saying when; nothing changes.
        m_api->pushButton(kChat, 42, data);
        QTRY_COMPARE(m_api->callCount(QStringLiteral("answerCallbackQuery")), 2);
        QVERIFY2(replies(QStringLiteral("answerCallbackQuery"))
                     .at(1)
                     .startsWith(QStringLiteral("Already acknowledged at")),
                 qPrintable(replies(QStringLiteral("answerCallbackQuery")).at(1)));
        QCOMPARE(acknowledged.size(), 1);
        const auto second = m_alerts->find(id);
        QCOMPARE(second.value()->acknowledgedAt, first.value()->acknowledgedAt);

        // A forged code: refused, the keyboard left alone.
        const qint64 other = breach();
        m_api->pushButton(kChat, 43, QStringLiteral("ack:%1-AAAAAAAAAAAAAAAAAAAAAA").arg(other));
        QTRY_COMPARE(m_api->callCount(QStringLiteral("answerCallbackQuery")), 3);
        QCOMPARE(replies(QStringLiteral("answerCallbackQuery")).at(2),
                 QStringLiteral("This acknowledgement code is not valid."));
        QCOMPARE(m_api->callCount(QStringLiteral("editMessageReplyMarkup")), 2);
        QVERIFY(!m_alerts->find(other).value()->acknowledgedAt.isValid());
    }

    void ackCommand()
    {
        const qint64 id = breach();
        m_api->pushMessage(kChat, QStringLiteral("/ack %1").arg(id));
        m_api->pushMessage(kChat, QStringLiteral("/ack %1").arg(id));
        m_api->pushMessage(kChat, QStringLiteral("/ack 999"));
        m_api->pushMessage(kChat, QStringLiteral("/ack"));
        auto bot = startBot();
        QTRY_COMPARE(m_api->callCount(QStringLiteral("sendMessage")), 4);
        const QStringList texts = replies();
        QCOMPARE(texts.at(0), QStringLiteral("Acknowledged alert %1 (SHOP.TO).").arg(id));
        QVERIFY2(texts.at(1).contains(QStringLiteral("already acknowledged at")), qPrintable(texts.at(1)));
        QVERIFY2(texts.at(1).endsWith(QStringLiteral("from telegram.")), qPrintable(texts.at(1)));
        QVERIFY2(texts.at(2).contains(QStringLiteral("999")), qPrintable(texts.at(2)));
        QVERIFY2(texts.at(3).contains(QStringLiteral("/ack 42")), qPrintable(texts.at(3)));
        QCOMPARE(m_alerts->find(id).value()->ackSource, QStringLiteral("telegram"));
    }

    void backsOffOnServerErrorsAndLogsAConflictOnce()
    {
        LogRecorder log;
        m_api->failNext(QStringLiteral("getUpdates"), 502, QStringLiteral("Bad Gateway"), std::nullopt, 3);
        m_api->failNext(
            QStringLiteral("getUpdates"), 409,
            QStringLiteral("Conflict: terminated by other getUpdates request; make sure that only one "
                           "bot instance is running"),
            std::nullopt, 2);
        auto bot = startBot();
        QSignalSpy failed(bot.get(), &TelegramBot::pollFailed);
        QTRY_COMPARE(failed.size(), 5);
        QCOMPARE(failed.at(0).at(1).value<std::chrono::milliseconds>(), 20ms);
        QCOMPARE(failed.at(1).at(1).value<std::chrono::milliseconds>(), 40ms);
        QCOMPARE(failed.at(2).at(1).value<std::chrono::milliseconds>(), 60ms); // capped
        QCOMPARE(failed.at(4).at(1).value<std::chrono::milliseconds>(), 60ms);
        // Then it works again, and the backoff is reset.
        m_api->pushMessage(kChat, QStringLiteral("/help"));
        QTRY_COMPARE(m_api->callCount(QStringLiteral("sendMessage")), 1);
        QCOMPARE(bot->currentBackoff(), 0ms);
        int conflicts = 0;
        for (const QString &line : log.messages())
            conflicts += line.contains(QStringLiteral("Another program")) ? 1 : 0;
        QCOMPARE(conflicts, 1);
    }

    void longListGoesInOrderedPartsUnderTheLimit()
    {
        const QStringList tickers = letterTickers(200);
        for (const QString &ticker : tickers)
            QVERIFY(m_watchlist->add(ticker, 0.9, 100.0).ok());
        m_api->pushMessage(kChat, QStringLiteral("/list"));
        m_api->pushMessage(kChat, QStringLiteral("/help"));
        // The first part meets a flood limit once: it is sent again after retry_after, still first.
        m_api->failNext(QStringLiteral("sendMessage"), 429,
                        QStringLiteral("Too Many Requests: retry after 1"), 1);
        auto bot = startBot();
        // Replies go one at a time: once /help's has come, every part of the list came before it.
        QTRY_VERIFY_WITH_TIMEOUT(!replies().isEmpty() && replies().last().contains(QStringLiteral("/ack ID")),
                                 10000);
        QStringList texts = replies();
        texts.removeFirst(); // the refused first try
        texts.removeLast();  // /help's
        QVERIFY2(texts.size() >= 2, qPrintable(QString::number(texts.size())));
        QStringList shown;
        for (const QString &text : std::as_const(texts)) {
            QVERIFY2(text.size() <= TelegramChannel::kMaxTextLength,
                     qPrintable(QString::number(text.size())));
            for (const QString &line : text.split(u'\n'))
                shown.append(line.section(QStringLiteral("</b>"), 0, 0).remove(QStringLiteral("<b>")));
        }
        QCOMPARE(shown, tickers);
    }

    void veryLongListSaysWhatItLeavesOut()
    {
        const QStringList tickers = letterTickers(600);
        for (const QString &ticker : tickers)
            QVERIFY(m_watchlist->add(ticker, 0.9, 100.0).ok());
        m_api->pushMessage(kChat, QStringLiteral("/list"));
        auto bot = startBot();
        QTRY_COMPARE(m_api->callCount(QStringLiteral("sendMessage")), TelegramCommands::kMaxReplyParts);
        const QStringList texts = replies();
        int listed = 0;
        for (const QString &text : texts) {
            QVERIFY(text.size() <= TelegramChannel::kMaxTextLength);
            listed += int(text.count(QStringLiteral("</b>")));
        }
        const QString last = texts.last().section(u'\n', -1);
        QVERIFY2(last.startsWith(QStringLiteral("… and %1 more not shown").arg(600 - listed)),
                 qPrintable(last));
        QVERIFY(listed > 300);
        QCOMPARE(m_api->calls(QStringLiteral("sendMessage")).size(), TelegramCommands::kMaxReplyParts);
    }

    void replyPartsKeepWholeLines()
    {
        QCOMPARE(TelegramCommands::replyParts(QStringLiteral("short")), QStringList{QStringLiteral("short")});
        const QStringList lines{QString(40, u'a'), QString(40, u'b'), QString(40, u'c'), QString(40, u'd')};
        const QStringList parts = TelegramCommands::replyParts(lines.join(u'\n'), 90, 5);
        QCOMPARE(parts, (QStringList{lines.mid(0, 2).join(u'\n'), lines.mid(2, 2).join(u'\n')}));
        // Capped at one part: its lines give way to the count of what is left out.
        const QStringList capped = TelegramCommands::replyParts(lines.join(u'\n'), 150, 1);
        QCOMPARE(capped.size(), 1);
        QVERIFY(capped.first().size() <= 150);
        QVERIFY2(capped.first().startsWith(lines.first() + u'\n' + QStringLiteral("… and 3 more not shown")),
                 qPrintable(capped.first()));
    }

    void retryAfterIsHonoured()
    {
        m_api->failNext(QStringLiteral("getUpdates"), 429, QStringLiteral("Too Many Requests: retry after 3"),
                        3);
        auto bot = startBot();
        QSignalSpy failed(bot.get(), &TelegramBot::pollFailed);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).value<std::chrono::milliseconds>(), 3000ms);
    }
};

QTEST_GUILESS_MAIN(TestTelegramBot)
#include "tst_telegrambot.moc"
