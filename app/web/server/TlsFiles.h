#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

namespace trailguard::Web {

// The dashboard's TLS certificate and key: files the user names, or a self-signed pair made on first use in
// the data folder (web-tls-certificate.pem, web-tls-key.pem, the key readable by its owner only) and kept
// for the next starts, so a pinned fingerprint stays valid.
struct TlsMaterial {
    QSslConfiguration configuration;
    QString fingerprint; // SHA-256 of the certificate, "AB:CD:…"
    bool generated = false;
};

class TlsFiles {
    Q_DECLARE_TR_FUNCTIONS(TlsFiles)
public:
    static Result<TlsMaterial> load(const QString &certificateFile, const QString &keyFile);
    // Reuses the pair in `folder` when there is one, else makes it: an ECDSA P-256 key and a certificate for
    // localhost, 127.0.0.1, ::1, `address` (unless a wildcard) and `names`, valid 825 days.
    static Result<TlsMaterial> selfSigned(const QString &folder, const QHostAddress &address,
                                          const QStringList &names);
    static QString fingerprint(const QSslCertificate &certificate);

private:
    static Result<TlsMaterial> fromPem(const QByteArray &certificate, const QByteArray &key,
                                       const QString &source);
};

} // namespace trailguard::Web
