#pragma once

#include <QList>
#include <QPointF>

namespace trailguard::Decimation {

// Reduces a line to what a plot `buckets` pixels wide can show, without changing its shape (M4).
//
// The x range [first x, last x] is cut into `buckets` equal buckets (one per pixel column). Of the
// points in each bucket, the first, the one with the lowest y, the one with the highest y and the last
// survive, in their original order, so every spike and dip of the line is still drawn and the lines
// between buckets join where they did. The output has at most 4 × buckets points.
//
// `points` must be in x order. Points with a NaN or infinite coordinate are dropped. A line with no more
// than 4 × buckets points is returned as is (minus such points). buckets < 1 counts as 1.
QList<QPointF> minMax(const QList<QPointF> &points, int buckets);

// The same for the part of the line between x = `from` and x = `to` (a zoomed plot), plus the nearest
// point outside on each side so the line runs to the plot's edges. Buckets span [from, to].
QList<QPointF> minMaxInRange(const QList<QPointF> &points, double from, double to, int buckets);

// The bucket (0 … buckets - 1) that `x` falls in when [from, to] is cut into `buckets` equal buckets;
// the last bucket includes `to`. For tests and callers that need to reason about buckets.
int bucketOf(double x, double from, double to, int buckets);

} // namespace trailguard::Decimation
