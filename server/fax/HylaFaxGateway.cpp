#include "HylaFaxGateway.h"

HylaFaxGateway::HylaFaxGateway(Settings settings) : m_settings(std::move(settings)) {}

QString HylaFaxGateway::name() const
{
    return QStringLiteral("hylafax");
}

bool HylaFaxGateway::submit(const FaxSubmission&, QString*, QString* error, bool* retryable)
{
    if (error)
        *error = QStringLiteral("not implemented yet");
    if (retryable)
        *retryable = true;
    return false;
}

bool HylaFaxGateway::status(const QString&, FaxGatewayStatus*, QString* error)
{
    if (error)
        *error = QStringLiteral("not implemented yet");
    return false;
}

bool HylaFaxGateway::cancel(const QString&, QString* error)
{
    if (error)
        *error = QStringLiteral("not implemented yet");
    return false;
}

bool HylaFaxGateway::findByTag(const QString&, QString*, QString* error)
{
    if (error)
        *error = QStringLiteral("not implemented yet");
    return false;
}
