// CaptureAgent: the tray app's capture half without a screen, for integration tests
// (tests/integration/test_capture.py). It signs in to a real mps-server with a password, then runs
// the same CaptureService the tray app runs (outbox key in the real keychain, doorbell socket,
// uploader) and reports what happens as JSON lines on stdout:
//   {"event":"started"}  {"event":"uploaded","captureId":..,"jobId":..,"name":..,"recovered":bool}
//   {"event":"accepted","captureId":..}  {"event":"failed",...}  {"event":"error","message":..}
//   {"event":"waiting-for-room","captureId":..,"title":..,"message":..} (hold-limit or spool-full)
//   {"event":"fax-draft","captureId":..,"draftId":..,"name":..,"pages":..,"recovered":bool} (a capture of
//   the "MPS Fax" queue became a draft) and {"event":"fax-draft-ready","draftId":..,"name":..}
//   (CaptureService::faxDraftReady, what the tray app opens its fax dialog on)
//
//   CaptureAgent --server URL --user NAME --outbox DIR --socket PATH [--grace-ms N]
//                [--keychain-service NAME] [--crash-after-accept]
// The password comes from $MPS_AGENT_PASSWORD. --crash-after-accept SIGKILLs the agent right after
// the server's 201, before the outbox file is removed: the worst moment for "uploaded exactly once".

#include "AgentSession.h"
#include "OutboxUploader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <csignal>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    AgentSession::addOptions(parser);
    parser.addOption({QStringLiteral("crash-after-accept"), QStringLiteral("SIGKILL after the first 201.")});
    parser.addHelpOption();
    parser.process(app);

    AgentSession agent(&app, parser);
    CaptureService& capture = *agent.capture();
    const bool crashAfterAccept = parser.isSet(QStringLiteral("crash-after-accept"));
    QObject::connect(capture.uploader(), &OutboxUploader::serverAccepted, &app,
                     [crashAfterAccept](const QString& id) {
                         AgentSession::emitEvent({{QStringLiteral("event"), QStringLiteral("accepted")},
                                                  {QStringLiteral("captureId"), id}});
                         if (crashAfterAccept)
                             std::raise(SIGKILL);
                     });
    QObject::connect(capture.uploader(), &OutboxUploader::jobUploaded, &app,
                     [](const QString& id, const QJsonObject& job, bool recovered) {
                         AgentSession::emitEvent({{QStringLiteral("event"), QStringLiteral("uploaded")},
                                                  {QStringLiteral("captureId"), id},
                                                  {QStringLiteral("jobId"), job.value(QLatin1String("id"))},
                                                  {QStringLiteral("name"), job.value(QLatin1String("name"))},
                                                  {QStringLiteral("recovered"), recovered}});
                     });
    QObject::connect(capture.uploader(), &OutboxUploader::faxDraftUploaded, &app,
                     [](const QString& id, const QJsonObject& draft, bool recovered) {
                         AgentSession::emitEvent(
                             {{QStringLiteral("event"), QStringLiteral("fax-draft")},
                              {QStringLiteral("captureId"), id},
                              {QStringLiteral("draftId"), draft.value(QLatin1String("id"))},
                              {QStringLiteral("name"), draft.value(QLatin1String("name"))},
                              {QStringLiteral("pages"), draft.value(QLatin1String("pages"))},
                              {QStringLiteral("recovered"), recovered}});
                     });
    QObject::connect(&capture, &CaptureService::faxDraftReady, &app, [](qint64 draftId, const QString& name) {
        AgentSession::emitEvent({{QStringLiteral("event"), QStringLiteral("fax-draft-ready")},
                                 {QStringLiteral("draftId"), draftId},
                                 {QStringLiteral("name"), name}});
    });
    agent.start();
    return app.exec();
}
