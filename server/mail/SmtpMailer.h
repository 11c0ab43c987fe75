#pragma once
#include "MailConfig.h"
#include "MailMessage.h"

#include <QString>

/// Sends mail through the configured SMTP relay with libcurl (docs/devices.md, "Mail"): STARTTLS
/// required unless `starttls = off`, smtps:// for implicit TLS, AUTH with the password from
/// `password-file` (read at each send, never logged), the server verified against `ca-file`.
/// MIME parts are built with curl_mime; attachments are streamed through their read callbacks, so
/// memory does not grow with their size. Stateless between sends: one SmtpMailer may be shared by
/// threads, each send() is independent.
class SmtpMailer
{
public:
    /// The outcome of one send.
    struct Result
    {
        bool ok = false; ///< the relay accepted the message for every recipient
        bool retryable =
            false;        ///< a temporary failure (connection, timeout, TLS handshake cut, 4xx): try later
        int smtpCode = 0; ///< the relay's last reply code (250 on success); 0 when none came
        QString error;    ///< what went wrong, in English for logs and admins (no secrets)
    };

    /// A mailer for the relay `config` describes.
    explicit SmtpMailer(MailConfig config);

    /// Sends `message` to its recipients and returns how it went. Blocking (up to the configured
    /// timeout): call from a worker thread, never from a request or monitor thread.
    Result send(const MailMessage& message) const;

    /// The configuration this mailer uses.
    const MailConfig& config() const { return m_config; }

private:
    MailConfig m_config;
};
