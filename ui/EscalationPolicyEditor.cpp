#include "EscalationPolicyEditor.h"

#include "alerts/escalation/EscalationPolicy.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace trailguard::ui {

namespace {
const QString kMarketHoursPart = QStringLiteral("market-hours");
} // namespace

EscalationPolicyEditor::EscalationPolicyEditor(QWidget *parent)
    : QWidget(parent)
    , m_stepsLineEdit(new QLineEdit(this))
    , m_marketHoursCheckBox(new QCheckBox(tr("Escalate only while the stock's &market is open"), this))
    , m_errorLabel(new QLabel(this))
{
    m_stepsLineEdit->setObjectName(QStringLiteral("escalationLineEdit"));
    m_stepsLineEdit->setPlaceholderText(tr("off — e.g. %1").arg(EscalationPolicy::example()));
    m_stepsLineEdit->setAccessibleName(tr("Escalation steps"));
    m_stepsLineEdit->setToolTip(
        tr("While a breach is not acknowledged, repeat it after each delay through more channels: "
           "DELAY:CHANNELS steps separated by \";\", delays in s, m or h from when the alert was raised, "
           "channels %1; add \"repeat=N\" to repeat the last step. \"off\": never escalate. Example: %2")
            .arg(EscalationPolicy::channelNames().join(QStringLiteral(", ")), EscalationPolicy::example()));
    m_marketHoursCheckBox->setObjectName(QStringLiteral("escalationMarketHoursCheckBox"));
    m_marketHoursCheckBox->setToolTip(
        tr("A step due while the market is closed waits for the next open; unchecked, steps also go out "
           "after the close"));
    m_errorLabel->setObjectName(QStringLiteral("escalationErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stepsLineEdit);
    layout->addWidget(m_marketHoursCheckBox);
    layout->addWidget(m_errorLabel);

    connect(m_stepsLineEdit, &QLineEdit::textChanged, this, [this] {
        revalidate();
        Q_EMIT edited();
    });
    connect(m_marketHoursCheckBox, &QCheckBox::toggled, this, [this] {
        revalidate();
        Q_EMIT edited();
    });
}

void EscalationPolicyEditor::setPolicyText(const QString &text)
{
    const Result<EscalationPolicy> policy = EscalationPolicy::parse(text);
    QString steps = text.trimmed();
    bool marketHours = false;
    if (policy.ok()) {
        marketHours = policy.value().marketHoursOnly();
        QStringList parts = policy.value().text().split(QLatin1Char(';'));
        parts.removeAll(kMarketHoursPart);
        steps = policy.value().isOff() ? QString() : parts.join(QLatin1Char(';'));
    }
    const QSignalBlocker blockText(m_stepsLineEdit);
    const QSignalBlocker blockCheck(m_marketHoursCheckBox);
    m_stepsLineEdit->setText(steps);
    m_marketHoursCheckBox->setChecked(marketHours);
    revalidate();
}

QString EscalationPolicyEditor::combinedText() const
{
    const QString steps = m_stepsLineEdit->text().trimmed();
    if (steps.isEmpty() || steps.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("off");
    return m_marketHoursCheckBox->isChecked() ? steps + QLatin1Char(';') + kMarketHoursPart : steps;
}

QString EscalationPolicyEditor::policyText() const
{
    const Result<EscalationPolicy> policy = EscalationPolicy::parse(combinedText());
    return policy.ok() ? policy.value().text() : combinedText();
}

Status EscalationPolicyEditor::validate() const
{
    const Result<EscalationPolicy> policy = EscalationPolicy::parse(combinedText());
    return policy.ok() ? success() : Status(policy.error());
}

void EscalationPolicyEditor::revalidate()
{
    const Status valid = validate();
    m_errorLabel->setText(valid.ok() ? QString() : valid.error().message);
    m_errorLabel->setVisible(!valid.ok());
    m_marketHoursCheckBox->setEnabled(combinedText() != QLatin1String("off"));
}

} // namespace trailguard::ui
