#include "charts/PriceChartPanel.h"

#include "charts/ChartAxes.h"
#include "charts/ChartCrosshair.h"
#include "charts/ChartIndicators.h"
#include "charts/ChartLines.h"
#include "charts/IndicatorMenuButton.h"
#include "charts/IndicatorPane.h"
#include "charts/PriceChartView.h"
#include "history/Decimation.h"

#include <QAbstractButton>
#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace trailguard::ui {

namespace {
constexpr int kFallbackPlotWidth = 600;

QList<QPointF> pointsIn(const QList<QPointF> &points, double from, double to)
{
    QList<QPointF> in;
    std::copy_if(points.cbegin(), points.cend(), std::back_inserter(in),
                 [&](const QPointF &point) { return point.x() >= from && point.x() <= to; });
    return in;
}
} // namespace

PriceChartPanel::PriceChartPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("priceChartPanel"));
    createChart();

    m_placeholderLabel = new QLabel(this);
    m_placeholderLabel->setObjectName(QStringLiteral("chartPlaceholderLabel"));
    m_placeholderLabel->setAlignment(Qt::AlignCenter);
    m_placeholderLabel->setWordWrap(true);
    m_placeholderLabel->setForegroundRole(QPalette::PlaceholderText);

    // The price chart with the indicator pane below it (hidden while no indicator goes there).
    m_chartPage = new QWidget(this);
    auto *charts = new QVBoxLayout(m_chartPage);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->setSpacing(0);
    charts->addWidget(m_view, 3);
    charts->addWidget(m_indicators->pane(), 2);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholderLabel);
    m_stack->addWidget(m_chartPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(createHeader());
    layout->addWidget(m_stack, 1);

    applyColors();
    clear(tr("No price history yet"));
}

PriceChartPanel::~PriceChartPanel() = default;

QWidget *PriceChartPanel::createHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);

    m_titleLabel = new QLabel(header);
    m_titleLabel->setObjectName(QStringLiteral("chartTitleLabel"));
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    row->addWidget(m_titleLabel);
    row->addStretch(1);
    row->addWidget(m_indicators->button());

    m_rangeSelector = new ChartRangeSelector(m_range, header);
    connect(m_rangeSelector, &ChartRangeSelector::rangeChosen, this, &PriceChartPanel::setRange);
    row->addWidget(m_rangeSelector);

    m_resetZoomButton = new QToolButton(header);
    m_resetZoomButton->setObjectName(QStringLiteral("resetZoomButton"));
    m_resetZoomButton->setText(tr("Reset Zoom"));
    m_resetZoomButton->setToolTip(tr("Show the whole range again (Esc)"));
    m_resetZoomButton->setIcon(QIcon::fromTheme(QStringLiteral("zoom-original")));
    m_resetZoomButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_resetZoomButton->setAutoRaise(true);
    m_resetZoomButton->setEnabled(false);
    connect(m_resetZoomButton, &QToolButton::clicked, this, &PriceChartPanel::resetZoom);
    row->addWidget(m_resetZoomButton);
    return header;
}

void PriceChartPanel::createChart()
{
    m_chart = new QChart;
    m_chart->setObjectName(QStringLiteral("priceChart"));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);

    m_lines = ChartLines::create(m_chart);

    m_timeAxis = new QDateTimeAxis(m_chart);
    m_timeAxis->setObjectName(QStringLiteral("timeAxis"));
    m_priceAxis = new QValueAxis(m_chart);
    m_priceAxis->setObjectName(QStringLiteral("priceAxis"));
    m_priceAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_priceAxis, Qt::AlignRight);
    for (QXYSeries *series : m_lines.all()) {
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_priceAxis);
    }

    m_indicators = new ChartIndicators(m_chart, m_timeAxis, m_priceAxis, this);
    connect(m_indicators, &ChartIndicators::changed, this, [this] {
        if (!m_data.isEmpty())
            scheduleRefresh();
    });

    m_view = new PriceChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("priceChartView"));
    m_view->setFrameShape(QFrame::NoFrame);
    m_crosshair = std::make_unique<ChartCrosshair>(m_chart);

    connect(m_view, &PriceChartView::zoomRequested, this, &PriceChartPanel::zoom);
    connect(m_view, &PriceChartView::panRequested, this, &PriceChartPanel::pan);
    connect(m_view, &PriceChartView::rangeSelected, this, [this](double from, double to) {
        if (m_data.isEmpty())
            return;
        m_viewport.select(from, to);
        viewportChanged();
    });
    connect(m_view, &PriceChartView::resetRequested, this, &PriceChartPanel::resetZoom);
    connect(m_view, &PriceChartView::hovered, this, &PriceChartPanel::hoverAt);
    connect(m_view, &PriceChartView::hoverLeft, this, [this] { m_crosshair->hide(); });
    // A resize (or wider axis labels) changes the pixel width the points were decimated for.
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &plot) {
        m_indicators->pane()->alignPlot(plot.left(), m_chart->size().width() - plot.right());
        if (!m_data.isEmpty() && static_cast<int>(plot.width()) != m_buckets)
            scheduleRefresh();
    });
}

QString PriceChartPanel::rangeName(Range range)
{
    return ChartRangeSelector::name(range);
}

void PriceChartPanel::setSeries(const ChartSeries &series)
{
    // New prices for the same ticker keep the user's zoom; anything else starts on the whole range.
    const bool keepZoom = isShowingChart() && isZoomed() && series.ticker == m_series.ticker;
    const double keptFrom = m_viewport.from();
    const double keptTo = m_viewport.to();
    m_series = series;
    m_data = ChartPlotData::from(series);
    m_viewport.setData(m_data.firstX(), m_data.lastX());
    m_crosshair->hide();
    if (m_data.isEmpty()) {
        clear(series.ticker.isEmpty() ? tr("No price history yet")
                                      : tr("No price history yet for %1").arg(series.ticker));
        return;
    }
    m_titleLabel->setText(series.currency.isEmpty()
                              ? series.ticker
                              : tr("%1 (%2)", "ticker (currency)").arg(series.ticker, series.currency));
    m_lines.alerts->setVisible(!m_data.alerts.isEmpty());
    m_lines.strategyStop->setVisible(!m_data.strategyStops.isEmpty());
    m_indicators->setSeries(series);
    m_stack->setCurrentWidget(m_chartPage);
    m_rangeSelector->setButtonsEnabled(true);
    resetZoom();
    if (keepZoom) {
        m_viewport.show(keptFrom, keptTo);
        viewportChanged();
    }
}

void PriceChartPanel::clear(const QString &message)
{
    m_series = ChartSeries{};
    m_data = ChartPlotData{};
    m_crosshair->hide();
    for (QXYSeries *series : m_lines.all())
        series->clear();
    m_indicators->clear();
    m_titleLabel->clear();
    m_placeholderLabel->setText(message);
    m_stack->setCurrentWidget(m_placeholderLabel);
    m_rangeSelector->setButtonsEnabled(false);
    m_resetZoomButton->setEnabled(false);
}

bool PriceChartPanel::isShowingChart() const
{
    return m_stack->currentWidget() == m_chartPage;
}

QString PriceChartPanel::placeholderText() const
{
    return isShowingChart() ? QString() : m_placeholderLabel->text();
}

void PriceChartPanel::setRange(Range range)
{
    m_range = range;
    m_rangeSelector->setCurrent(range);
    resetZoom();
}

void PriceChartPanel::resetZoom()
{
    if (m_data.isEmpty())
        return;
    m_viewport.goHome(ChartRangeSelector::start(m_range, m_data));
    viewportChanged();
}

bool PriceChartPanel::isZoomed() const
{
    return !m_data.isEmpty() && m_viewport.isZoomed();
}

void PriceChartPanel::zoom(double anchor, double factor)
{
    if (m_data.isEmpty() || !(factor > 0))
        return;
    m_viewport.zoom(anchor, factor);
    viewportChanged();
}

void PriceChartPanel::pan(double fraction)
{
    if (m_data.isEmpty())
        return;
    m_viewport.pan(fraction);
    viewportChanged();
}

void PriceChartPanel::viewportChanged()
{
    m_resetZoomButton->setEnabled(isZoomed());
    m_crosshair->hide();
    refresh();
    Q_EMIT visibleRangeChanged(visibleFrom(), visibleTo());
}

QDateTime PriceChartPanel::visibleFrom() const
{
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(m_viewport.from())), Qt::UTC);
}

QDateTime PriceChartPanel::visibleTo() const
{
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(m_viewport.to())), Qt::UTC);
}

int PriceChartPanel::plotWidth() const
{
    const int width = static_cast<int>(m_chart->plotArea().width());
    return width > 0 ? width : kFallbackPlotWidth;
}

void PriceChartPanel::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_refreshPending)
            refresh();
    });
}

// Hands Qt Charts only the visible points, decimated to the plot's pixel width, and fits the price axis.
void PriceChartPanel::refresh()
{
    m_refreshPending = false;
    if (m_data.isEmpty())
        return;
    m_buckets = plotWidth();
    const double from = m_viewport.from();
    const double to = m_viewport.to();
    const QList<QPointF> prices = Decimation::minMaxInRange(m_data.prices, from, to, m_buckets);
    const QList<QPointF> peaks = Decimation::minMaxInRange(m_data.peaks, from, to, m_buckets);
    const QList<QPointF> stops = Decimation::minMaxInRange(m_data.stops, from, to, m_buckets);
    const QList<QPointF> before = Decimation::minMaxInRange(m_data.strategyStops, from, to, m_buckets);
    const QList<QPointF> alerts = pointsIn(m_data.alerts, from, to);
    m_lines.price->replace(prices);
    m_lines.peak->replace(peaks);
    m_lines.stop->replace(stops);
    m_lines.strategyStop->replace(before);
    m_lines.alerts->replace(alerts);
    const QList<QList<QPointF>> overlays = m_indicators->priceOverlays().refresh(from, to, m_buckets);

    QList<const QList<QPointF> *> visible{&prices, &peaks, &stops, &before, &alerts};
    for (const QList<QPointF> &overlay : overlays)
        visible.append(&overlay);
    const ChartAxes::Bounds bounds = ChartAxes::priceBounds(
        visible, {&m_data.prices, &m_data.peaks, &m_data.stops, &m_data.strategyStops}, from, to);
    m_timeAxis->setRange(visibleFrom(), visibleTo());
    ChartAxes::fitPriceAxis(*m_priceAxis, bounds, static_cast<int>(m_chart->plotArea().height()));
    updateTimeAxisFormat();
    m_indicators->pane()->showRange(from, to, m_buckets, m_timeAxis->tickCount());
    // The plot may have moved (a resize, wider labels): the crosshair follows its point.
    if (m_crosshair->isVisible() && m_crossIndex < m_data.prices.size())
        placeCrosshair(m_crossIndex);
}

void PriceChartPanel::updateTimeAxisFormat()
{
    ChartAxes::fitTimeAxis(*m_timeAxis, m_viewport.span(), plotWidth());
}

void PriceChartPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColors();
    QWidget::changeEvent(event);
}

void PriceChartPanel::applyColors()
{
    m_colors = ChartColors::fromPalette(palette());
    const ChartColors &c = m_colors;
    const QChart::ChartTheme theme = c.dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (m_chart->theme() != theme)
        m_chart->setTheme(theme); // resets fonts and colours; everything below goes on top
    m_chart->setBackgroundBrush(c.background);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->legend()->setLabelColor(c.text);
    m_view->setBackgroundBrush(c.background);
    for (QAbstractAxis *axis : std::initializer_list<QAbstractAxis *>{m_timeAxis, m_priceAxis}) {
        axis->setLabelsColor(c.text);
        axis->setLinePenColor(c.grid);
        axis->setGridLineColor(c.grid);
        axis->setLabelsFont(font());
    }

    m_lines.applyColors(c);
    m_indicators->priceOverlays().applyColors(c);
    m_indicators->pane()->applyColors(c);

    m_crosshair->applyColors(c, font());
    // A theme also resets the axes' label formats and ticks.
    m_priceAxis->setLabelFormat(QStringLiteral("%.2f"));
    if (!m_data.isEmpty())
        refresh();
}

} // namespace trailguard::ui
