#pragma once
#include "HttpServer.h"

#include <QJsonObject>
#include <optional>

/// Reading a JSON object request body for the REST handlers, with the API's refusals (docs/api.md).
namespace JsonBody {
/// Reads the whole body (at most `maxBytes`) as a JSON object; an empty body is an empty object.
/// On failure the answer is already sent (400 bad-request when the body broke off, 413 too-large,
/// 400 bad-json when it is not a JSON object) and nullopt is returned.
std::optional<QJsonObject> read(HttpExchange& ex, qint64 maxBytes = 256 * 1024);
} // namespace JsonBody
