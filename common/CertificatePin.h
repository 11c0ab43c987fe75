#pragma once
#include <QByteArray>
#include <QSslCertificate>
#include <QString>

/// The SHA-256 fingerprint of the one server certificate a client trusts (trust on first use).
/// A null pin trusts nothing beyond the system's certificate authorities.
class CertificatePin
{
public:
    /// Creates a null pin.
    CertificatePin() = default;

    /// Parses a fingerprint written as 64 hex digits, optionally separated by colons or spaces
    /// ("AB:CD:..." as mps-server and openssl print it). Returns a null pin and sets `ok` to false
    /// when `text` is not such a fingerprint; an empty `text` gives a null pin with `ok` true.
    static CertificatePin fromText(const QByteArray& text, bool* ok = nullptr);

    /// Returns the pin of `certificate` (SHA-256 over its DER encoding).
    static CertificatePin of(const QSslCertificate& certificate);

    /// Returns true when no certificate is pinned.
    bool isNull() const { return m_digest.isEmpty(); }

    /// Returns true when `certificate` is the pinned one; false for a null pin or a null certificate.
    bool matches(const QSslCertificate& certificate) const;

    /// Returns the raw 32-byte digest (empty for a null pin).
    QByteArray digest() const { return m_digest; }

    /// Returns the fingerprint for people to compare: upper-case hex pairs joined by colons.
    QString toDisplayString() const;

    bool operator==(const CertificatePin& other) const = default;

private:
    QByteArray m_digest;
};
