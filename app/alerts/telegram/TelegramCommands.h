#pragma once

#include "alerts/telegram/TelegramChannel.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace trailguard {

class AlertAcknowledger;
class WatchlistService;

// What the bot answers in its chat: /status, /list, /ack ID and /help, and the "Acknowledge" buttons
// (callback_data "ack:<code>"). Every acknowledgement goes through the AlertAcknowledger with the source
// "telegram". Replies are HTML for the Bot API's HTML parse mode, every value escaped.
class TelegramCommands {
public:
    // The guardian's health and quote mode in a line or two of plain text; filled by the runner (the
    // monitor is a layer above).
    using StatusText = std::function<QString()>;

    struct ButtonAnswer {
        QString text;                // for answerCallbackQuery (at most 200 characters)
        bool removeKeyboard = false; // the alert is acknowledged now: its button has done its job
    };

    TelegramCommands(AlertAcknowledger &acknowledger, WatchlistService &watchlist, StatusText status);

    // The reply to a message's text; empty for a text that is not a command (left unanswered).
    QString reply(const QString &text);
    ButtonAnswer pressButton(const QString &callbackData);

    static QString help();

    // The Bot API refuses a message over 4,096 characters (after HTML parsing; the raw text is never
    // shorter). A long reply (/list of a big watchlist) goes in parts of whole lines, at most `maxParts`;
    // the last one then ends with how many lines it leaves out.
    static constexpr int kMaxReplyParts = 5;
    static QStringList replyParts(const QString &reply, qsizetype limit = TelegramChannel::kMaxTextLength,
                                  int maxParts = kMaxReplyParts);

private:
    QString status() const;
    QString list() const;
    QString acknowledge(const QString &argument);

    AlertAcknowledger &m_acknowledger;
    WatchlistService &m_watchlist;
    StatusText m_status;
};

} // namespace trailguard
