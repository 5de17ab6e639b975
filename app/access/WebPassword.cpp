#include "access/WebPassword.h"

#include "access/AccessLogging.h"
#include "access/PasswordHash.h"
#include "settings/Settings.h"

#include <QCoreApplication>

namespace trailguard {

namespace {
class WebPasswordText {
    Q_DECLARE_TR_FUNCTIONS(WebPasswordText)
};
} // namespace

WebPassword::WebPassword(Settings &settings)
    : m_settings(settings)
{}

bool WebPassword::isSet() const
{
    return !hash().isEmpty();
}

QString WebPassword::hash() const
{
    m_settings.sync();
    return m_settings.webPasswordHash();
}

QString WebPassword::problemWith(const QString &password)
{
    if (password.isEmpty())
        return WebPasswordText::tr("The password is empty.");
    if (password.size() < kMinimumLength)
        return WebPasswordText::tr("The password is too short: use at least %1 characters.")
            .arg(kMinimumLength);
    return {};
}

Status WebPassword::set(const QString &password)
{
    if (const QString problem = problemWith(password); !problem.isEmpty())
        return Error{ErrorCode::InvalidArguments, problem};
    const Result<QString> hashed = PasswordHash::hash(password.toUtf8());
    if (!hashed.ok())
        return hashed.error();
    m_settings.setWebPasswordHash(hashed.value());
    m_settings.sync();
    qCInfo(lcAccess) << "The web dashboard's password was set";
    return success();
}

bool WebPassword::verify(const QString &hash, const QString &password)
{
    return !hash.isEmpty() && PasswordHash::verify(hash, password.toUtf8());
}

Status WebPassword::applyEnvironment(const QProcessEnvironment &environment)
{
    if (!environment.contains(kEnvironmentVariable))
        return success();
    const QString password = environment.value(kEnvironmentVariable);
    if (const QString problem = problemWith(password); !problem.isEmpty())
        return Error{ErrorCode::InvalidSetting,
                     WebPasswordText::tr("%1 cannot be used: %2").arg(kEnvironmentVariable, problem)};
    // Unchanged since the last start: keep the stored hash (and its salt).
    if (verify(hash(), password))
        return success();
    return set(password);
}

} // namespace trailguard
