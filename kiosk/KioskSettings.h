#pragma once
#include "CardNumber.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

/// The kiosk's configuration: one table of keys and defaults, read from an INI file
/// (/etc/mps/kiosk.conf by default) and overridden by the command line.
///
/// Keys (INI, section [kiosk]): server-url, device-token-file, certificate-sha256, language (ko|en),
/// idle-timeout-seconds (30), card-reader (name prefix, empty: first), card-input (auto|hex|decimal),
/// card-byte-order (as-read|reversed), wedge-max-gap-ms (200), fingerprint-reader (true: the first
/// libfprint sensor found), scanner (a SANE device name, e.g. airscan:e0:MFP; empty: no scanning),
/// scan-max-pages (100). The device token is a secret: it is
/// read from a root-only file (or $MPS_KIOSK_DEVICE_TOKEN), never from the command line.
struct KioskSettings
{
    QUrl serverUrl;
    QByteArray deviceToken;
    QByteArray certificateSha256;
    QString language = QStringLiteral("ko");
    int idleTimeoutSecs = 30;
    QString cardReader;
    bool useCardReader = true;
    bool useFingerprintReader = true;
    CardNumber::Input cardInput = CardNumber::Input::Auto;
    CardNumber::ByteOrder cardByteOrder = CardNumber::ByteOrder::AsRead;
    int wedgeMaxGapMs = 200;
    QString scanner;
    int scanMaxPages = 100;

    /// Reads `path` (INI) over the defaults. Returns false with `error` when the file exists but
    /// cannot be read or a value is invalid.
    [[nodiscard]] bool loadFile(const QString& path, QString* error);
    /// Reads the device token from `path` (first line). Returns false with `error` when unreadable.
    [[nodiscard]] bool loadDeviceToken(const QString& path, QString* error);
    /// Returns the card number to send for `raw` as read: as is by default (the server normalises),
    /// normalised on the kiosk when the reader needs a decimal/hex or byte-order override.
    QString cardNumberFor(const QString& raw) const;
};
