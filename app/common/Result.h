#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace trailguard {

// What kind of failure happened; the UI turns codes into words, the message carries the details.
enum class ErrorCode {
    InvalidTicker,
    InvalidRatio,
    InvalidPrice,
    DuplicateTicker,
    UnknownTicker,
    InvalidSetting,
    DatabaseOpen,
    DatabaseTooNew,
    DatabaseQuery,
    InvalidArguments,
    // secrets
    SecretNotFound,
    SecretStoreUnavailable,
    SecretStoreFailed,
    // broker
    NotConfigured, // no refresh token yet
    AuthRejected,  // the refresh token was refused: the user must reconnect
    NetworkError,
    Timeout,
    RateLimited,
    ServerError,     // 5xx or Questrade back-end codes 1007-1011, 1021
    RequestRejected, // other 4xx
    RequestTooLong,  // 413/414 or Questrade's 1003/1005: the same request split in parts would pass
    MalformedResponse,
    SymbolNotFound,
    AccountNotFound,   // 1018: the account number is unknown (closed, or of another login)
    MissingPermission, // 1016: the Questrade app lacks a permission (market data) the call needs
    // history and strategies
    InvalidCsv,       // a price file that cannot be read; the message names the first bad line
    InvalidStrategy,  // a stop-loss strategy spec that cannot be used
    InvalidIndicator, // an indicator or alert-rule spec that cannot be used
};

struct Error {
    ErrorCode code;
    QString message; // translated, says what is wrong and what to do
};

// A value or an Error. Synchronous core calls that can fail return one of these.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(Error error)
        : m_data(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    // By value, so `for (x : call().value())` never dangles.
    T value() && { return std::get<T>(std::move(m_data)); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For operations that produce no value.
struct Done {};
using Status = Result<Done>;
inline Status success()
{
    return Done{};
}

} // namespace trailguard
