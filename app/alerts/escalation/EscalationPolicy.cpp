#include "alerts/escalation/EscalationPolicy.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace trailguard {

namespace {
class EscalationPolicyText {
    Q_DECLARE_TR_FUNCTIONS(EscalationPolicy)
};

const QString kUrgentSuffix = QStringLiteral("-urgent");

Error policyError(const QString &message)
{
    return Error{ErrorCode::InvalidSetting,
                 EscalationPolicyText::tr("Escalation policy: %1 Write \"off\" or steps such as \"%2\".")
                     .arg(message, EscalationPolicy::example())};
}

Result<std::chrono::seconds> parseDelay(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,6})([smh])$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return policyError(
            EscalationPolicyText::tr("\"%1\" is not a delay: write a whole number followed by s, m or h "
                                     "(\"90s\", \"10m\", \"2h\").")
                .arg(text));
    }
    const qint64 amount = match.captured(1).toLongLong();
    if (amount <= 0)
        return policyError(EscalationPolicyText::tr("the delay \"%1\" must be above zero.").arg(text));
    const QChar unit = match.captured(2).at(0);
    const qint64 perUnit = unit == QLatin1Char('h') ? 3600 : unit == QLatin1Char('m') ? 60 : 1;
    return std::chrono::seconds(amount * perUnit);
}

Result<EscalationPolicy::Target> parseTarget(const QString &name)
{
    if (name == QLatin1String("tray")) {
        return policyError(
            EscalationPolicyText::tr("\"tray\" cannot be an escalation channel (the tray shows "
                                     "every alert already); use %1.")
                .arg(EscalationPolicy::channelNames().join(QStringLiteral(", "))));
    }
    if (!EscalationPolicy::channelNames().contains(name)) {
        return policyError(EscalationPolicyText::tr("\"%1\" is not a channel; use %2.")
                               .arg(name, EscalationPolicy::channelNames().join(QStringLiteral(", "))));
    }
    if (name.endsWith(kUrgentSuffix))
        return EscalationPolicy::Target{name.chopped(kUrgentSuffix.size()), true};
    return EscalationPolicy::Target{name, false};
}

QString delayText(std::chrono::seconds delay)
{
    const qint64 seconds = delay.count();
    if (seconds % 3600 == 0)
        return QString::number(seconds / 3600) + QLatin1Char('h');
    if (seconds % 60 == 0)
        return QString::number(seconds / 60) + QLatin1Char('m');
    return QString::number(seconds) + QLatin1Char('s');
}
} // namespace

QStringList EscalationPolicy::channelNames()
{
    return {QStringLiteral("email"), QStringLiteral("discord"), QStringLiteral("ntfy"),
            QStringLiteral("ntfy-urgent"), QStringLiteral("telegram")};
}

Result<EscalationPolicy> EscalationPolicy::parse(const QString &text)
{
    EscalationPolicy policy;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
        return policy;
    bool sawRepeat = false;
    for (const QString &rawPart : trimmed.split(QLatin1Char(';'))) {
        const QString part = rawPart.trimmed();
        if (part.isEmpty())
            return policyError(EscalationPolicyText::tr("there is an empty part between two \";\"."));
        if (part == QLatin1String("market-hours")) {
            policy.m_marketHoursOnly = true;
            continue;
        }
        if (part.startsWith(QLatin1String("repeat="))) {
            bool isNumber = false;
            const int repeat = part.mid(7).toInt(&isNumber);
            if (!isNumber || repeat < 0 || repeat > kMaxRepeat || sawRepeat) {
                return policyError(EscalationPolicyText::tr("\"%1\": write repeat=N once, N from 0 to %2.")
                                       .arg(part)
                                       .arg(kMaxRepeat));
            }
            sawRepeat = true;
            policy.m_repeat = repeat;
            continue;
        }
        const qsizetype colon = part.indexOf(QLatin1Char(':'));
        if (colon < 0) {
            return policyError(
                EscalationPolicyText::tr("\"%1\" is not a step: write DELAY:CHANNELS such as \"30m:email\", "
                                         "or repeat=N, or market-hours.")
                    .arg(part));
        }
        const Result<std::chrono::seconds> delay = parseDelay(part.left(colon).trimmed());
        if (!delay.ok())
            return delay.error();
        if (!policy.m_steps.isEmpty() && delay.value() <= policy.m_steps.constLast().delay) {
            return policyError(EscalationPolicyText::tr("the step \"%1\" must come later than the one before "
                                                        "it: list the steps from the shortest delay.")
                                   .arg(part));
        }
        Step step{delay.value(), {}};
        for (const QString &rawName : part.mid(colon + 1).split(QLatin1Char(','))) {
            const Result<Target> target = parseTarget(rawName.trimmed().toLower());
            if (!target.ok())
                return target.error();
            for (const Target &existing : std::as_const(step.targets)) {
                if (existing.channel == target.value().channel) {
                    return policyError(EscalationPolicyText::tr("the step \"%1\" names %2 twice.")
                                           .arg(part, target.value().channel));
                }
            }
            step.targets.append(target.value());
        }
        policy.m_steps.append(step);
    }
    if (policy.m_steps.isEmpty())
        return policyError(EscalationPolicyText::tr("there is no step."));
    if (policy.m_steps.size() + policy.m_repeat > kMaxSteps)
        return policyError(EscalationPolicyText::tr("at most %1 steps, repeats included.").arg(kMaxSteps));
    return policy;
}

QList<EscalationPolicy::Step> EscalationPolicy::schedule() const
{
    QList<Step> steps = m_steps;
    if (m_steps.isEmpty())
        return steps;
    const Step &last = m_steps.constLast();
    const std::chrono::seconds spacing =
        m_steps.size() >= 2 ? last.delay - m_steps.at(m_steps.size() - 2).delay : last.delay;
    for (int i = 1; i <= m_repeat; ++i)
        steps.append(Step{last.delay + spacing * i, last.targets});
    return steps;
}

QString EscalationPolicy::text() const
{
    if (isOff())
        return QStringLiteral("off");
    QStringList parts;
    for (const Step &step : m_steps) {
        QStringList names;
        for (const Target &target : step.targets)
            names.append(target.urgent ? target.channel + kUrgentSuffix : target.channel);
        parts.append(delayText(step.delay) + QLatin1Char(':') + names.join(QLatin1Char(',')));
    }
    if (m_repeat > 0)
        parts.append(QStringLiteral("repeat=%1").arg(m_repeat));
    if (m_marketHoursOnly)
        parts.append(QStringLiteral("market-hours"));
    return parts.join(QLatin1Char(';'));
}

} // namespace trailguard
