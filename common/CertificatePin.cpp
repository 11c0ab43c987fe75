#include "CertificatePin.h"

#include <QCryptographicHash>

namespace {
constexpr qsizetype DigestBytes = 32;
}

CertificatePin CertificatePin::fromText(const QByteArray& text, bool* ok)
{
    QByteArray hex;
    hex.reserve(text.size());
    bool valid = true;
    for (const char c : text) {
        if (c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        const bool isHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!isHex) {
            valid = false;
            break;
        }
        hex.append(c);
    }
    CertificatePin pin;
    if (valid && hex.size() == 2 * DigestBytes)
        pin.m_digest = QByteArray::fromHex(hex);
    else if (!hex.isEmpty())
        valid = false; // a wrong length is a typo, not "no pin"
    if (ok)
        *ok = valid;
    return pin;
}

CertificatePin CertificatePin::of(const QSslCertificate& certificate)
{
    CertificatePin pin;
    if (!certificate.isNull())
        pin.m_digest = certificate.digest(QCryptographicHash::Sha256);
    return pin;
}

bool CertificatePin::matches(const QSslCertificate& certificate) const
{
    return !isNull() && !certificate.isNull() && certificate.digest(QCryptographicHash::Sha256) == m_digest;
}

QString CertificatePin::toDisplayString() const
{
    return QString::fromLatin1(m_digest.toHex(':').toUpper());
}
