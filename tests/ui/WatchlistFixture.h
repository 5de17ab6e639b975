#pragma once

// A real watchlist for widget tests: a SQLite file in a temporary folder, the repository, the service
// on a manual clock, and settings in an INI file beside it. Nothing touches the user's data.

#include "TestSupport.h"

#include "common/Clock.h"
#include "domain/StopLossEngine.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <memory>

namespace trailguard::test {

class WatchlistFixture {
public:
    // Opens everything; returns an error message, empty on success. `environment` is what Settings
    // sees (empty by default, so a STOP_LOSS of the caller's shell cannot leak in).
    QString open(const QProcessEnvironment &environment = QProcessEnvironment())
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        auto database = Database::open(m_dir.filePath(QStringLiteral("trailguard.sqlite")));
        if (!database.ok())
            return database.error().message;
        m_database = std::move(database).value();
        m_repository = std::make_unique<StockRepository>(m_database->connection());
        m_service = std::make_unique<WatchlistService>(*m_repository, m_clock);
        m_settings = Settings::forFile(settingsFile(), environment);
        return {};
    }

    QString settingsFile() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

    // Adds `ticker` and runs `prices` through the engine as quotes a minute apart, as the monitor would,
    // then saves the result through the service. Returns the saved state (an invalid ticker on error).
    StockState seed(const QString &ticker, double ratio, const QList<double> &prices,
                    const QString &currency = {}, std::optional<double> entry = std::nullopt)
    {
        auto added = m_service->add(ticker, ratio, entry);
        if (!added.ok())
            return {};
        StockState state = added.value();
        state.currency = currency;
        for (double price : prices) {
            m_clock.advance(60);
            state =
                StopLossEngine::apply(state, Quote{state.ticker, price, m_clock.now()}, m_clock.now()).state;
        }
        if (!m_service->saveCycle({state}).ok())
            return {};
        return state;
    }

    std::optional<StockState> stored(const QString &ticker) const
    {
        auto found = m_repository->find(ticker);
        return found.ok() ? found.value() : std::nullopt;
    }

    int storedCount() const
    {
        auto all = m_repository->all();
        return all.ok() ? static_cast<int>(all.value().size()) : -1;
    }

    WatchlistService &service() { return *m_service; }
    Settings &settings() { return *m_settings; }
    ManualClock &clock() { return m_clock; }
    Database &database() { return *m_database; }

private:
    QTemporaryDir m_dir;
    ManualClock m_clock{toronto(2026, 3, 9, 10, 0)};
    std::unique_ptr<Database> m_database;
    std::unique_ptr<StockRepository> m_repository;
    std::unique_ptr<WatchlistService> m_service;
    std::unique_ptr<Settings> m_settings;
};

} // namespace trailguard::test
