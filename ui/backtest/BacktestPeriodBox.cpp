#include "backtest/BacktestPeriodBox.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>

namespace trailguard::ui {

BacktestPeriodBox::BacktestPeriodBox(QWidget *parent)
    : QGroupBox(tr("Period and Entry"), parent)
    , m_fromDateEdit(new QDateEdit(this))
    , m_toDateEdit(new QDateEdit(this))
    , m_entrySpinBox(new QDoubleSpinBox(this))
    , m_repeatComboBox(new QComboBox(this))
{
    setObjectName(QStringLiteral("periodBox"));
    m_fromDateEdit->setObjectName(QStringLiteral("fromDateEdit"));
    m_fromDateEdit->setAccessibleName(tr("From date"));
    m_toDateEdit->setObjectName(QStringLiteral("toDateEdit"));
    m_toDateEdit->setAccessibleName(tr("To date"));
    m_fromDateEdit->setToolTip(tr("The first day replayed"));
    m_toDateEdit->setToolTip(tr("The last day replayed"));
    for (QDateEdit *edit : {m_fromDateEdit, m_toDateEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    // The period never turns inside out.
    connect(m_fromDateEdit, &QDateEdit::dateChanged, this, [this](const QDate &from) {
        if (m_toDateEdit->date() < from)
            m_toDateEdit->setDate(from);
    });
    connect(m_toDateEdit, &QDateEdit::dateChanged, this, [this](const QDate &to) {
        if (m_fromDateEdit->date() > to)
            m_fromDateEdit->setDate(to);
    });

    m_entrySpinBox->setObjectName(QStringLiteral("entrySpinBox"));
    m_entrySpinBox->setAccessibleName(tr("Entry price"));
    m_entrySpinBox->setToolTip(tr("The price bought at: it seeds the peak and is the basis of the returns "
                                  "and of the fixed-pct and activation stops"));
    m_entrySpinBox->setRange(0, 1'000'000);
    m_entrySpinBox->setDecimals(4);
    m_entrySpinBox->setSpecialValueText(tr("None (first close)"));
    m_entrySpinBox->setValue(0);

    m_repeatComboBox->setObjectName(QStringLiteral("repeatComboBox"));
    m_repeatComboBox->setAccessibleName(tr("Repeat alerts"));
    m_repeatComboBox->setToolTip(
        tr("Whether an alert repeats every market day the price stays below the stop"));
    m_repeatComboBox->addItem(tr("Every market day below the stop"),
                              static_cast<int>(RepeatPolicy::DailyWhileBelow));
    m_repeatComboBox->addItem(tr("Once per breach"), static_cast<int>(RepeatPolicy::OncePerBreach));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&From:"), m_fromDateEdit);
    form->addRow(tr("&To:"), m_toDateEdit);
    form->addRow(tr("&Entry price:"), m_entrySpinBox);
    form->addRow(tr("Re&peat alerts:"), m_repeatComboBox);
}

void BacktestPeriodBox::resetTo(const QDate &first, const QDate &last)
{
    const QSignalBlocker fromBlocker(m_fromDateEdit);
    const QSignalBlocker toBlocker(m_toDateEdit);
    m_fromDateEdit->setDateRange(first, last);
    m_toDateEdit->setDateRange(first, last);
    m_fromDateEdit->setDate(first);
    m_toDateEdit->setDate(last);
}

void BacktestPeriodBox::setPeriod(const QDate &from, const QDate &to)
{
    m_fromDateEdit->setDate(from);
    m_toDateEdit->setDate(to);
}

QDate BacktestPeriodBox::from() const
{
    return m_fromDateEdit->date();
}

QDate BacktestPeriodBox::to() const
{
    return m_toDateEdit->date();
}

void BacktestPeriodBox::setEntryPrice(std::optional<double> entry)
{
    m_entrySpinBox->setValue(entry && *entry > 0 ? *entry : 0);
}

std::optional<double> BacktestPeriodBox::entryPrice() const
{
    return m_entrySpinBox->value() > 0 ? std::optional<double>(m_entrySpinBox->value()) : std::nullopt;
}

RepeatPolicy BacktestPeriodBox::repeat() const
{
    return static_cast<RepeatPolicy>(m_repeatComboBox->currentData().toInt());
}

} // namespace trailguard::ui
