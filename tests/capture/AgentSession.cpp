#include "AgentSession.h"

#include "ApiReply.h"
#include "OutboxUploader.h"

#include <QJsonDocument>
#include <QTimer>
#include <chrono>
#include <cstdio>

void AgentSession::addOptions(QCommandLineParser& parser)
{
    parser.addOptions(
        {{QStringLiteral("server"), QStringLiteral("Server URL."), QStringLiteral("url")},
         {QStringLiteral("user"), QStringLiteral("User name."), QStringLiteral("name")},
         {QStringLiteral("outbox"), QStringLiteral("Outbox directory."), QStringLiteral("dir")},
         {QStringLiteral("socket"), QStringLiteral("Doorbell socket path."), QStringLiteral("path")},
         {QStringLiteral("grace-ms"), QStringLiteral("Recovery grace."), QStringLiteral("ms"),
          QStringLiteral("2000")},
         {QStringLiteral("keychain-service"), QStringLiteral("Keychain service."), QStringLiteral("name"),
          QStringLiteral("mps-client")}});
}

void AgentSession::emitEvent(const QJsonObject& event)
{
    std::fputs(QJsonDocument(event).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

CaptureService::Options AgentSession::optionsFrom(const QCommandLineParser& parser)
{
    CaptureService::Options options;
    options.outboxDirectory = parser.value(QStringLiteral("outbox"));
    options.socketPath = parser.value(QStringLiteral("socket"));
    options.keychainService = parser.value(QStringLiteral("keychain-service"));
    options.recoveryGrace = std::chrono::milliseconds(parser.value(QStringLiteral("grace-ms")).toInt());
    return options;
}

AgentSession::AgentSession(QCoreApplication* app, const QCommandLineParser& parser)
    : m_app(app), m_capture(&m_api, optionsFrom(parser)), m_user(parser.value(QStringLiteral("user"))),
      m_password(qEnvironmentVariable("MPS_AGENT_PASSWORD"))
{
    m_api.setBaseUrl(QUrl(parser.value(QStringLiteral("server"))));
    m_capture.uploader()->setRetryDelays(std::chrono::milliseconds(500), std::chrono::milliseconds(2000));
    connect(&m_api, &ApiClient::sessionExpired, this,
            [this] { QTimer::singleShot(0, this, [this] { signIn(); }); });
    connect(&m_capture, &CaptureService::started, this, [this] {
        emitEvent({{QStringLiteral("event"), QStringLiteral("started")}});
        signIn();
    });
    connect(&m_capture, &CaptureService::failed, this, [this](const QString& message) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), message}});
        m_app->exit(2);
    });
    connect(m_capture.uploader(), &OutboxUploader::waitingForRoom, this,
            [](const QString& id, const QString& title, const QString& message) {
                emitEvent({{QStringLiteral("event"), QStringLiteral("waiting-for-room")},
                           {QStringLiteral("captureId"), id},
                           {QStringLiteral("title"), title},
                           {QStringLiteral("message"), message}});
            });
    connect(m_capture.uploader(), &OutboxUploader::uploadFailed, this,
            [](const QString& id, const QString& title, const QString& message, bool willRetry) {
                emitEvent({{QStringLiteral("event"), QStringLiteral("failed")},
                           {QStringLiteral("captureId"), id},
                           {QStringLiteral("title"), title},
                           {QStringLiteral("message"), message},
                           {QStringLiteral("willRetry"), willRetry}});
            });
}

void AgentSession::start()
{
    m_capture.start();
}

void AgentSession::signIn()
{
    ApiReply* reply = m_api.login(m_user, m_password);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            emitEvent({{QStringLiteral("event"), QStringLiteral("sign-in-failed")},
                       {QStringLiteral("code"), reply->errorCode()}});
            QTimer::singleShot(500, this, [this] { signIn(); });
            return;
        }
        emitEvent({{QStringLiteral("event"), QStringLiteral("signed-in")}});
    });
}
