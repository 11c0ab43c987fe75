#pragma once
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

/// One attachment, streamed: `read` is called with a buffer until it returns 0 (end) or -1 (error),
/// so the attachment is never whole in memory. It is read once per SmtpMailer::send() from its
/// beginning: build a new reader (or a new MailMessage) for every attempt.
struct MailAttachment
{
    QString fileName;    ///< the name the recipient sees, e.g. "scan-20261203-0944.pdf"
    QByteArray mimeType; ///< e.g. "application/pdf"
    qint64 size = 0;     ///< bytes `read` will deliver in total
    std::function<qint64(char* buf, qint64 max)> read; ///< fills at most `max` bytes; 0 at end, -1 error
};

/// One mail: UTF-8 subject and plain-text body (both languages in one text where it is for people),
/// any number of streamed attachments. The sender is the [mail] `from`.
struct MailMessage
{
    QStringList to; ///< bare addresses ("kim@city.go.kr")
    QString subject;
    QString text;
    QList<MailAttachment> attachments;
};
