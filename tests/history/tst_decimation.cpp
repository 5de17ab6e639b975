#include "history/Decimation.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace trailguard;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// A seeded random walk with uneven x steps (gaps like nights and weekends) and a few spikes.
QList<QPointF> randomWalk(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<QPointF> points;
    points.reserve(count);
    double x = 1'700'000'000'000.0;
    double y = 100;
    for (int i = 0; i < count; ++i) {
        x += random.bounded(100) < 2 ? 3'600'000.0 * random.bounded(1, 60) : 60'000.0;
        y = std::max(1.0, y + random.generateDouble() - 0.5);
        const double spike = random.bounded(1000) == 0 ? (random.bounded(2) ? 25.0 : -25.0) : 0.0;
        points.append({x, y + spike});
    }
    return points;
}

QList<QPointF> sine(int count)
{
    QList<QPointF> points;
    for (int i = 0; i < count; ++i)
        points.append({double(i), std::sin(i / 7.0) * 10 + (i % 97 == 0 ? 30 : 0)});
    return points;
}

// Whether `part` is `whole` with some points left out: same points, same order.
bool isSubsequence(const QList<QPointF> &part, const QList<QPointF> &whole)
{
    qsizetype at = 0;
    for (const QPointF &point : part) {
        while (at < whole.size() && whole.at(at) != point)
            ++at;
        if (at == whole.size())
            return false;
        ++at;
    }
    return true;
}

// For every bucket of [from, to], the input points with the lowest and the highest y (all of them, when
// several tie) — at least one of each must survive.
void verifyExtremesSurvive(const QList<QPointF> &input, const QList<QPointF> &output, double from, double to,
                           int buckets)
{
    struct Extremes {
        double low = kInf;
        double high = -kInf;
        bool lowKept = false;
        bool highKept = false;
        bool used = false;
    };
    QList<Extremes> perBucket(buckets);
    for (const QPointF &point : input) {
        if (!std::isfinite(point.x()) || !std::isfinite(point.y()) || point.x() < from || point.x() > to)
            continue;
        Extremes &e = perBucket[Decimation::bucketOf(point.x(), from, to, buckets)];
        e.used = true;
        e.low = std::min(e.low, point.y());
        e.high = std::max(e.high, point.y());
    }
    for (const QPointF &point : output) {
        if (point.x() < from || point.x() > to)
            continue;
        Extremes &e = perBucket[Decimation::bucketOf(point.x(), from, to, buckets)];
        e.lowKept = e.lowKept || point.y() == e.low;
        e.highKept = e.highKept || point.y() == e.high;
    }
    for (int b = 0; b < buckets; ++b) {
        const Extremes &e = perBucket.at(b);
        if (!e.used)
            continue;
        QVERIFY2(e.lowKept, qPrintable(QStringLiteral("bucket %1 lost its minimum %2").arg(b).arg(e.low)));
        QVERIFY2(e.highKept, qPrintable(QStringLiteral("bucket %1 lost its maximum %2").arg(b).arg(e.high)));
    }
}

bool allFinite(const QList<QPointF> &points)
{
    return std::all_of(points.cbegin(), points.cend(),
                       [](const QPointF &p) { return std::isfinite(p.x()) && std::isfinite(p.y()); });
}
} // namespace

class DecimationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsExtremesOfEveryBucket_data();
    void keepsExtremesOfEveryBucket();
    void tinyInputsUnchanged_data();
    void tinyInputsUnchanged();
    void emptyInput();
    void dropsNonFinitePoints();
    void constantLineCollapses();
    void rangeKeepsExtremesAndEdgeNeighbours();
    void rangeOutsideDataKeepsNeighbours();
    void bucketOfEdges();
};

void DecimationTest::keepsExtremesOfEveryBucket_data()
{
    QTest::addColumn<QList<QPointF>>("input");
    QTest::addColumn<int>("buckets");
    QTest::newRow("random walk, 800 px") << randomWalk(200'000, 1) << 800;
    QTest::newRow("random walk, 1 px") << randomWalk(10'000, 2) << 1;
    QTest::newRow("random walk, 7 px") << randomWalk(10'000, 3) << 7;
    QTest::newRow("random walk, 2500 px") << randomWalk(50'000, 4) << 2500;
    QTest::newRow("sine with spikes, 300 px") << sine(100'000) << 300;
    QTest::newRow("just above the threshold") << sine(401) << 100;
}

void DecimationTest::keepsExtremesOfEveryBucket()
{
    QFETCH(QList<QPointF>, input);
    QFETCH(int, buckets);
    const QList<QPointF> output = Decimation::minMax(input, buckets);

    QVERIFY(output.size() < input.size());
    QVERIFY2(output.size() <= 4 * buckets, qPrintable(QString::number(output.size())));
    QVERIFY(output.size() >= 2);
    QCOMPARE(output.constFirst(), input.constFirst());
    QCOMPARE(output.constLast(), input.constLast());
    QVERIFY(isSubsequence(output, input));
    QVERIFY(allFinite(output));
    verifyExtremesSurvive(input, output, input.constFirst().x(), input.constLast().x(), buckets);
    if (QTest::currentTestFailed())
        return;
    // And the global extremes, whatever the bucketing.
    const auto [low, high] = std::minmax_element(
        input.cbegin(), input.cend(), [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    QVERIFY(output.contains(*low));
    QVERIFY(output.contains(*high));
}

void DecimationTest::tinyInputsUnchanged_data()
{
    QTest::addColumn<QList<QPointF>>("input");
    QTest::addColumn<int>("buckets");
    QTest::newRow("one point") << QList<QPointF>{{5, 1}} << 100;
    QTest::newRow("two points") << QList<QPointF>{{5, 1}, {6, 2}} << 1;
    QTest::newRow("exactly four per bucket") << sine(400) << 100;
    QTest::newRow("fewer points than pixels") << randomWalk(500, 9) << 800;
}

void DecimationTest::tinyInputsUnchanged()
{
    QFETCH(QList<QPointF>, input);
    QFETCH(int, buckets);
    QCOMPARE(Decimation::minMax(input, buckets), input);
}

void DecimationTest::emptyInput()
{
    QVERIFY(Decimation::minMax({}, 100).isEmpty());
    QVERIFY(Decimation::minMaxInRange({}, 0, 10, 100).isEmpty());
}

void DecimationTest::dropsNonFinitePoints()
{
    QList<QPointF> input = sine(10'000);
    input[10].setY(kNaN);
    input[500].setY(kInf);
    input[501].setY(-kInf);
    input[9000].setX(kNaN);
    const QList<QPointF> output = Decimation::minMax(input, 50);
    QVERIFY(allFinite(output));
    QVERIFY(output.size() <= 200);
    verifyExtremesSurvive(input, output, input.constFirst().x(), input.constLast().x(), 50);

    // Small inputs too.
    const QList<QPointF> small{{1, 1}, {2, kNaN}, {3, 3}};
    QCOMPARE(Decimation::minMax(small, 100), (QList<QPointF>{{1, 1}, {3, 3}}));
}

void DecimationTest::constantLineCollapses()
{
    QList<QPointF> input;
    for (int i = 0; i < 10'000; ++i)
        input.append({double(i), 42});
    const QList<QPointF> output = Decimation::minMax(input, 10);
    // Per bucket the first point is also its lowest and highest: first and last remain.
    QCOMPARE(output.size(), 20);
    QCOMPARE(output.constFirst(), input.constFirst());
    QCOMPARE(output.constLast(), input.constLast());
}

void DecimationTest::rangeKeepsExtremesAndEdgeNeighbours()
{
    const QList<QPointF> input = sine(100'000);
    const double from = 20'000.5;
    const double to = 30'000.5;
    const QList<QPointF> output = Decimation::minMaxInRange(input, from, to, 100);
    QVERIFY(output.size() <= 4 * 100 + 2);
    QVERIFY(isSubsequence(output, input));
    QCOMPARE(output.constFirst(), input.at(20'000)); // the point just before the range
    QCOMPARE(output.constLast(), input.at(30'001));  // the point just after it
    QCOMPARE(output.at(1), input.at(20'001));        // the first point inside
    verifyExtremesSurvive(input, output, from, to, 100);
}

void DecimationTest::rangeOutsideDataKeepsNeighbours()
{
    const QList<QPointF> input = sine(1000);
    // A range between two points: only the neighbours, so the line still crosses the plot.
    QCOMPARE(Decimation::minMaxInRange(input, 10.2, 10.8, 100), (QList<QPointF>{input.at(10), input.at(11)}));
    // A range after the data: the last point.
    QCOMPARE(Decimation::minMaxInRange(input, 5000, 6000, 100), QList<QPointF>{input.constLast()});
}

void DecimationTest::bucketOfEdges()
{
    QCOMPARE(Decimation::bucketOf(0, 0, 10, 5), 0);
    QCOMPARE(Decimation::bucketOf(1.99, 0, 10, 5), 0);
    QCOMPARE(Decimation::bucketOf(2, 0, 10, 5), 1);
    QCOMPARE(Decimation::bucketOf(10, 0, 10, 5), 4);
    QCOMPARE(Decimation::bucketOf(-3, 0, 10, 5), 0);
    QCOMPARE(Decimation::bucketOf(13, 0, 10, 5), 4);
    QCOMPARE(Decimation::bucketOf(5, 3, 3, 5), 0);
    QCOMPARE(Decimation::bucketOf(5, 0, 10, 0), 0);
}

QTEST_GUILESS_MAIN(DecimationTest)
#include "tst_decimation.moc"
