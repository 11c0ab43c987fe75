#include "JsonBody.h"

#include <QJsonDocument>

namespace {
void refuse(HttpExchange& ex, int status, const char* code, const char* message)
{
    const QJsonObject body{{QStringLiteral("error"), QString::fromLatin1(code)},
                           {QStringLiteral("message"), QString::fromLatin1(message)}};
    ex.respond(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}
} // namespace

std::optional<QJsonObject> JsonBody::read(HttpExchange& ex, qint64 maxBytes)
{
    QByteArray body;
    char buf[8192];
    for (;;) {
        const qint64 n = ex.readBody(buf, sizeof buf);
        if (n < 0) {
            ex.closeAfterResponse();
            refuse(ex, 400, "bad-request", "The request body could not be read.");
            return std::nullopt;
        }
        if (n == 0)
            break;
        body.append(buf, static_cast<qsizetype>(n));
        if (body.size() > maxBytes) {
            ex.closeAfterResponse();
            refuse(ex, 413, "too-large", "The request body is too large.");
            return std::nullopt;
        }
    }
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        refuse(ex, 400, "bad-json", "The request body is not a JSON object.");
        return std::nullopt;
    }
    return doc.object();
}
