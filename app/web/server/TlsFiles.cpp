#include "web/server/TlsFiles.h"

#include "web/WebLogging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstring>
#include <memory>

namespace trailguard::Web {

namespace {
const QString kSelfSignedCertificateName = QStringLiteral("web-tls-certificate.pem");
const QString kSelfSignedKeyName = QStringLiteral("web-tls-key.pem");

struct OpenSslFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
    void operator()(X509 *certificate) const { X509_free(certificate); }
    void operator()(BIO *bio) const { BIO_free(bio); }
    void operator()(X509_EXTENSION *extension) const { X509_EXTENSION_free(extension); }
};
template <typename T>
using OpenSslPtr = std::unique_ptr<T, OpenSslFree>;

QByteArray bioText(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    OpenSslPtr<X509_EXTENSION> extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

// PEM texts of a new key and its self-signed certificate; empty on failure.
std::pair<QByteArray, QByteArray> makeSelfSigned(const QByteArray &subjectAltNames)
{
    OpenSslPtr<EVP_PKEY> key(EVP_EC_gen("P-256"));
    OpenSslPtr<X509> certificate(X509_new());
    if (!key || !certificate)
        return {};
    qint64 serial = 0;
    RAND_bytes(reinterpret_cast<unsigned char *>(&serial), sizeof serial);
    X509_set_version(certificate.get(), 2);
    ASN1_INTEGER_set_int64(X509_get_serialNumber(certificate.get()), serial & 0x7fffffffffffffff);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 825L * 24 * 3600);
    X509_set_pubkey(certificate.get(), key.get());
    X509_NAME *name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("Trailguard"), -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    if (!addExtension(certificate.get(), NID_subject_alt_name, subjectAltNames) ||
        !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0)
        return {};
    OpenSslPtr<BIO> keyPem(BIO_new(BIO_s_mem()));
    OpenSslPtr<BIO> certificatePem(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PrivateKey(keyPem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) ||
        !PEM_write_bio_X509(certificatePem.get(), certificate.get()))
        return {};
    return {bioText(certificatePem.get()), bioText(keyPem.get())};
}

bool writePemFile(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions)
{
    QFile::remove(path);
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) &&
           file.write(content) == content.size() && file.flush();
}

QByteArray readPemFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

QString TlsFiles::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

Result<TlsMaterial> TlsFiles::fromPem(const QByteArray &certificatePem, const QByteArray &keyPem,
                                      const QString &source)
{
    const QSslCertificate certificate(certificatePem, QSsl::Pem);
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (certificate.isNull() || key.isNull())
        return Error{ErrorCode::InvalidSetting,
                     tr("The TLS certificate or key in %1 cannot be read (PEM files expected).").arg(source)};
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return TlsMaterial{configuration, fingerprint(certificate), false};
}

Result<TlsMaterial> TlsFiles::load(const QString &certificateFile, const QString &keyFile)
{
    const QByteArray certificate = readPemFile(certificateFile);
    const QByteArray key = readPemFile(keyFile);
    if (certificate.isEmpty() || key.isEmpty())
        return Error{
            ErrorCode::InvalidSetting,
            tr("Cannot read the TLS certificate \"%1\" or key \"%2\".").arg(certificateFile, keyFile)};
    return fromPem(certificate, key, certificateFile);
}

Result<TlsMaterial> TlsFiles::selfSigned(const QString &folder, const QHostAddress &address,
                                         const QStringList &names)
{
    const QString certificateFile = QDir(folder).filePath(kSelfSignedCertificateName);
    const QString keyFile = QDir(folder).filePath(kSelfSignedKeyName);
    if (QFile::exists(certificateFile) && QFile::exists(keyFile))
        return load(certificateFile, keyFile);

    QByteArrayList altNames{"DNS:localhost", "IP:127.0.0.1", "IP:::1"};
    if (!address.isNull() && address != QHostAddress::Any && address != QHostAddress::AnyIPv4 &&
        address != QHostAddress::AnyIPv6 && !address.isLoopback())
        altNames += "IP:" + address.toString().toLatin1();
    for (const QString &name : names)
        altNames += "DNS:" + name.toLatin1();
    const auto [certificate, key] = makeSelfSigned(altNames.join(','));
    if (certificate.isEmpty() || key.isEmpty())
        return Error{ErrorCode::InvalidSetting,
                     tr("Cannot make a self-signed TLS certificate (OpenSSL failed).")};
    if (!writePemFile(keyFile, key, QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        !writePemFile(certificateFile, certificate,
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                          QFileDevice::ReadOther))
        return Error{ErrorCode::InvalidSetting,
                     tr("Cannot write the TLS certificate into \"%1\".").arg(folder)};
    qCInfo(lcWeb).noquote() << "Made a self-signed TLS certificate:"
                            << QDir::toNativeSeparators(certificateFile);
    Result<TlsMaterial> material = fromPem(certificate, key, certificateFile);
    if (material.ok())
        material.value().generated = true;
    return material;
}

} // namespace trailguard::Web
