// PortfolioImport against the fake Questrade server's accounts and positions, with a real SQLite file.
#include "PortfolioFixture.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace trailguard;
using namespace trailguard::test;
using Server = test::TestQuestradeServer;
using Kind = PositionMapping::Kind;

class TestPortfolioImport : public QObject {
    Q_OBJECT

private:
    PortfolioFixture f;

    const ImportCandidate *find(const ImportPreview &preview, const QString &ticker)
    {
        for (const ImportCandidate &candidate : preview.candidates) {
            if (candidate.ticker == ticker)
                return &candidate;
        }
        return nullptr;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(f.setUp());
        f.server->setAccounts({Server::Account{QStringLiteral("111"), QStringLiteral("TFSA"),
                                               QStringLiteral("Active"), true, false},
                               Server::Account{QStringLiteral("222"), QStringLiteral("Margin")}});
        f.server->setPositions(QStringLiteral("111"),
                               {position("RY.TO", 34658, 50, 118.20, 6572.0, 662.0),
                                position("AAPL", 8049, 10, 150.0, 1895.0, 395.0),
                                position("AAPL17Dec27C200.00", 990001, 2, 3.6, 830.0, 110.0)});
        f.server->setPositions(QStringLiteral("222"), {position("RY.TO", 34658, 20, 127.05, 2628.8, 87.8),
                                                       position("TSLA", 4000, -5, 250.0, -1200.0, 50.0),
                                                       position("ABC.VN", 77, 100, 1.5, 180.0, 30.0),
                                                       position("SHOP.TO", 4242001, 0, 90.0)});
    }
    void cleanup() { f.tearDown(); }

    void listsTheAccounts()
    {
        const auto accounts = f.accounts();
        QVERIFY(accounts && accounts->ok());
        QCOMPARE(accounts->value().size(), 2);
        QCOMPARE(accounts->value().at(0).number, QStringLiteral("111"));
        QCOMPARE(accounts->value().at(0).type, QStringLiteral("TFSA"));
    }

    void previewCombinesAccountsAndMarksWhatCannotBeImported()
    {
        const auto accounts = f.accounts();
        QVERIFY(accounts && accounts->ok());
        const auto preview = f.preview(accounts->value());
        QVERIFY2(preview && preview->ok(), describe(preview).constData());
        const ImportPreview &p = preview->value();

        // Importable first, by ticker; then the others.
        QStringList order;
        for (const ImportCandidate &c : p.candidates)
            order << c.ticker;
        QCOMPARE(order, (QStringList{QStringLiteral("AAPL"), QStringLiteral("ABC.V"), QStringLiteral("RY.TO"),
                                     QStringLiteral("AAPL17Dec27C200.00"), QStringLiteral("SHOP.TO"),
                                     QStringLiteral("TSLA")}));

        const ImportCandidate *ry = find(p, QStringLiteral("RY.TO"));
        QVERIFY(ry);
        QVERIFY(ry->importable());
        QCOMPARE(ry->quantity, 70.0);
        QCOMPARE(ry->accounts, (QStringList{QStringLiteral("111"), QStringLiteral("222")}));
        QVERIFY(ry->averageEntryPrice);
        QVERIFY(std::abs(*ry->averageEntryPrice - (118.20 * 50 + 127.05 * 20) / 70) < 1e-9);
        QVERIFY(std::abs(*ry->marketValue - 9200.8) < 1e-9);
        QVERIFY(std::abs(*ry->openPnl - 749.8) < 1e-9);
        QCOMPARE(ry->currency, QStringLiteral("CAD"));

        QCOMPARE(find(p, QStringLiteral("TSLA"))->kind, Kind::Short);
        QVERIFY(!find(p, QStringLiteral("TSLA"))->importable());
        QCOMPARE(find(p, QStringLiteral("AAPL17Dec27C200.00"))->kind, Kind::Option);
        QCOMPARE(find(p, QStringLiteral("SHOP.TO"))->kind, Kind::Closed);
        QCOMPARE(find(p, QStringLiteral("AAPL"))->currency, QStringLiteral("USD"));
    }

    void onlyThePickedAccountsArePreviewed()
    {
        const auto accounts = f.accounts();
        QVERIFY(accounts && accounts->ok());
        const auto preview = f.preview({accounts->value().at(1)});
        QVERIFY(preview && preview->ok());
        QVERIFY(!find(preview->value(), QStringLiteral("AAPL")));
        QCOMPARE(find(preview->value(), QStringLiteral("RY.TO"))->quantity, 20.0);
        QCOMPARE(f.server->requestCount(QStringLiteral("/v1/accounts/111")), 0);
    }

    void importAddsNewTickersWithTheirAverageEntry()
    {
        QSignalSpy changed(f.portfolio.get(), &Portfolio::changed);
        const auto summary = f.importAll(0.85);
        QVERIFY(summary);
        QCOMPARE(summary->added,
                 (QStringList{QStringLiteral("AAPL"), QStringLiteral("ABC.V"), QStringLiteral("RY.TO")}));
        QVERIFY(summary->updated.isEmpty());
        QVERIFY(changed.count() >= 1);

        const auto aapl = f.stock(QStringLiteral("AAPL"));
        QVERIFY(aapl);
        QCOMPARE(aapl->entry, std::optional<double>(150.0));
        QCOMPARE(aapl->peak, std::optional<double>(150.0));
        QCOMPARE(aapl->ratio, 0.85);
        const auto ry = f.stock(QStringLiteral("RY.TO"));
        QVERIFY(ry && ry->entry);
        QVERIFY(std::abs(*ry->entry - (118.20 * 50 + 127.05 * 20) / 70) < 1e-9);
        // Shorts, options and closed positions are not watched.
        QVERIFY(!f.stock(QStringLiteral("TSLA")));
        QVERIFY(!f.stock(QStringLiteral("SHOP.TO")));
        QCOMPARE(f.watchlist->stocks().value().size(), 3);

        const auto position = f.portfolio->positionOf(QStringLiteral("RY.TO"));
        QVERIFY(position);
        QCOMPARE(position->quantity, 70.0);
        QVERIFY(std::abs(*position->marketValue - 9200.8) < 1e-9);
        QVERIFY(std::abs(*position->openPnl - 749.8) < 1e-9);
    }

    void anAlreadyWatchedTickerKeepsItsPeakAndGetsItsPosition()
    {
        QVERIFY(f.watchlist->add(QStringLiteral("RY.TO"), 0.9, 140.0).ok());
        const auto before = f.stock(QStringLiteral("RY.TO"));
        QVERIFY(before);
        const auto summary = f.importAll();
        QVERIFY(summary);
        QVERIFY(summary->updated.contains(QStringLiteral("RY.TO")));
        QVERIFY(!summary->added.contains(QStringLiteral("RY.TO")));
        const auto after = f.stock(QStringLiteral("RY.TO"));
        QCOMPARE(after->peak, before->peak);
        QCOMPARE(after->stop, before->stop);
        QCOMPARE(after->entry, std::optional<double>(140.0));
        QCOMPARE(f.portfolio->positionOf(QStringLiteral("RY.TO"))->quantity, 70.0);
    }

    void aWatchedVentureTickerKeepsItsSpelling()
    {
        QVERIFY(f.watchlist->add(QStringLiteral("ABC.VN"), 0.9).ok());
        const auto summary = f.importAll();
        QVERIFY(summary);
        QVERIFY(summary->updated.contains(QStringLiteral("ABC.VN")));
        QVERIFY(!f.stock(QStringLiteral("ABC.V")));
        QCOMPARE(f.portfolio->positionOf(QStringLiteral("ABC.VN"))->quantity, 100.0);
    }

    void onlyTheCheckedTickersAreAdded()
    {
        const auto accounts = f.accounts();
        const auto preview = f.preview(accounts->value());
        QVERIFY(preview && preview->ok());
        // TSLA is listed but not importable: asking for it changes nothing.
        const auto summary =
            f.import->apply(preview->value(), {QStringLiteral("AAPL"), QStringLiteral("TSLA")}, 0.9);
        QVERIFY(summary.ok());
        QCOMPARE(summary.value().added, QStringList{QStringLiteral("AAPL")});
        QCOMPARE(f.watchlist->stocks().value().size(), 1);
        // The accounts are remembered for the sync, with every long stock holding.
        const auto accountsStored = f.holdings->accounts();
        QVERIFY(accountsStored.ok());
        QCOMPARE(accountsStored.value().size(), 2);
        QCOMPARE(accountsStored.value().at(0).type, QStringLiteral("TFSA"));
        QVERIFY(accountsStored.value().at(0).syncedAt.isValid());
        QCOMPARE(f.holdings->all().value().size(), 4); // AAPL, RY.TO (111); RY.TO, ABC.V (222)
    }

    void holdingsSurviveAReopen()
    {
        QVERIFY(f.importAll());
        const QString file = f.dir->filePath(QStringLiteral("t.sqlite"));
        auto reopened = Database::open(file);
        QVERIFY(reopened.ok());
        HoldingRepository repository(reopened.value()->connection());
        Portfolio portfolio(repository);
        QVERIFY(portfolio.reload().ok());
        QCOMPARE(portfolio.positionOf(QStringLiteral("RY.TO"))->quantity, 70.0);
        QCOMPARE(portfolio.positionOf(QStringLiteral("RY.TO"))->accounts.size(), 2);
    }

    void totalsPerCurrencyCountWatchedTickersOnly()
    {
        QVERIFY(f.importAll());
        QVERIFY(f.watchlist->remove(QStringLiteral("ABC.V")).ok());
        const QMap<QString, double> totals =
            f.portfolio->watchedValueByCurrency(f.watchlist->stocks().value());
        QCOMPARE(totals.size(), 2);
        QVERIFY(std::abs(totals.value(QStringLiteral("CAD")) - 9200.8) < 1e-9);
        QVERIFY(std::abs(totals.value(QStringLiteral("USD")) - 1895.0) < 1e-9);
    }

    void anUnknownAccountFailsThePreviewByName()
    {
        const auto preview =
            f.preview({BrokerAccount{QStringLiteral("999"), QStringLiteral("RRSP"), {}, {}, false, false}});
        QVERIFY(preview && !preview->ok());
        QCOMPARE(preview->error().code, ErrorCode::AccountNotFound);
        QVERIFY(preview->error().message.contains(QStringLiteral("999")));
    }

    void failedAccountsCallIsAnError()
    {
        f.server->failNextRequests(5, 500, 1008);
        const auto accounts = f.accounts();
        QVERIFY(accounts && !accounts->ok());
        QCOMPARE(accounts->error().code, ErrorCode::ServerError);
    }
};

QTEST_GUILESS_MAIN(TestPortfolioImport)
#include "tst_portfolioimport.moc"
