#include "charts/ChartRangeSelector.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QToolButton>

namespace trailguard::ui {

namespace {
// The strings keep the translation context of the panel they came from.
constexpr ChartRange kRanges[] = {ChartRange::Day,       ChartRange::FiveDays, ChartRange::Month,
                                  ChartRange::SixMonths, ChartRange::Year,     ChartRange::All};

QString buttonObjectName(ChartRange range)
{
    static const char *const kNames[] = {"range1DButton", "range5DButton", "range1MButton",
                                         "range6MButton", "range1YButton", "rangeAllButton"};
    return QLatin1String(kNames[static_cast<int>(range)]);
}

QString buttonToolTip(ChartRange range)
{
    switch (range) {
    case ChartRange::Day:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "The last trading day");
    case ChartRange::FiveDays:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "The last five trading days");
    case ChartRange::Month:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "The last month");
    case ChartRange::SixMonths:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "The last six months");
    case ChartRange::Year:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "The last year");
    case ChartRange::All:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "All the stored history");
    }
    return {};
}

double startOfLocalDay(double x)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(x)).toLocalTime();
    return static_cast<double>(local.date().startOfDay().toMSecsSinceEpoch());
}
} // namespace

ChartRangeSelector::ChartRangeSelector(ChartRange current, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chartRangeSelector"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_group = new QButtonGroup(this);
    m_group->setExclusive(true);
    for (ChartRange range : kRanges) {
        auto *button = new QToolButton(this);
        button->setObjectName(buttonObjectName(range));
        button->setText(name(range));
        button->setToolTip(buttonToolTip(range));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setChecked(range == current);
        m_group->addButton(button, static_cast<int>(range));
        row->addWidget(button);
    }
    connect(m_group, &QButtonGroup::idClicked, this,
            [this](int id) { Q_EMIT rangeChosen(static_cast<ChartRange>(id)); });
}

void ChartRangeSelector::setCurrent(ChartRange range)
{
    if (QAbstractButton *button = m_group->button(static_cast<int>(range)); !button->isChecked())
        button->setChecked(true);
}

void ChartRangeSelector::setButtonsEnabled(bool enabled)
{
    for (QAbstractButton *button : m_group->buttons())
        button->setEnabled(enabled);
}

QString ChartRangeSelector::name(ChartRange range)
{
    switch (range) {
    case ChartRange::Day:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "1D", "chart range: one day");
    case ChartRange::FiveDays:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "5D", "chart range: five days");
    case ChartRange::Month:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "1M", "chart range: one month");
    case ChartRange::SixMonths:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "6M",
                                           "chart range: six months");
    case ChartRange::Year:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "1Y", "chart range: one year");
    case ChartRange::All:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "All",
                                           "chart range: all history");
    }
    return {};
}

double ChartRangeSelector::start(ChartRange range, const ChartPlotData &data)
{
    const double last = data.lastX();
    const QDateTime lastTime = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(last));
    switch (range) {
    case ChartRange::Day:
        return startOfLocalDay(last);
    case ChartRange::FiveDays: {
        double start = startOfLocalDay(last);
        for (int day = 1; day < 5; ++day) {
            const qsizetype before = data.lastPriceBefore(start);
            if (before < 0)
                break;
            start = startOfLocalDay(data.prices.at(before).x());
        }
        return start;
    }
    case ChartRange::Month:
        return static_cast<double>(lastTime.addMonths(-1).toMSecsSinceEpoch());
    case ChartRange::SixMonths:
        return static_cast<double>(lastTime.addMonths(-6).toMSecsSinceEpoch());
    case ChartRange::Year:
        return static_cast<double>(lastTime.addYears(-1).toMSecsSinceEpoch());
    case ChartRange::All:
        break;
    }
    return data.firstX();
}

} // namespace trailguard::ui
