#include "SmtpMailer.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QUrl>
#include <QUuid>
#include <curl/curl.h>
#include <memory>
#include <mutex>

Q_LOGGING_CATEGORY(lcMail, "mps.server.mail", QtInfoMsg)

namespace {

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

/// The bare address of "Name <addr>" or "addr".
QByteArray bareAddress(const QString& mailbox)
{
    const qsizetype open = mailbox.lastIndexOf(QLatin1Char('<'));
    const qsizetype close = mailbox.lastIndexOf(QLatin1Char('>'));
    if (open >= 0 && close > open)
        return mailbox.mid(open + 1, close - open - 1).trimmed().toUtf8();
    return mailbox.trimmed().toUtf8();
}

/// True when a header value can go out as it is (printable ASCII, no line breaks).
bool isPlainAscii(const QString& s)
{
    for (QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

/// RFC 2047 encoded words ("=?UTF-8?B?...?="), each at most 75 characters and never splitting a
/// UTF-8 character, folded onto continuation lines. libcurl writes headers as given.
QByteArray encodeHeaderWords(const QString& text)
{
    if (isPlainAscii(text))
        return text.toUtf8();
    const QByteArray utf8 = text.toUtf8();
    // 75 - len("=?UTF-8?B?") - len("?=") = 63 base64 characters -> at most 45 raw bytes per word.
    constexpr qsizetype maxRaw = 45;
    QList<QByteArray> words;
    qsizetype start = 0;
    while (start < utf8.size()) {
        qsizetype end = qMin(start + maxRaw, utf8.size());
        // Back off to a character boundary: continuation bytes are 10xxxxxx.
        while (end < utf8.size() && end > start && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80)
            --end;
        words << "=?UTF-8?B?" + utf8.mid(start, end - start).toBase64() + "?=";
        start = end;
    }
    return words.join("\r\n ");
}

/// A header line's value without CR/LF (header injection through a subject or name).
QString oneLine(QString s)
{
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}

/// "Name <addr>" with the name encoded when it is not plain ASCII.
QByteArray encodeMailbox(const QString& mailbox)
{
    const qsizetype open = mailbox.lastIndexOf(QLatin1Char('<'));
    if (open <= 0)
        return bareAddress(mailbox);
    QString name = mailbox.left(open).trimmed();
    if (name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')) && name.size() >= 2)
        name = name.mid(1, name.size() - 2);
    const QByteArray encoded =
        isPlainAscii(name) ? '"' + name.toUtf8().replace('"', "'") + '"' : encodeHeaderWords(name);
    return encoded + " <" + bareAddress(mailbox) + '>';
}

/// The state libcurl's read callback needs for one attachment.
struct AttachmentReader
{
    const MailAttachment* attachment = nullptr;
    qint64 delivered = 0;
    bool failed = false;
};

size_t readAttachment(char* buffer, size_t size, size_t nitems, void* arg)
{
    auto* reader = static_cast<AttachmentReader*>(arg);
    const qint64 max = static_cast<qint64>(size * nitems);
    const qint64 got = reader->attachment->read ? reader->attachment->read(buffer, max) : -1;
    if (got < 0 || got > max) {
        reader->failed = true;
        return CURL_READFUNC_ABORT;
    }
    reader->delivered += got;
    return static_cast<size_t>(got);
}

struct CurlEasyDeleter
{
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct CurlMimeDeleter
{
    void operator()(curl_mime* m) const { curl_mime_free(m); }
};
struct CurlSlistDeleter
{
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

/// Whether a libcurl failure without an SMTP 4xx/5xx answer is worth retrying later.
bool curlErrorIsTransient(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SSL_CONNECT_ERROR: // the handshake was cut; a certificate refusal is PEER_FAILED_VERIFICATION
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_PARTIAL_FILE:
    case CURLE_AGAIN:
        return true;
    default:
        return false;
    }
}

/// True when `host` is a loopback name or address (where `starttls = off` is allowed).
bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

SmtpMailer::SmtpMailer(MailConfig config) : m_config(std::move(config)) {}

SmtpMailer::Result SmtpMailer::send(const MailMessage& message) const
{
    Result result;
    const QUrl url(m_config.url);
    const QString scheme = url.scheme().toLower();
    if (!m_config.enabled() || !url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("smtp") && scheme != QLatin1String("smtps"))) {
        result.error = QStringLiteral("no usable [mail] url (smtp://host:port or smtps://host:port)");
        return result;
    }
    const bool tlsOff = m_config.starttls.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0;
    if (tlsOff && scheme == QLatin1String("smtp") && !isLoopbackHost(url.host())) {
        result.error = QStringLiteral("[mail] starttls = off is allowed only for a loopback relay, not %1")
                           .arg(url.host());
        return result;
    }
    if (message.to.isEmpty()) {
        result.error = QStringLiteral("no recipient");
        return result;
    }
    if (m_config.from.isEmpty()) {
        result.error = QStringLiteral("no [mail] from address");
        return result;
    }
    qint64 total = message.text.toUtf8().size();
    for (const MailAttachment& a : message.attachments)
        total += qMax<qint64>(0, a.size);
    const qint64 limit = qint64(qMax(1, m_config.maxMessageMb)) * 1024 * 1024;
    if (total > limit) {
        result.error = QStringLiteral("message of %1 bytes is larger than [mail] max-message-mb (%2 MB)")
                           .arg(total)
                           .arg(m_config.maxMessageMb);
        return result;
    }

    QByteArray password;
    if (!m_config.user.isEmpty()) {
        QFile file(m_config.passwordFile);
        if (m_config.passwordFile.isEmpty() || !file.open(QIODevice::ReadOnly)) {
            result.error =
                QStringLiteral("cannot read the [mail] password-file %1").arg(m_config.passwordFile);
            return result;
        }
        password = file.readAll();
        while (password.endsWith('\n') || password.endsWith('\r'))
            password.chop(1);
    }

    initCurlOnce();
    std::unique_ptr<CURL, CurlEasyDeleter> curl(curl_easy_init());
    if (!curl) {
        result.error = QStringLiteral("libcurl could not start");
        result.retryable = true;
        return result;
    }
    CURL* c = curl.get();
    char errorBuffer[CURL_ERROR_SIZE] = {};

    // The URL without any user:password someone may have written into it (never sent to logs).
    QUrl cleanUrl = url;
    cleanUrl.setUserInfo(QString());
    const QByteArray urlBytes = cleanUrl.toString(QUrl::FullyEncoded).toUtf8();
    const QByteArray fromAddress = '<' + bareAddress(m_config.from) + '>';
    curl_easy_setopt(c, CURLOPT_URL, urlBytes.constData());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, fromAddress.constData());
    curl_easy_setopt(
        c, CURLOPT_USE_SSL,
        static_cast<long>(tlsOff && scheme == QLatin1String("smtp") ? CURLUSESSL_NONE : CURLUSESSL_ALL));
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    const QByteArray caFile = QFile::encodeName(m_config.caFile);
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    const QByteArray user = m_config.user.toUtf8();
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    }
    const long timeout = qMax(1, m_config.timeoutSeconds);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
    curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout);
    // A stalled transfer ends after `timeout` seconds below 1 byte/s; a large attachment over a slow
    // link is not cut by an overall limit.
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, timeout);

    std::unique_ptr<curl_slist, CurlSlistDeleter> recipients;
    QStringList toHeader;
    for (const QString& to : message.to) {
        const QByteArray rcpt = '<' + bareAddress(to) + '>';
        recipients.reset(curl_slist_append(recipients.release(), rcpt.constData()));
        toHeader << QString::fromUtf8(bareAddress(to));
    }
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());

    const QByteArray domain = bareAddress(m_config.from).mid(bareAddress(m_config.from).indexOf('@') + 1);
    const QByteArray messageId = '<' + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + '@' +
                                 (domain.isEmpty() ? QByteArray("mps") : domain) + '>';
    const QList<QByteArray> headerLines = {
        "Date: " + QDateTime::currentDateTime().toString(Qt::RFC2822Date).toLatin1(),
        "From: " + encodeMailbox(oneLine(m_config.from)),
        "To: " + toHeader.join(QStringLiteral(", ")).toUtf8(),
        "Subject: " + encodeHeaderWords(oneLine(message.subject)),
        "Message-ID: " + messageId,
    };
    std::unique_ptr<curl_slist, CurlSlistDeleter> headers;
    for (const QByteArray& line : headerLines)
        headers.reset(curl_slist_append(headers.release(), line.constData()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

    std::unique_ptr<curl_mime, CurlMimeDeleter> mime(curl_mime_init(c));
    const QByteArray text = message.text.toUtf8();
    curl_mimepart* textPart = curl_mime_addpart(mime.get());
    curl_mime_data(textPart, text.constData(), static_cast<size_t>(text.size()));
    curl_mime_type(textPart, "text/plain; charset=utf-8");
    curl_mime_encoder(textPart, "quoted-printable");

    // Readers live until curl_easy_perform returns; the list is sized first so that no pointer moves.
    std::vector<AttachmentReader> readers(static_cast<size_t>(message.attachments.size()));
    QList<QByteArray> fileNames;
    for (qsizetype i = 0; i < message.attachments.size(); ++i) {
        const MailAttachment& a = message.attachments.at(i);
        AttachmentReader& reader = readers[static_cast<size_t>(i)];
        reader.attachment = &a;
        curl_mimepart* part = curl_mime_addpart(mime.get());
        curl_mime_data_cb(part, static_cast<curl_off_t>(a.size), readAttachment, nullptr, nullptr, &reader);
        curl_mime_type(part, a.mimeType.isEmpty() ? "application/octet-stream" : a.mimeType.constData());
        fileNames << oneLine(a.fileName).toUtf8().replace('"', "'");
        curl_mime_filename(part, fileNames.last().constData());
        curl_mime_encoder(part, "base64");
    }
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);

    const CURLcode code = curl_easy_perform(c);
    long response = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response);
    result.smtpCode = static_cast<int>(response);
    const QString host = url.host();
    if (code == CURLE_OK) {
        result.ok = true;
        qCInfo(lcMail) << "mail" << messageId << "to" << toHeader.size() << "recipient(s) accepted by" << host
                       << "with" << result.smtpCode;
        return result;
    }
    bool readFailed = false;
    for (const AttachmentReader& r : readers)
        readFailed = readFailed || r.failed;
    const QString detail =
        errorBuffer[0] ? QString::fromUtf8(errorBuffer) : QString::fromUtf8(curl_easy_strerror(code));
    if (readFailed) {
        result.error = QStringLiteral("an attachment could not be read: %1").arg(detail);
        result.retryable = false;
    } else if (response >= 400 && response < 500) {
        result.error = QStringLiteral("%1 answered %2 (temporary): %3").arg(host).arg(response).arg(detail);
        result.retryable = true;
    } else if (response >= 500) {
        result.error = QStringLiteral("%1 refused with %2: %3").arg(host).arg(response).arg(detail);
        result.retryable = false;
    } else {
        result.error = QStringLiteral("%1: %2").arg(host, detail);
        result.retryable = curlErrorIsTransient(code);
    }
    qCWarning(lcMail) << "mail to" << toHeader.size() << "recipient(s) through" << host
                      << "failed:" << result.error
                      << (result.retryable ? "(will be retried)" : "(permanent)");
    return result;
}
