// CaptureAgent: the tray app's capture half without a screen, for integration tests
// (tests/integration/test_capture.py). It signs in to a real mps-server with a password, then runs
// the same CaptureService the tray app runs (outbox key in the real keychain, doorbell socket,
// uploader) and reports what happens as JSON lines on stdout:
//   {"event":"started"}  {"event":"uploaded","captureId":..,"jobId":..,"name":..,"recovered":bool}
//   {"event":"accepted","captureId":..}  {"event":"failed",...}  {"event":"error","message":..}
//   {"event":"fax-draft","captureId":..,"draftId":..,"name":..,"pages":..,"recovered":bool} (a capture of
//   the "MPS Fax" queue became a draft) and {"event":"fax-draft-ready","draftId":..,"name":..}
//   (CaptureService::faxDraftReady, what the tray app opens its fax dialog on)
//
//   CaptureAgent --server URL --user NAME --outbox DIR --socket PATH [--grace-ms N]
//                [--keychain-service NAME] [--crash-after-accept]
// The password comes from $MPS_AGENT_PASSWORD. --crash-after-accept SIGKILLs the agent right after
// the server's 201, before the outbox file is removed: the worst moment for "uploaded exactly once".

#include "ApiClient.h"
#include "CaptureService.h"
#include "OutboxUploader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>
#include <csignal>
#include <cstdio>

namespace {

void emitEvent(const QJsonObject& event)
{
    std::fputs(QJsonDocument(event).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("server"), QStringLiteral("Server URL."), QStringLiteral("url")},
         {QStringLiteral("user"), QStringLiteral("User name."), QStringLiteral("name")},
         {QStringLiteral("outbox"), QStringLiteral("Outbox directory."), QStringLiteral("dir")},
         {QStringLiteral("socket"), QStringLiteral("Doorbell socket path."), QStringLiteral("path")},
         {QStringLiteral("grace-ms"), QStringLiteral("Recovery grace."), QStringLiteral("ms"),
          QStringLiteral("2000")},
         {QStringLiteral("keychain-service"), QStringLiteral("Keychain service."), QStringLiteral("name"),
          QStringLiteral("mps-client")},
         {QStringLiteral("crash-after-accept"), QStringLiteral("SIGKILL after the first 201.")}});
    parser.addHelpOption();
    parser.process(app);

    ApiClient api;
    api.setBaseUrl(QUrl(parser.value(QStringLiteral("server"))));
    CaptureService::Options options;
    options.outboxDirectory = parser.value(QStringLiteral("outbox"));
    options.socketPath = parser.value(QStringLiteral("socket"));
    options.keychainService = parser.value(QStringLiteral("keychain-service"));
    options.recoveryGrace = std::chrono::milliseconds(parser.value(QStringLiteral("grace-ms")).toInt());
    CaptureService capture(&api, options);
    capture.uploader()->setRetryDelays(std::chrono::milliseconds(500), std::chrono::milliseconds(2000));

    const QString user = parser.value(QStringLiteral("user"));
    const QString password = qEnvironmentVariable("MPS_AGENT_PASSWORD");
    // Signs in, and again whenever the session ends or the server could not be reached.
    std::function<void()> signIn = [&] {
        ApiReply* reply = api.login(user, password);
        QObject::connect(reply, &ApiReply::finished, &app, [&, reply] {
            reply->deleteLater();
            if (!reply->ok()) {
                emitEvent({{QStringLiteral("event"), QStringLiteral("sign-in-failed")},
                           {QStringLiteral("code"), reply->errorCode()}});
                QTimer::singleShot(500, &app, signIn);
                return;
            }
            emitEvent({{QStringLiteral("event"), QStringLiteral("signed-in")}});
        });
    };
    QObject::connect(&api, &ApiClient::sessionExpired, &app, [&] { QTimer::singleShot(0, &app, signIn); });

    QObject::connect(&capture, &CaptureService::started, &app, [&] {
        emitEvent({{QStringLiteral("event"), QStringLiteral("started")}});
        signIn();
    });
    QObject::connect(&capture, &CaptureService::failed, &app, [&](const QString& message) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), message}});
        app.exit(2);
    });
    const bool crashAfterAccept = parser.isSet(QStringLiteral("crash-after-accept"));
    QObject::connect(capture.uploader(), &OutboxUploader::serverAccepted, &app,
                     [crashAfterAccept](const QString& id) {
                         emitEvent({{QStringLiteral("event"), QStringLiteral("accepted")},
                                    {QStringLiteral("captureId"), id}});
                         if (crashAfterAccept)
                             std::raise(SIGKILL);
                     });
    QObject::connect(capture.uploader(), &OutboxUploader::jobUploaded, &app,
                     [](const QString& id, const QJsonObject& job, bool recovered) {
                         emitEvent({{QStringLiteral("event"), QStringLiteral("uploaded")},
                                    {QStringLiteral("captureId"), id},
                                    {QStringLiteral("jobId"), job.value(QLatin1String("id"))},
                                    {QStringLiteral("name"), job.value(QLatin1String("name"))},
                                    {QStringLiteral("recovered"), recovered}});
                     });
    QObject::connect(capture.uploader(), &OutboxUploader::faxDraftUploaded, &app,
                     [](const QString& id, const QJsonObject& draft, bool recovered) {
                         emitEvent({{QStringLiteral("event"), QStringLiteral("fax-draft")},
                                    {QStringLiteral("captureId"), id},
                                    {QStringLiteral("draftId"), draft.value(QLatin1String("id"))},
                                    {QStringLiteral("name"), draft.value(QLatin1String("name"))},
                                    {QStringLiteral("pages"), draft.value(QLatin1String("pages"))},
                                    {QStringLiteral("recovered"), recovered}});
                     });
    QObject::connect(&capture, &CaptureService::faxDraftReady, &app, [](qint64 draftId, const QString& name) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("fax-draft-ready")},
                   {QStringLiteral("draftId"), draftId},
                   {QStringLiteral("name"), name}});
    });
    QObject::connect(capture.uploader(), &OutboxUploader::uploadFailed, &app,
                     [](const QString& id, const QString& title, const QString& message, bool willRetry) {
                         emitEvent({{QStringLiteral("event"), QStringLiteral("failed")},
                                    {QStringLiteral("captureId"), id},
                                    {QStringLiteral("title"), title},
                                    {QStringLiteral("message"), message},
                                    {QStringLiteral("willRetry"), willRetry}});
                     });
    capture.start();
    return app.exec();
}
