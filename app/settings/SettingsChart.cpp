#include "settings/Settings.h"

// Settings, third part: what the window's chart remembers per ticker. These keys are made per ticker, so
// they are not in the table in Settings.cpp.

namespace trailguard {

namespace {
// Specs hold commas ("bb:20,2"), which the INI format would split a list at: one text, ';' between specs.
const QChar kSpecSeparator = QLatin1Char(';');

QString chartOverlaysKey(const QString &ticker)
{
    return QStringLiteral("chart/overlays/") + ticker.trimmed().toUpper();
}
} // namespace

QStringList Settings::chartOverlays(const QString &ticker) const
{
    if (ticker.trimmed().isEmpty())
        return {};
    return m_store->value(chartOverlaysKey(ticker)).toString().split(kSpecSeparator, Qt::SkipEmptyParts);
}

void Settings::setChartOverlays(const QString &ticker, const QStringList &specs)
{
    if (ticker.trimmed().isEmpty() || chartOverlays(ticker) == specs)
        return;
    const QString key = chartOverlaysKey(ticker);
    if (specs.isEmpty())
        m_store->remove(key);
    else
        m_store->setValue(key, specs.join(kSpecSeparator));
    Q_EMIT changed(key);
}

} // namespace trailguard
