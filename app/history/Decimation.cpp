#include "history/Decimation.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace trailguard::Decimation {

namespace {
bool isFinite(const QPointF &point)
{
    return std::isfinite(point.x()) && std::isfinite(point.y());
}

QList<QPointF> finitePoints(const QPointF *begin, const QPointF *end)
{
    QList<QPointF> out;
    out.reserve(end - begin);
    std::copy_if(begin, end, std::back_inserter(out), isFinite);
    return out;
}

// Appends the first, lowest, highest and last point of one bucket, each once, in their original order.
void appendBucket(QList<QPointF> &out, const QPointF *points, qsizetype first, qsizetype last,
                  qsizetype lowest, qsizetype highest)
{
    std::array<qsizetype, 4> picks{first, lowest, highest, last};
    std::sort(picks.begin(), picks.end());
    qsizetype previous = -1;
    for (qsizetype index : picks) {
        if (index != previous)
            out.append(points[index]);
        previous = index;
    }
}

// M4 over [begin, end), buckets spanning [from, to]; points outside that span go to the edge buckets.
QList<QPointF> decimate(const QPointF *begin, const QPointF *end, double from, double to, int buckets)
{
    buckets = std::max(buckets, 1);
    const qsizetype count = end - begin;
    if (count <= 4 * qsizetype(buckets))
        return finitePoints(begin, end);

    QList<QPointF> out;
    out.reserve(4 * qsizetype(buckets));
    int bucket = -1;
    qsizetype first = -1, last = -1, lowest = -1, highest = -1;
    for (qsizetype i = 0; i < count; ++i) {
        const QPointF &point = begin[i];
        if (!isFinite(point))
            continue;
        const int b = bucketOf(point.x(), from, to, buckets);
        if (b != bucket) {
            if (first >= 0)
                appendBucket(out, begin, first, last, lowest, highest);
            bucket = b;
            first = last = lowest = highest = i;
            continue;
        }
        last = i;
        if (point.y() < begin[lowest].y())
            lowest = i;
        if (point.y() > begin[highest].y())
            highest = i;
    }
    if (first >= 0)
        appendBucket(out, begin, first, last, lowest, highest);
    return out;
}
} // namespace

int bucketOf(double x, double from, double to, int buckets)
{
    buckets = std::max(buckets, 1);
    if (!(to > from))
        return 0;
    const double position = (x - from) / (to - from) * buckets;
    if (!(position > 0)) // also NaN
        return 0;
    return std::min(static_cast<int>(position), buckets - 1);
}

QList<QPointF> minMax(const QList<QPointF> &points, int buckets)
{
    if (points.isEmpty())
        return {};
    const QPointF *data = points.constData();
    return decimate(data, data + points.size(), points.constFirst().x(), points.constLast().x(), buckets);
}

QList<QPointF> minMaxInRange(const QList<QPointF> &points, double from, double to, int buckets)
{
    const QPointF *data = points.constData();
    const QPointF *dataEnd = data + points.size();
    const QPointF *begin =
        std::lower_bound(data, dataEnd, from, [](const QPointF &point, double x) { return point.x() < x; });
    const QPointF *end =
        std::upper_bound(begin, dataEnd, to, [](double x, const QPointF &point) { return x < point.x(); });
    QList<QPointF> out;
    // One point beyond each edge, so the line leaves the plot instead of stopping short of it.
    if (begin != data && isFinite(*(begin - 1)))
        out.append(*(begin - 1));
    out.append(decimate(begin, end, from, to, buckets));
    if (end != dataEnd && isFinite(*end))
        out.append(*end);
    return out;
}

} // namespace trailguard::Decimation
