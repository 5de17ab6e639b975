#pragma once

#include "charts/ChartColors.h"
#include "charts/ChartLines.h"
#include "charts/ChartPlotData.h"
#include "charts/ChartRangeSelector.h"
#include "charts/ChartViewport.h"
#include "history/ChartSeries.h"

#include <QDateTime>
#include <QWidget>

#include <memory>

class QChart;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QStackedWidget;
class QToolButton;
class QValueAxis;

namespace trailguard::ui {

class ChartCrosshair;
class ChartIndicators;
class PriceChartView;

// The price chart of one ticker: its price, the peak and the stop the guardian held (step lines) over time,
// the stop its strategy would have held before it was watched (dotted), and a marker where each alert fired,
// the chosen indicators (ChartIndicators: SMA, EMA, Bollinger on the price; RSI, MACD in a pane below) and
// a mark on each day one of its alert rules fired, with a crosshair that shows the values under the pointer.
// Range buttons (1D, 5D, 1M, 6M, 1Y, All) pick the time range, ending at the last price; the wheel,
// Shift+drag and the keys zoom within it, dragging pans. The colours follow the palette (light or dark).
//
// Large histories stay fast: only the visible part is handed to Qt Charts, decimated to about one bucket
// per pixel column (Decimation::minMaxInRange, which keeps every bucket's extremes), again after each zoom,
// pan or resize. The price axis has round ticks (NiceScale).
class PriceChartPanel : public QWidget {
    Q_OBJECT
public:
    using Range = ChartRange;

    explicit PriceChartPanel(QWidget *parent = nullptr);
    ~PriceChartPanel() override;

    // Shows `series`; an empty one shows the placeholder instead of a chart. Keeps the chosen range.
    void setSeries(const ChartSeries &series);
    const ChartSeries &series() const { return m_series; }
    // Shows no chart but `message` (e.g. "Select a ticker to see its chart").
    void clear(const QString &message);
    bool isShowingChart() const;
    QString placeholderText() const;

    Range range() const { return m_range; }
    void setRange(Range range);
    // Back to the whole of the chosen range.
    void resetZoom();
    bool isZoomed() const;
    // Zooms by `factor` (< 1: in) around the point at `anchor` (0 = left edge, 1 = right edge of the plot).
    void zoom(double anchor, double factor);
    // Moves the visible range by `fraction` of its width (positive: later).
    void pan(double fraction);
    QDateTime visibleFrom() const;
    QDateTime visibleTo() const;

    // The crosshair's text ("time, price, peak, stop" and an alert's text), empty while it is hidden.
    QString crosshairText() const;
    // Puts the crosshair on the price nearest to `time`, as hovering there does.
    void showCrosshairAt(const QDateTime &time);

    // For tests and the benchmark.
    QChart *chart() const { return m_chart; }
    PriceChartView *chartView() const { return m_view; }
    QLineSeries *priceSeries() const { return m_lines.price; }
    QLineSeries *peakSeries() const { return m_lines.peak; }
    QLineSeries *stopSeries() const { return m_lines.stop; }
    QLineSeries *strategyStopSeries() const { return m_lines.strategyStop; }
    QScatterSeries *alertSeries() const { return m_lines.alerts; }
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    QValueAxis *priceAxis() const { return m_priceAxis; }
    const ChartColors &colors() const { return m_colors; }
    // The indicator overlays, their pane and button, and the rule marks.
    ChartIndicators *indicators() const { return m_indicators; }
    // How many buckets (pixel columns) the last decimation used.
    int decimationBuckets() const { return m_buckets; }

    static QString rangeName(Range range);

Q_SIGNALS:
    void visibleRangeChanged(const QDateTime &from, const QDateTime &to);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createHeader();
    void createChart();
    void applyColors();
    // After the viewport moved: the reset button, the crosshair, the plot, the signal.
    void viewportChanged();
    void refresh();
    void scheduleRefresh();
    int plotWidth() const;
    void updateTimeAxisFormat();
    void hoverAt(const QPointF &chartPos);
    void placeCrosshair(qsizetype priceIndex);
    QPointF toChartPosition(const QPointF &value) const;

    ChartSeries m_series;
    ChartPlotData m_data;
    Range m_range = Range::Month;
    ChartViewport m_viewport;
    int m_buckets = 0;
    bool m_refreshPending = false;
    qsizetype m_crossIndex = 0; // the price the crosshair is on
    ChartColors m_colors;

    QLabel *m_titleLabel = nullptr;
    ChartRangeSelector *m_rangeSelector = nullptr;
    QToolButton *m_resetZoomButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholderLabel = nullptr;
    QChart *m_chart = nullptr;
    PriceChartView *m_view = nullptr;
    QWidget *m_chartPage = nullptr; // the view and the indicator pane
    ChartIndicators *m_indicators = nullptr;
    ChartLines m_lines;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_priceAxis = nullptr;
    std::unique_ptr<ChartCrosshair> m_crosshair;
};

} // namespace trailguard::ui
