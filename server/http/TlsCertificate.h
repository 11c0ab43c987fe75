#pragma once
#include <QString>
#include <QStringList>

/// Self-signed TLS certificate for a fresh server (ECDSA P-256, 10 years, SANs for the given names).
namespace TlsCertificate {
/// Writes `certPath` (0644) and `keyPath` (0600) unless both exist. Returns false with `error` set on
/// failure.
[[nodiscard]] bool ensureSelfSigned(const QString& certPath, const QString& keyPath, const QStringList& names,
                                    QString* error);
/// Returns the SHA-256 fingerprint of the PEM certificate at `certPath` as colon-separated hex.
QString fingerprint(const QString& certPath);
} // namespace TlsCertificate
