#include "cli/OpenWatchlist.h"

namespace trailguard::Cli {

Result<std::unique_ptr<OpenWatchlist>> OpenWatchlist::open(const AppPaths &paths)
{
    auto database = Database::open(paths.databaseFile());
    if (!database.ok())
        return database.error();
    return std::unique_ptr<OpenWatchlist>(new OpenWatchlist(std::move(database).value()));
}

Result<std::unique_ptr<OpenWatchlist>> OpenWatchlist::open(const GlobalOptions &global)
{
    const Result<AppPaths> paths = dataPaths(global);
    if (!paths.ok())
        return paths.error();
    return open(paths.value());
}

OpenWatchlist::OpenWatchlist(std::unique_ptr<Database> database)
    : m_database(std::move(database))
    , m_repository(m_database->connection())
    , m_service(m_repository, m_clock)
{}

Result<AppPaths> dataPaths(const GlobalOptions &global)
{
    Result<AppPaths> paths = AppPaths::resolve(global.dataDir);
    if (!paths.ok())
        return Error{ErrorCode::DatabaseOpen, paths.error().message};
    return paths;
}

} // namespace trailguard::Cli
