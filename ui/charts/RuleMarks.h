#pragma once

#include "domain/DailyBar.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace trailguard::ui {

// A day on which one or more of a ticker's alert rules fired, marked on the price chart at that day's
// close (x as IndicatorOverlayBuilder::dayX); `text` holds each rule's AlertRules::message, one a line.
struct RuleMark {
    QPointF point;
    QString text;

    bool operator==(const RuleMark &) const = default;
};

namespace RuleMarks {

// Where the rules (canonical specs; one that no longer parses is skipped) fired over `bars`
// (AlertRules::firings), in day order, one mark a day.
QList<RuleMark> build(const QString &ticker, const QList<DailyBar> &bars, const QStringList &rules);

} // namespace RuleMarks

} // namespace trailguard::ui
