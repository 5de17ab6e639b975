#pragma once

#include "charts/ChartPlotData.h"

#include <QWidget>

class QButtonGroup;

namespace trailguard::ui {

// The time ranges a chart offers; each ends at the last price.
enum class ChartRange { Day, FiveDays, Month, SixMonths, Year, All };

// The chart's range buttons (1D, 5D, 1M, 6M, 1Y, All): exclusive, one checked.
class ChartRangeSelector : public QWidget {
    Q_OBJECT
public:
    explicit ChartRangeSelector(ChartRange current, QWidget *parent = nullptr);

    void setCurrent(ChartRange range);
    void setButtonsEnabled(bool enabled);

    static QString name(ChartRange range);
    // Where `range` starts in `data` (not empty): ranges end at the last price, not now, so the history of
    // a ticker that stopped trading stays visible; five days count days with prices only.
    static double start(ChartRange range, const ChartPlotData &data);

Q_SIGNALS:
    void rangeChosen(trailguard::ui::ChartRange range);

private:
    QButtonGroup *m_group = nullptr;
};

} // namespace trailguard::ui
