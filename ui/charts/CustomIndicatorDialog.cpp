#include "charts/CustomIndicatorDialog.h"

#include "domain/Indicator.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace trailguard::ui {

CustomIndicatorDialog::CustomIndicatorDialog(QWidget *parent)
    : QDialog(parent)
    , m_specLineEdit(new QLineEdit(this))
    , m_messageLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("customIndicatorDialog"));
    setWindowTitle(tr("Custom Indicator"));
    auto *hint =
        new QLabel(tr("Indicator, for example sma:30, ema:12, bb:20,2.5, rsi:7 or macd:8,21,5:"), this);
    hint->setWordWrap(true);
    m_specLineEdit->setObjectName(QStringLiteral("indicatorSpecLineEdit"));
    m_specLineEdit->setPlaceholderText(QStringLiteral("sma:30"));
    hint->setBuddy(m_specLineEdit);
    m_messageLabel->setObjectName(QStringLiteral("indicatorMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setForegroundRole(QPalette::PlaceholderText);
    m_buttons->setObjectName(QStringLiteral("customIndicatorButtonBox"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_specLineEdit);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_buttons);

    connect(m_specLineEdit, &QLineEdit::textChanged, this, &CustomIndicatorDialog::validate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        const Result<IndicatorSpec> spec = IndicatorSpec::parse(m_specLineEdit->text());
        if (!spec)
            return;
        Q_EMIT specAccepted(spec.value().spec());
        accept();
    });
    validate();
}

void CustomIndicatorDialog::validate()
{
    const QString text = m_specLineEdit->text().trimmed();
    const Result<IndicatorSpec> spec = IndicatorSpec::parse(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(static_cast<bool>(spec));
    m_messageLabel->setText(text.isEmpty() || spec ? QString() : spec.error().message);
}

QString CustomIndicatorDialog::message() const
{
    return m_messageLabel->text();
}

} // namespace trailguard::ui
