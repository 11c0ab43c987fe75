#include "TlsCertificate.h"

#include "Log.h"

#include <QFile>
#include <memory>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

namespace TlsCertificate {

namespace {
template <typename T, void (*F)(T*)> struct Deleter
{
    void operator()(T* p) const { F(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
} // namespace

bool ensureSelfSigned(const QString& certPath, const QString& keyPath, const QStringList& names,
                      QString* error)
{
    if (QFile::exists(certPath) && QFile::exists(keyPath))
        return true;
    PKeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr cert(X509_new());
    if (!key || !cert) {
        *error = QStringLiteral("cannot generate a TLS key");
        return false;
    }
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* subject = X509_get_subject_name(cert.get());
    const QByteArray cn = names.value(0, QStringLiteral("localhost")).toUtf8();
    X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("MPS"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), subject);
    QStringList sans;
    for (const QString& n : names) {
        const bool ip = n.contains(QLatin1Char(':')) || n.front().isDigit();
        sans << (ip ? QStringLiteral("IP:") : QStringLiteral("DNS:")) + n;
    }
    const QByteArray sanText = sans.join(QLatin1Char(',')).toUtf8();
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    if (X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, sanText.constData())) {
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (!X509_sign(cert.get(), key.get(), EVP_sha256())) {
        *error = QStringLiteral("cannot sign the TLS certificate");
        return false;
    }
    const QByteArray kp = QFile::encodeName(keyPath);
    const mode_t old = ::umask(077);
    BioPtr kb(BIO_new_file(kp.constData(), "w"));
    ::umask(old);
    if (!kb || !PEM_write_bio_PrivateKey(kb.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)) {
        *error = QStringLiteral("cannot write %1").arg(keyPath);
        return false;
    }
    kb.reset();
    ::chmod(kp.constData(), 0600);
    BioPtr cb(BIO_new_file(QFile::encodeName(certPath).constData(), "w"));
    if (!cb || !PEM_write_bio_X509(cb.get(), cert.get())) {
        *error = QStringLiteral("cannot write %1").arg(certPath);
        return false;
    }
    qCInfo(lcHttp) << "created a self-signed TLS certificate" << certPath;
    return true;
}

QString fingerprint(const QString& certPath)
{
    BioPtr b(BIO_new_file(QFile::encodeName(certPath).constData(), "r"));
    if (!b)
        return {};
    X509Ptr cert(PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr));
    if (!cert)
        return {};
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    X509_digest(cert.get(), EVP_sha256(), md, &len);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(md), static_cast<qsizetype>(len)).toHex(':').toUpper());
}

} // namespace TlsCertificate
