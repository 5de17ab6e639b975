#include "charts/RuleMarks.h"

#include "charts/IndicatorOverlayBuilder.h"
#include "domain/AlertRule.h"

#include <QMap>

namespace trailguard::ui {

QList<RuleMark> RuleMarks::build(const QString &ticker, const QList<DailyBar> &bars, const QStringList &rules)
{
    QMap<qsizetype, QStringList> messagesByBar; // in day order
    for (const QString &spec : rules) {
        const Result<AlertRule> rule = AlertRule::parse(spec);
        if (!rule)
            continue;
        for (const RuleFiring &firing : AlertRules::firings(rule.value(), bars))
            messagesByBar[firing.index].append(AlertRules::message(rule.value(), ticker, firing));
    }
    QList<RuleMark> marks;
    for (auto it = messagesByBar.cbegin(); it != messagesByBar.cend(); ++it) {
        const DailyBar &bar = bars.at(it.key());
        marks.append(RuleMark{QPointF(IndicatorOverlayBuilder::dayX(bar.date), bar.close),
                              it.value().join(QLatin1Char('\n'))});
    }
    return marks;
}

} // namespace trailguard::ui
