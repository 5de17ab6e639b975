#pragma once

#include "broker/BrokerTypes.h"

#include <QByteArrayView>
#include <QList>

#include <optional>

namespace trailguard::QuestradeParsing {

// Reads a v1/markets/quotes answer ({"quotes":[{…},…]}) straight from its bytes into BrokerQuotes, without
// building a QJsonDocument (that alone cost ~34 M instructions of a 1,000-ticker cycle). It gives exactly
// what parseObject() + parseQuotes() give, or nothing when the answer is anything but plain, well-formed
// ASCII JSON whose records all read cleanly: a duplicate field, a non-ASCII byte, a \u escape outside the
// BMP's plain range, a malformed record, a number out of a double's normal range. Then the caller
// takes the QJsonDocument path, so correctness never depends on this reader.
std::optional<QList<BrokerQuote>> scanQuotesAnswer(QByteArrayView body);

} // namespace trailguard::QuestradeParsing
