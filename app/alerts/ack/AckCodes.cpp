#include "alerts/ack/AckCodes.h"

#include "secrets/SecretStore.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace trailguard {

namespace {
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}
} // namespace

AckCodes::AckCodes(QByteArray key)
    : m_key(std::move(key))
{
    Q_ASSERT(m_key.size() == kKeyBytes);
}

QByteArray AckCodes::mac(qint64 alertId) const
{
    const QByteArray message = "trailguard-ack:" + QByteArray::number(alertId);
    return QMessageAuthenticationCode::hash(message, m_key, QCryptographicHash::Sha256).left(kMacBytes);
}

QString AckCodes::codeFor(qint64 alertId) const
{
    return QString::number(alertId) + QLatin1Char('-') +
           QString::fromLatin1(mac(alertId).toBase64(kBase64Url));
}

std::optional<qint64> AckCodes::verify(QStringView code) const
{
    const qsizetype dash = code.indexOf(QLatin1Char('-'));
    if (dash <= 0 || code.size() - dash - 1 != 22 || dash > 18)
        return std::nullopt;
    bool isNumber = false;
    const qint64 alertId = code.left(dash).toLongLong(&isNumber);
    if (!isNumber || alertId <= 0 || code.left(dash) != QString::number(alertId))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(code.mid(dash + 1).toLatin1(),
                                                        kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != kMacBytes)
        return std::nullopt;
    if (!equalInConstantTime(decoded.decoded, mac(alertId)))
        return std::nullopt;
    return alertId;
}

QByteArray AckCodes::newKey()
{
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), kKeyBytes / 4);
    return key;
}

void AckCodes::loadOrCreate(SecretStore &store, QObject *context, std::function<void(Result<AckCodes>)> done)
{
    store.read(secretKey(), context, [&store, context, done = std::move(done)](Result<QByteArray> read) {
        if (read.ok() && read.value().size() == kKeyBytes) {
            done(AckCodes(read.value()));
            return;
        }
        if (!read.ok() && read.error().code != ErrorCode::SecretNotFound) {
            done(read.error());
            return;
        }
        // Not there yet (or not a key of ours): a new one. Codes already sent with a lost key stop working,
        // which only means those alerts are acknowledged another way.
        const QByteArray key = newKey();
        store.write(secretKey(), key, context, [key, done](Status written) {
            if (!written.ok())
                done(written.error());
            else
                done(AckCodes(key));
        });
    });
}

} // namespace trailguard
