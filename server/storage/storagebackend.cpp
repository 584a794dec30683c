// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/storagebackend.h"

#include "storage/filestorage.h"
#include "storage/s3storage.h"

#include <QFile>
#include <QSslCertificate>
#include <QUrl>
#include <QRegularExpression>
#include <QUrlQuery>

namespace slidespec::server {

StorageBackend::~StorageBackend() = default;

StorageResult<bool> StorageBackend::exists(const QString &key)
{
    auto info = stat(key);
    if (info)
        return true;
    if (info.isNotFound())
        return false;
    return info.error();
}

namespace {

StorageError configError(const QString &message)
{
    return storageError(StorageErrorKind::InvalidConfig, QStringLiteral("Storage URL: %1").arg(message));
}

StorageResult<QByteArray> readSecretFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return configError(QStringLiteral("cannot read the %1 file %2: %3").arg(what, path, file.errorString()));
    const QByteArray value = file.read(4096).trimmed();
    if (value.isEmpty())
        return configError(QStringLiteral("the %1 file %2 is empty.").arg(what, path));
    return value;
}

StorageResult<std::shared_ptr<StorageBackend>> createS3(const QUrl &url)
{
    const QUrlQuery query(url);
    const QStringList known = {QStringLiteral("region"), QStringLiteral("style"), QStringLiteral("tls"),
                               QStringLiteral("connect"), QStringLiteral("timeout"),
                               QStringLiteral("access_key_file"), QStringLiteral("secret_key_file"),
                               QStringLiteral("ca_file")};
    for (const auto &item : query.queryItems()) {
        if (!known.contains(item.first))
            return configError(QStringLiteral("unknown parameter '%1' (known: %2).").arg(item.first, known.join(u", ")));
    }

    S3Config config;
    config.host = url.host();
    if (config.host.isEmpty())
        return configError(QStringLiteral("an s3:// URL needs a host: s3://ACCESS:SECRET@host:port/bucket."));
    QString bucket = url.path(QUrl::FullyDecoded);
    if (bucket.startsWith(u'/'))
        bucket.remove(0, 1);
    if (bucket.endsWith(u'/'))
        bucket.chop(1);
    static const QRegularExpression bucketName(QStringLiteral("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"));
    if (!bucketName.match(bucket).hasMatch())
        return configError(QStringLiteral("'%1' is not a valid bucket name (3 to 63 lower-case letters, digits, "
                                          "'.' and '-'; the URL's path is the bucket).")
                               .arg(bucket));
    config.bucket = bucket;

    const QString tls = query.queryItemValue(QStringLiteral("tls"));
    if (tls.isEmpty() || tls == QLatin1String("1") || tls == QLatin1String("true"))
        config.tls = true;
    else if (tls == QLatin1String("0") || tls == QLatin1String("false"))
        config.tls = false;
    else
        return configError(QStringLiteral("tls must be 0 or 1 (got '%1').").arg(tls));
    config.port = url.port() > 0 ? quint16(url.port()) : 0;

    const QString style = query.queryItemValue(QStringLiteral("style"));
    if (style.isEmpty() || style == QLatin1String("path"))
        config.style = S3Config::Style::Path;
    else if (style == QLatin1String("virtual") || style == QLatin1String("vhost"))
        config.style = S3Config::Style::Virtual;
    else
        return configError(QStringLiteral("style must be 'path' or 'virtual' (got '%1').").arg(style));
    if (config.style == S3Config::Style::Virtual && bucket.contains(u'.') && config.tls)
        return configError(QStringLiteral("a bucket name with '.' cannot be used virtual-host-style over TLS "
                                          "(the certificate does not cover it); use style=path."));

    const QString region = query.queryItemValue(QStringLiteral("region"));
    if (!region.isEmpty())
        config.region = region;
    config.connectHost = query.queryItemValue(QStringLiteral("connect"));

    const QString caFile = query.queryItemValue(QStringLiteral("ca_file"), QUrl::FullyDecoded);
    if (!caFile.isEmpty()) {
        if (!config.tls)
            return configError(QStringLiteral("ca_file is only used with tls=1."));
        QFile file(caFile);
        if (!file.open(QIODevice::ReadOnly))
            return configError(QStringLiteral("cannot read the CA file %1: %2").arg(caFile, file.errorString()));
        config.caCertificates = QSslCertificate::fromData(file.read(1024 * 1024), QSsl::Pem);
        if (config.caCertificates.isEmpty())
            return configError(QStringLiteral("the CA file %1 holds no PEM certificate.").arg(caFile));
    }

    const QString timeout = query.queryItemValue(QStringLiteral("timeout"));
    if (!timeout.isEmpty()) {
        bool ok = false;
        const double seconds = timeout.toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600)
            return configError(QStringLiteral("timeout must be a number of seconds between 0 and 3600 (got '%1').").arg(timeout));
        config.timeoutMs = int(seconds * 1000);
    }

    // Credentials: in the URL, in files, or in the environment — in that order.
    const QString accessFile = query.queryItemValue(QStringLiteral("access_key_file"), QUrl::FullyDecoded);
    const QString secretFile = query.queryItemValue(QStringLiteral("secret_key_file"), QUrl::FullyDecoded);
    if (!url.userName().isEmpty() && (!accessFile.isEmpty() || !secretFile.isEmpty()))
        return configError(QStringLiteral("give the credentials either in the URL or in files, not both."));
    if (!url.userName().isEmpty()) {
        config.accessKey = url.userName(QUrl::FullyDecoded);
        config.secretKey = url.password(QUrl::FullyDecoded).toUtf8();
        if (config.secretKey.isEmpty())
            return configError(QStringLiteral("the URL names access key '%1' but no secret (s3://ACCESS:SECRET@...).")
                                   .arg(config.accessKey));
    } else if (!accessFile.isEmpty() || !secretFile.isEmpty()) {
        if (accessFile.isEmpty() || secretFile.isEmpty())
            return configError(QStringLiteral("give both access_key_file and secret_key_file."));
        auto access = readSecretFile(accessFile, QStringLiteral("access key"));
        if (!access)
            return access.error();
        auto secret = readSecretFile(secretFile, QStringLiteral("secret key"));
        if (!secret)
            return secret.error();
        config.accessKey = QString::fromUtf8(access.value());
        config.secretKey = secret.value();
    } else {
        config.accessKey = qEnvironmentVariable("AWS_ACCESS_KEY_ID");
        config.secretKey = qgetenv("AWS_SECRET_ACCESS_KEY");
        if (config.accessKey.isEmpty() || config.secretKey.isEmpty())
            return configError(QStringLiteral("no S3 credentials: put them in the URL (s3://ACCESS:SECRET@host/bucket), "
                                              "name files with access_key_file= and secret_key_file=, or set "
                                              "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."));
    }
    return std::shared_ptr<StorageBackend>(std::make_shared<S3Storage>(std::move(config)));
}

} // namespace

StorageResult<std::shared_ptr<StorageBackend>> createStorage(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        // Not QUrl::errorString(): it quotes the user info, secret included.
        return configError(QStringLiteral("'%1' is not a valid URL (check the host, and percent-encode '/', '@' and "
                                          "':' in the secret: '/' is %2F).")
                               .arg(redactStorageUrl(text)));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("file")) {
        if (!url.host().isEmpty() && url.host() != QLatin1String("localhost"))
            return configError(QStringLiteral("a file:// URL names a local folder: file:///var/lib/slidespec/assets "
                                              "(three slashes), not host '%1'.")
                                   .arg(url.host()));
        if (url.hasQuery())
            return configError(QStringLiteral("a file:// URL takes no parameters."));
        auto storage = FileStorage::open(url.toLocalFile());
        if (!storage)
            return storage.error();
        return std::shared_ptr<StorageBackend>(std::move(storage).value());
    }
    if (scheme == QLatin1String("s3"))
        return createS3(url);
    return configError(QStringLiteral("unknown scheme '%1': use file:///path or s3://ACCESS:SECRET@host:port/bucket.")
                           .arg(url.scheme()));
}

QString redactStorageUrl(const QString &text)
{
    QUrl url(text);
    if (url.isValid() && !url.password().isEmpty()) {
        url.setPassword(QStringLiteral("***"));
        return url.toString();
    }
    if (url.isValid())
        return text;
    // Not a URL we can parse: hide anything between "://" and "@".
    QString redacted = text;
    const qsizetype scheme = redacted.indexOf(QLatin1String("://"));
    const qsizetype at = redacted.indexOf(u'@');
    if (scheme >= 0 && at > scheme)
        redacted.replace(scheme + 3, at - scheme - 3, QStringLiteral("***"));
    return redacted;
}

} // namespace slidespec::server
