// The dashboard's files compiled into the binary (app/web/assets/): the page is there, it refers only to
// files that are there too, and nothing in it needs what the Content-Security-Policy forbids (inline
// script, inline style, event-handler attributes).
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

QString resourceText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QStringList captures(const QString &text, const QRegularExpression &pattern)
{
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(1);
    return found;
}

} // namespace

class TestWebAssets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pageIsCompiledIn();
    void pageRefersOnlyToCompiledInFiles();
    void modulesImportOnlyCompiledInFiles();
    void nothingInlineForTheContentSecurityPolicy();
    void chartJsVendoredWithItsLicence();
    void textGoesInAsTextOnly();
};

void TestWebAssets::pageIsCompiledIn()
{
    QFile page(QStringLiteral(":/web/index.html"));
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(page.readAll());
    QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
    QVERIFY(html.contains(QLatin1String("id=\"login-form\"")));
    QVERIFY(html.contains(QLatin1String("id=\"watchlist-table\"")));
    QVERIFY(html.contains(QLatin1String("aria-live=\"polite\"")));
}

void TestWebAssets::pageRefersOnlyToCompiledInFiles()
{
    const QString html = resourceText(QStringLiteral(":/web/index.html"));
    const QStringList references =
        captures(html, QRegularExpression(QStringLiteral("(?:src|href)=\"([^\"#]+)\"")));
    QVERIFY(references.size() >= 5);
    for (const QString &reference : references) {
        QVERIFY2(!reference.contains(QLatin1String("//")),
                 qPrintable(reference + QLatin1String(" is not a local file")));
        QVERIFY2(QFile::exists(QStringLiteral(":/web/") + reference),
                 qPrintable(reference + QLatin1String(" is missing")));
    }
}

void TestWebAssets::modulesImportOnlyCompiledInFiles()
{
    const QStringList scripts = QDir(QStringLiteral(":/web")).entryList({QStringLiteral("*.js")});
    QVERIFY(scripts.contains(QLatin1String("app.js")));
    const QRegularExpression imports(QStringLiteral("from\\s+'\\./([^']+)'"));
    QSet<QString> imported;
    for (const QString &script : scripts) {
        if (script == QLatin1String("chart.min.js"))
            continue;
        for (const QString &name : captures(resourceText(QStringLiteral(":/web/") + script), imports)) {
            QVERIFY2(QFile::exists(QStringLiteral(":/web/") + name),
                     qPrintable(script + QLatin1String(" imports the missing ") + name));
            imported.insert(name);
        }
    }
    // Every module but the entry point is used by another: no file compiled in for nothing.
    for (const QString &script : scripts) {
        if (script != QLatin1String("app.js") && script != QLatin1String("chart.min.js"))
            QVERIFY2(imported.contains(script), qPrintable(script + QLatin1String(" is never imported")));
    }
}

void TestWebAssets::nothingInlineForTheContentSecurityPolicy()
{
    const QString html = resourceText(QStringLiteral(":/web/index.html"));
    const QStringList scriptTags = captures(html, QRegularExpression(QStringLiteral("(<script[^>]*>)")));
    QCOMPARE(scriptTags.size(), 2);
    for (const QString &tag : scriptTags)
        QVERIFY2(tag.contains(QLatin1String(" src=\"")), qPrintable(tag + QLatin1String(" is inline")));
    QVERIFY(!html.contains(QLatin1String("<style")));
    QVERIFY(!html.contains(QRegularExpression(QStringLiteral("\\sstyle="))));
    QVERIFY(!html.contains(QRegularExpression(QStringLiteral("\\son[a-z]+="))));
}

void TestWebAssets::chartJsVendoredWithItsLicence()
{
    QFile chart(QStringLiteral(":/web/chart.min.js"));
    QVERIFY(chart.open(QIODevice::ReadOnly));
    QVERIFY(chart.read(64).contains("Chart.js v3"));
    QVERIFY(resourceText(QStringLiteral(":/web/chart.js-LICENSE.txt"))
                .contains(QLatin1String("Permission is hereby granted")));
}

void TestWebAssets::textGoesInAsTextOnly()
{
    // What the API sends (tickers, alert messages, error texts) reaches the page through textContent only:
    // nothing is ever parsed as HTML, and no style attribute is set from script (the CSP would refuse it).
    const QStringList scripts = QDir(QStringLiteral(":/web")).entryList({QStringLiteral("*.js")});
    for (const QString &script : scripts) {
        if (script == QLatin1String("chart.min.js"))
            continue;
        const QString text = resourceText(QStringLiteral(":/web/") + script);
        QVERIFY(!text.isEmpty());
        for (const char *forbidden : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                                      "eval(", "setAttribute('style'", "new Function"})
            QVERIFY2(!text.contains(QLatin1String(forbidden)),
                     qPrintable(script + QLatin1String(" uses ") + QLatin1String(forbidden)));
    }
}

QTEST_GUILESS_MAIN(TestWebAssets)
#include "tst_webassets.moc"
