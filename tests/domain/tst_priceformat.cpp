#include "domain/PriceFormat.h"

#include <QTest>

using namespace trailguard;

class TestPriceFormat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void text_data()
    {
        QTest::addColumn<double>("price");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dollars keep their cents") << 92.1 << QStringLiteral("92.10");
        QTest::newRow("whole dollars") << 106.0 << QStringLiteral("106.00");
        QTest::newRow("exactly one dollar") << 1.0 << QStringLiteral("1.00");
        QTest::newRow("just under a dollar") << 0.995 << QStringLiteral("0.9950");
        QTest::newRow("rounds up to a dollar") << 0.99996 << QStringLiteral("1.00");
        QTest::newRow("penny stock") << 0.0123 << QStringLiteral("0.0123");
        QTest::newRow("sub-penny keeps its digits") << 0.00456 << QStringLiteral("0.0046");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0.0000");
        QTest::newRow("large") << 123456.789 << QStringLiteral("123456.79");
        QTest::newRow("negative P/L-like value") << -0.5 << QStringLiteral("-0.5000");
    }

    void text()
    {
        QFETCH(double, price);
        QFETCH(QString, expected);
        QCOMPARE(PriceFormat::text(price), expected);
    }

    void localizedUsesTheLocaleButTheSameDigits_data()
    {
        QTest::addColumn<double>("price");
        QTest::addColumn<QString>("french");
        QTest::newRow("dollars") << 92.1 << QStringLiteral("92,10");
        QTest::newRow("penny stock") << 0.0123 << QStringLiteral("0,0123");
    }

    void localizedUsesTheLocaleButTheSameDigits()
    {
        QFETCH(double, price);
        QFETCH(QString, french);
        QCOMPARE(PriceFormat::localized(price, QLocale(QLocale::French, QLocale::Canada)), french);
        const QLocale english(QLocale::English, QLocale::Canada);
        QCOMPARE(PriceFormat::localized(price, english).remove(english.groupSeparator()),
                 PriceFormat::text(price));
    }

    void decimals()
    {
        QCOMPARE(PriceFormat::decimals(1.0), PriceFormat::kDecimals);
        QCOMPARE(PriceFormat::decimals(0.5), PriceFormat::kSubDollarDecimals);
        QCOMPARE(PriceFormat::decimals(-0.5), PriceFormat::kSubDollarDecimals);
    }
};

QTEST_GUILESS_MAIN(TestPriceFormat)
#include "tst_priceformat.moc"
