#pragma once

#include "charts/IndicatorOverlayBuilder.h"
#include "charts/PriceOverlays.h"
#include "history/ChartSeries.h"

#include <QObject>
#include <QStringList>

class QAbstractAxis;
class QChart;
class QWidget;

namespace trailguard {
class Settings;
}

namespace trailguard::ui {

class IndicatorMenuButton;
class IndicatorPane;

// The chart's indicators and rule marks, for the ticker it shows: the "Indicators" button chooses them, the
// price chart (PriceOverlays) and the pane below it (IndicatorPane) draw them, computed on the ticker's
// daily bars (IndicatorOverlayBuilder, RuleMarks). The choice is remembered per ticker in the settings
// when there are settings (the window's), else for the panel's life.
class ChartIndicators : public QObject {
    Q_OBJECT
public:
    // The series go into `chart` on its axes; the button and the pane are children of `parentWidget`.
    ChartIndicators(QChart *chart, QAbstractAxis *timeAxis, QAbstractAxis *priceAxis, QWidget *parentWidget);
    ~ChartIndicators() override;

    void setSettings(Settings *settings);
    // New bars or rules; another ticker also brings its remembered indicators.
    void setSeries(const ChartSeries &series);
    void clear();

    // The chosen indicators (canonical specs) of the ticker shown; what the button sets. Invalid ones
    // (an edited settings file) are dropped.
    QStringList specs() const { return m_specs; }
    void setSpecs(const QStringList &specs);

    IndicatorMenuButton *button() const { return m_button; }
    IndicatorPane *pane() const { return m_pane; }
    PriceOverlays &priceOverlays() { return m_price; }
    const QList<OverlayLine> &lines() const { return m_lines; }

Q_SIGNALS:
    // The lines or marks changed: the panel hands the visible part to the charts again.
    void changed();

private:
    void rebuild();

    Settings *m_settings = nullptr;
    QString m_ticker;
    QList<DailyBar> m_bars;
    QStringList m_rules;
    QStringList m_specs;
    QList<OverlayLine> m_lines;
    PriceOverlays m_price;
    IndicatorMenuButton *m_button;
    IndicatorPane *m_pane;
};

} // namespace trailguard::ui
