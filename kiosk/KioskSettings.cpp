#include "KioskSettings.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>

bool KioskSettings::loadFile(const QString& path, QString* error)
{
    if (!QFileInfo::exists(path))
        return true;
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return false;
    }
    ini.beginGroup(QStringLiteral("kiosk"));
    if (ini.contains(QStringLiteral("server-url")))
        serverUrl = QUrl(ini.value(QStringLiteral("server-url")).toString());
    certificateSha256 =
        ini.value(QStringLiteral("certificate-sha256"), QString::fromLatin1(certificateSha256))
            .toString()
            .toLatin1();
    language = ini.value(QStringLiteral("language"), language).toString();
    idleTimeoutSecs = ini.value(QStringLiteral("idle-timeout-seconds"), idleTimeoutSecs).toInt();
    cardReader = ini.value(QStringLiteral("card-reader"), cardReader).toString();
    useFingerprintReader = ini.value(QStringLiteral("fingerprint-reader"), useFingerprintReader).toBool();
    scanner = ini.value(QStringLiteral("scanner"), scanner).toString();
    scanMaxPages = ini.value(QStringLiteral("scan-max-pages"), scanMaxPages).toInt();
    wedgeMaxGapMs = ini.value(QStringLiteral("wedge-max-gap-ms"), wedgeMaxGapMs).toInt();
    const QString input = ini.value(QStringLiteral("card-input"), QStringLiteral("auto")).toString();
    cardInput = input == QLatin1String("hex")       ? CardNumber::Input::Hex
                : input == QLatin1String("decimal") ? CardNumber::Input::Decimal
                                                    : CardNumber::Input::Auto;
    cardByteOrder = ini.value(QStringLiteral("card-byte-order")).toString() == QLatin1String("reversed")
                        ? CardNumber::ByteOrder::Reversed
                        : CardNumber::ByteOrder::AsRead;
    const QString tokenFile = ini.value(QStringLiteral("device-token-file")).toString();
    if (!tokenFile.isEmpty() && !loadDeviceToken(tokenFile, error))
        return false;
    if (idleTimeoutSecs < 5) {
        *error = QStringLiteral("idle-timeout-seconds must be 5 or more");
        return false;
    }
    return true;
}

bool KioskSettings::loadDeviceToken(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the device token file %1: %2").arg(path, f.errorString());
        return false;
    }
    deviceToken = f.readLine().trimmed();
    return true;
}

QString KioskSettings::cardNumberFor(const QString& raw) const
{
    if (cardInput == CardNumber::Input::Auto && cardByteOrder == CardNumber::ByteOrder::AsRead)
        return raw;
    const QString n = CardNumber::normalize(raw, cardInput, cardByteOrder);
    return n.isEmpty() ? raw : n;
}
