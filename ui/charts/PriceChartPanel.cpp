#include "charts/PriceChartPanel.h"

#include "Formatting.h"
#include "charts/PriceChartView.h"
#include "history/Decimation.h"

#include <QButtonGroup>
#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace trailguard::ui {

namespace {
constexpr double kMinuteMs = 60'000.0;
constexpr double kHourMs = 60 * kMinuteMs;
constexpr double kDayMs = 24 * kHourMs;
constexpr double kMinSpanMs = 5 * kMinuteMs;       // deepest zoom
constexpr double kLonePointPadMs = 30 * kMinuteMs; // a single price is shown an hour wide
constexpr double kPriceMarginFraction = 0.06;      // above and below the visible extremes
constexpr int kTimeTickSpacingPx = 110;
constexpr int kFallbackPlotWidth = 600;
constexpr double kAlertHitPixels = 8;
constexpr int kTipPadding = 6;
constexpr int kTipOffset = 12;

constexpr PriceChartPanel::Range kRanges[] = {
    PriceChartPanel::Range::Day,       PriceChartPanel::Range::FiveDays, PriceChartPanel::Range::Month,
    PriceChartPanel::Range::SixMonths, PriceChartPanel::Range::Year,     PriceChartPanel::Range::All,
};

QString rangeObjectName(PriceChartPanel::Range range)
{
    static const char *const kNames[] = {"range1DButton", "range5DButton", "range1MButton",
                                         "range6MButton", "range1YButton", "rangeAllButton"};
    return QLatin1String(kNames[static_cast<int>(range)]);
}

QString rangeToolTip(PriceChartPanel::Range range)
{
    switch (range) {
    case PriceChartPanel::Range::Day:
        return PriceChartPanel::tr("The last trading day");
    case PriceChartPanel::Range::FiveDays:
        return PriceChartPanel::tr("The last five trading days");
    case PriceChartPanel::Range::Month:
        return PriceChartPanel::tr("The last month");
    case PriceChartPanel::Range::SixMonths:
        return PriceChartPanel::tr("The last six months");
    case PriceChartPanel::Range::Year:
        return PriceChartPanel::tr("The last year");
    case PriceChartPanel::Range::All:
        return PriceChartPanel::tr("All the stored history");
    }
    return {};
}

double startOfLocalDay(double x)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(x)).toLocalTime();
    return static_cast<double>(local.date().startOfDay().toMSecsSinceEpoch());
}

// The lowest and highest y of the points with x in [from, to].
void extendBounds(const QList<QPointF> &points, double from, double to, double &low, double &high)
{
    for (const QPointF &point : points) {
        if (point.x() < from || point.x() > to)
            continue;
        low = std::min(low, point.y());
        high = std::max(high, point.y());
    }
}

// The value at the edge `x` of a line cut by the plot, so a flat step crossing the whole plot counts.
void extendBoundsAt(const QList<QPointF> &points, double x, double &low, double &high)
{
    const auto after = std::upper_bound(points.cbegin(), points.cend(), x,
                                        [](double value, const QPointF &point) { return value < point.x(); });
    if (after == points.cbegin() || after == points.cend())
        return;
    low = std::min(low, (after - 1)->y());
    high = std::max(high, (after - 1)->y());
}

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

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholderLabel);
    m_stack->addWidget(m_view);

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

    m_rangeGroup = new QButtonGroup(this);
    m_rangeGroup->setExclusive(true);
    for (Range range : kRanges) {
        auto *button = new QToolButton(header);
        button->setObjectName(rangeObjectName(range));
        button->setText(rangeName(range));
        button->setToolTip(rangeToolTip(range));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setChecked(range == m_range);
        m_rangeGroup->addButton(button, static_cast<int>(range));
        row->addWidget(button);
    }
    connect(m_rangeGroup, &QButtonGroup::idClicked, this,
            [this](int id) { setRange(static_cast<Range>(id)); });

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

    m_priceSeries = new QLineSeries(m_chart);
    m_priceSeries->setObjectName(QStringLiteral("priceSeries"));
    m_priceSeries->setName(tr("Price"));
    m_peakSeries = new QLineSeries(m_chart);
    m_peakSeries->setObjectName(QStringLiteral("peakSeries"));
    m_peakSeries->setName(tr("Peak"));
    m_stopSeries = new QLineSeries(m_chart);
    m_stopSeries->setObjectName(QStringLiteral("stopSeries"));
    m_stopSeries->setName(tr("Stop"));
    m_alertSeries = new QScatterSeries(m_chart);
    m_alertSeries->setObjectName(QStringLiteral("alertSeries"));
    m_alertSeries->setName(tr("Alerts"));
    m_alertSeries->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_alertSeries->setMarkerSize(11);

    m_timeAxis = new QDateTimeAxis(m_chart);
    m_timeAxis->setObjectName(QStringLiteral("timeAxis"));
    m_priceAxis = new QValueAxis(m_chart);
    m_priceAxis->setObjectName(QStringLiteral("priceAxis"));
    m_priceAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_priceAxis, Qt::AlignRight);
    for (QXYSeries *series :
         std::initializer_list<QXYSeries *>{m_stopSeries, m_peakSeries, m_priceSeries, m_alertSeries}) {
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_priceAxis);
    }

    m_view = new PriceChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("priceChartView"));
    m_view->setFrameShape(QFrame::NoFrame);
    createCrosshair();

    connect(m_view, &PriceChartView::zoomRequested, this, &PriceChartPanel::zoom);
    connect(m_view, &PriceChartView::panRequested, this, &PriceChartPanel::pan);
    connect(m_view, &PriceChartView::rangeSelected, this, [this](double from, double to) {
        const double span = m_viewTo - m_viewFrom;
        setVisibleRange(m_viewFrom + from * span, m_viewFrom + to * span);
    });
    connect(m_view, &PriceChartView::resetRequested, this, &PriceChartPanel::resetZoom);
    connect(m_view, &PriceChartView::hovered, this, &PriceChartPanel::hoverAt);
    connect(m_view, &PriceChartView::hoverLeft, this, &PriceChartPanel::hideCrosshair);
    // A resize (or wider axis labels) changes the pixel width the points were decimated for.
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &plot) {
        if (!m_data.isEmpty() && static_cast<int>(plot.width()) != m_buckets)
            scheduleRefresh();
    });
}

void PriceChartPanel::createCrosshair()
{
    m_crossVertical = new QGraphicsLineItem(m_chart);
    m_crossHorizontal = new QGraphicsLineItem(m_chart);
    m_crossDot = new QGraphicsEllipseItem(-4, -4, 8, 8, m_chart);
    m_tipBox = new QGraphicsRectItem(m_chart);
    m_tipText = new QGraphicsSimpleTextItem(m_tipBox);
    for (QGraphicsItem *item :
         std::initializer_list<QGraphicsItem *>{m_crossVertical, m_crossHorizontal, m_crossDot, m_tipBox}) {
        item->setZValue(1000);
        item->setAcceptedMouseButtons(Qt::NoButton);
        item->hide();
    }
    m_tipBox->setZValue(1001);
}

QString PriceChartPanel::rangeName(Range range)
{
    switch (range) {
    case Range::Day:
        return tr("1D", "chart range: one day");
    case Range::FiveDays:
        return tr("5D", "chart range: five days");
    case Range::Month:
        return tr("1M", "chart range: one month");
    case Range::SixMonths:
        return tr("6M", "chart range: six months");
    case Range::Year:
        return tr("1Y", "chart range: one year");
    case Range::All:
        return tr("All", "chart range: all history");
    }
    return {};
}

void PriceChartPanel::setSeries(const ChartSeries &series)
{
    // New prices for the same ticker keep the user's zoom; anything else starts on the whole range.
    const bool keepZoom = isShowingChart() && isZoomed() && series.ticker == m_series.ticker;
    const double keptFrom = m_viewFrom;
    const double keptTo = m_viewTo;
    m_series = series;
    m_data = ChartPlotData::from(series);
    hideCrosshair();
    if (m_data.isEmpty()) {
        clear(series.ticker.isEmpty() ? tr("No price history yet")
                                      : tr("No price history yet for %1").arg(series.ticker));
        return;
    }
    m_titleLabel->setText(series.currency.isEmpty()
                              ? series.ticker
                              : tr("%1 (%2)", "ticker (currency)").arg(series.ticker, series.currency));
    m_alertSeries->setVisible(!m_data.alerts.isEmpty());
    m_stack->setCurrentWidget(m_view);
    for (QAbstractButton *button : m_rangeGroup->buttons())
        button->setEnabled(true);
    resetZoom();
    if (keepZoom)
        setVisibleRange(keptFrom, keptTo);
}

void PriceChartPanel::clear(const QString &message)
{
    m_series = ChartSeries{};
    m_data = ChartPlotData{};
    hideCrosshair();
    for (QXYSeries *series :
         std::initializer_list<QXYSeries *>{m_priceSeries, m_peakSeries, m_stopSeries, m_alertSeries})
        series->clear();
    m_titleLabel->clear();
    m_placeholderLabel->setText(message);
    m_stack->setCurrentWidget(m_placeholderLabel);
    for (QAbstractButton *button : m_rangeGroup->buttons())
        button->setEnabled(false);
    m_resetZoomButton->setEnabled(false);
}

bool PriceChartPanel::isShowingChart() const
{
    return m_stack->currentWidget() == m_view;
}

QString PriceChartPanel::placeholderText() const
{
    return isShowingChart() ? QString() : m_placeholderLabel->text();
}

void PriceChartPanel::setRange(Range range)
{
    m_range = range;
    if (QAbstractButton *button = m_rangeGroup->button(static_cast<int>(range)); !button->isChecked())
        button->setChecked(true);
    resetZoom();
}

void PriceChartPanel::resetZoom()
{
    if (m_data.isEmpty())
        return;
    m_homeFrom = m_homeTo = std::numeric_limits<double>::quiet_NaN(); // nothing is "zoomed" meanwhile
    setVisibleRange(rangeStart(m_range), m_data.lastX());
    m_homeFrom = m_viewFrom;
    m_homeTo = m_viewTo;
    m_resetZoomButton->setEnabled(false);
}

bool PriceChartPanel::isZoomed() const
{
    return !m_data.isEmpty() && (m_viewFrom != m_homeFrom || m_viewTo != m_homeTo);
}

// Ranges end at the last price, not now: the history of a ticker that stopped trading stays visible.
double PriceChartPanel::rangeStart(Range range) const
{
    const double last = m_data.lastX();
    const QDateTime lastTime = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(last));
    switch (range) {
    case Range::Day:
        return startOfLocalDay(last);
    case Range::FiveDays: {
        // Five days with prices: weekends and holidays do not count.
        double start = startOfLocalDay(last);
        for (int day = 1; day < 5; ++day) {
            const qsizetype before = m_data.lastPriceBefore(start);
            if (before < 0)
                break;
            start = startOfLocalDay(m_data.prices.at(before).x());
        }
        return start;
    }
    case Range::Month:
        return static_cast<double>(lastTime.addMonths(-1).toMSecsSinceEpoch());
    case Range::SixMonths:
        return static_cast<double>(lastTime.addMonths(-6).toMSecsSinceEpoch());
    case Range::Year:
        return static_cast<double>(lastTime.addYears(-1).toMSecsSinceEpoch());
    case Range::All:
        break;
    }
    return m_data.firstX();
}

void PriceChartPanel::zoom(double anchor, double factor)
{
    if (m_data.isEmpty() || !(factor > 0))
        return;
    const double span = m_viewTo - m_viewFrom;
    const double at = m_viewFrom + std::clamp(anchor, 0.0, 1.0) * span;
    setVisibleRange(at - (at - m_viewFrom) * factor, at + (m_viewTo - at) * factor);
}

void PriceChartPanel::pan(double fraction)
{
    if (m_data.isEmpty())
        return;
    const double shift = fraction * (m_viewTo - m_viewFrom);
    setVisibleRange(m_viewFrom + shift, m_viewTo + shift);
}

// Keeps the range within the data (at most all of it, at least kMinSpanMs) and redraws.
void PriceChartPanel::setVisibleRange(double from, double to)
{
    const double first = m_data.firstX();
    const double last = m_data.lastX();
    const double full = last - first;
    if (full <= 0) {
        from = first - kLonePointPadMs;
        to = last + kLonePointPadMs;
    } else {
        const double span = std::clamp(to - from, std::min(kMinSpanMs, full), full);
        const double center = std::clamp((from + to) / 2, first + span / 2, last - span / 2);
        from = center - span / 2;
        to = center + span / 2;
        // Whole ranges end exactly at the data's ends rather than a rounding away.
        if (span == full) {
            from = first;
            to = last;
        } else if (to > last - 1) {
            from = last - span;
            to = last;
        } else if (from < first + 1) {
            from = first;
            to = first + span;
        }
    }
    m_viewFrom = from;
    m_viewTo = to;
    m_resetZoomButton->setEnabled(isZoomed());
    hideCrosshair();
    refresh();
    Q_EMIT visibleRangeChanged(visibleFrom(), visibleTo());
}

QDateTime PriceChartPanel::visibleFrom() const
{
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(m_viewFrom)), Qt::UTC);
}

QDateTime PriceChartPanel::visibleTo() const
{
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(m_viewTo)), Qt::UTC);
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
    const double from = m_viewFrom;
    const double to = m_viewTo;
    const QList<QPointF> prices = Decimation::minMaxInRange(m_data.prices, from, to, m_buckets);
    const QList<QPointF> peaks = Decimation::minMaxInRange(m_data.peaks, from, to, m_buckets);
    const QList<QPointF> stops = Decimation::minMaxInRange(m_data.stops, from, to, m_buckets);
    const QList<QPointF> alerts = pointsIn(m_data.alerts, from, to);
    m_priceSeries->replace(prices);
    m_peakSeries->replace(peaks);
    m_stopSeries->replace(stops);
    m_alertSeries->replace(alerts);

    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const QList<QPointF> *line : {&prices, &peaks, &stops, &alerts})
        extendBounds(*line, from, to, low, high);
    for (const QList<QPointF> *line : {&m_data.prices, &m_data.peaks, &m_data.stops}) {
        extendBoundsAt(*line, from, low, high);
        extendBoundsAt(*line, to, low, high);
    }
    if (!std::isfinite(low)) {
        low = high = 0;
    }
    const double margin =
        high > low ? (high - low) * kPriceMarginFraction : std::max(std::fabs(high) * 0.01, 0.01);
    m_timeAxis->setRange(visibleFrom(), visibleTo());
    m_priceAxis->setRange(low - margin, high + margin);
    updateTimeAxisFormat();
    // The plot may have moved (a resize, wider labels): the crosshair follows its point.
    if (m_tipBox->isVisible() && m_crossIndex < m_data.prices.size())
        placeCrosshair(m_crossIndex);
}

void PriceChartPanel::updateTimeAxisFormat()
{
    const double span = m_viewTo - m_viewFrom;
    QString format;
    if (span <= 2 * kDayMs)
        format = QStringLiteral("HH:mm");
    else if (span <= 10 * kDayMs)
        format = QStringLiteral("ddd d, HH:mm");
    else if (span <= 200 * kDayMs)
        format = QStringLiteral("MMM d");
    else
        format = QStringLiteral("MMM yyyy");
    m_timeAxis->setFormat(format);
    m_timeAxis->setTickCount(std::clamp(plotWidth() / kTimeTickSpacingPx + 1, 2, 12));
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

    QPen pricePen(c.price, 1.6);
    m_priceSeries->setPen(pricePen);
    QPen peakPen(c.peak, 1.2, Qt::DashLine);
    m_peakSeries->setPen(peakPen);
    QPen stopPen(c.stop, 2.0);
    m_stopSeries->setPen(stopPen);
    m_alertSeries->setColor(c.alert);
    m_alertSeries->setBorderColor(c.background);

    m_crossVertical->setPen(QPen(c.crosshair, 1, Qt::DashLine));
    m_crossHorizontal->setPen(QPen(c.crosshair, 1, Qt::DashLine));
    m_crossDot->setPen(QPen(c.background, 1.5));
    m_crossDot->setBrush(c.price);
    m_tipBox->setPen(QPen(c.grid));
    m_tipBox->setBrush(c.tooltipBackground);
    m_tipText->setBrush(c.tooltipText);
    m_tipText->setFont(font());
    // A theme also resets the axes' label formats.
    m_priceAxis->setLabelFormat(QStringLiteral("%.2f"));
    if (!m_data.isEmpty())
        updateTimeAxisFormat();
}

void PriceChartPanel::showCrosshairAt(const QDateTime &time)
{
    if (m_data.isEmpty())
        return;
    placeCrosshair(m_data.nearestPrice(static_cast<double>(time.toMSecsSinceEpoch())));
}

void PriceChartPanel::hoverAt(const QPointF &chartPos)
{
    if (m_data.isEmpty())
        return;
    const QRectF plot = m_chart->plotArea();
    if (plot.width() <= 0)
        return;
    const double x = m_viewFrom + (chartPos.x() - plot.left()) / plot.width() * (m_viewTo - m_viewFrom);
    placeCrosshair(m_data.nearestPrice(std::clamp(x, m_viewFrom, m_viewTo)));
}

void PriceChartPanel::placeCrosshair(qsizetype priceIndex)
{
    if (priceIndex < 0)
        return;
    m_crossIndex = priceIndex;
    const QRectF plot = m_chart->plotArea();
    const QPointF point = toChartPosition(m_data.prices.at(priceIndex));
    m_crossVertical->setLine(point.x(), plot.top(), point.x(), plot.bottom());
    m_crossHorizontal->setLine(plot.left(), point.y(), plot.right(), point.y());
    m_crossDot->setPos(point);

    m_tipText->setText(crosshairTextFor(priceIndex));
    const QRectF textRect = m_tipText->boundingRect();
    const QSizeF size(textRect.width() + 2 * kTipPadding, textRect.height() + 2 * kTipPadding);
    m_tipBox->setRect(QRectF(QPointF(0, 0), size));
    m_tipText->setPos(kTipPadding, kTipPadding);
    // Beside the point, flipped to the other side near the plot's right or bottom edge.
    QPointF at(point.x() + kTipOffset, point.y() + kTipOffset);
    if (at.x() + size.width() > plot.right())
        at.setX(point.x() - kTipOffset - size.width());
    if (at.y() + size.height() > plot.bottom())
        at.setY(point.y() - kTipOffset - size.height());
    at.setX(std::max(at.x(), plot.left()));
    at.setY(std::max(at.y(), plot.top()));
    m_tipBox->setPos(at);
    qDebug() << "DBG" << point << plot << m_tipBox->scenePos() << m_tipBox->isVisible()
             << m_crossVertical->line() << m_chart->scene() << m_crossVertical->scene()
             << m_alertSeries->points() << m_alertSeries->isVisible();

    const bool inside = plot.adjusted(-1, -1, 1, 1).contains(point);
    for (QGraphicsItem *item :
         std::initializer_list<QGraphicsItem *>{m_crossVertical, m_crossHorizontal, m_crossDot, m_tipBox})
        item->setVisible(inside);
}

// Where a value is drawn, from the ranges the panel set (Qt Charts applies them to its own mapping
// lazily, so QChart::mapToPosition can lag behind a range change).
QPointF PriceChartPanel::toChartPosition(const QPointF &value) const
{
    const QRectF plot = m_chart->plotArea();
    const double xSpan = m_viewTo - m_viewFrom;
    const double ySpan = m_priceAxis->max() - m_priceAxis->min();
    if (xSpan <= 0 || ySpan <= 0)
        return plot.center();
    return {plot.left() + (value.x() - m_viewFrom) / xSpan * plot.width(),
            plot.bottom() - (value.y() - m_priceAxis->min()) / ySpan * plot.height()};
}

void PriceChartPanel::hideCrosshair()
{
    for (QGraphicsItem *item :
         std::initializer_list<QGraphicsItem *>{m_crossVertical, m_crossHorizontal, m_crossDot, m_tipBox})
        item->hide();
}

QString PriceChartPanel::crosshairText() const
{
    return m_tipBox->isVisible() ? m_tipText->text() : QString();
}

QString PriceChartPanel::crosshairTextFor(qsizetype priceIndex) const
{
    const QPointF point = m_data.prices.at(priceIndex);
    const QDateTime time =
        QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(point.x()), Qt::UTC).toLocalTime();
    QStringList lines;
    lines << QLocale().toString(time, QLocale::ShortFormat);
    lines
        << (m_series.currency.isEmpty()
                ? tr("Price: %1").arg(Formatting::price(point.y()))
                : tr("Price: %1 %2", "price, currency").arg(Formatting::price(point.y()), m_series.currency));
    if (const std::optional<StopPoint> stop = m_data.stopAt(point.x())) {
        lines << tr("Peak: %1").arg(Formatting::price(stop->peak));
        lines << tr("Stop: %1").arg(Formatting::price(stop->stop));
    }
    const double msPerPixel = (m_viewTo - m_viewFrom) / std::max(1.0, m_chart->plotArea().width());
    if (const qsizetype alert = m_data.alertNear(point.x(), kAlertHitPixels * msPerPixel); alert >= 0) {
        const QString text = m_data.alertTexts.at(alert);
        lines << (text.isEmpty() ? tr("Alert at %1").arg(Formatting::price(m_data.alerts.at(alert).y()))
                                 : tr("Alert: %1").arg(text));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace trailguard::ui
