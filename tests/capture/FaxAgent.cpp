// FaxAgent: the tray app's fax-from-print path without a screen, for the end-to-end fax tests
// (tests/integration/test_fax_e2e.py). It signs in to a real mps-server with a password, runs the
// same CaptureService the tray app runs (outbox key in the real keychain, doorbell socket, uploader)
// and, on CaptureService::faxDraftReady, opens the tray app's real FaxDialog (offscreen) on the
// draft, types the recipient's number into it and clicks Send, as a person would. It reports what
// happens as JSON lines on stdout:
//   {"event":"started"}  {"event":"signed-in"}  {"event":"fax-draft-ready","draftId":..,"name":..}
//   {"event":"dialog-ready","draftId":..,"pages":..}   (the dialog can send: the number is typed next)
//   {"event":"send-clicked","draftId":..}  {"event":"fax-sent","draftId":..,"faxes":[fax JSON...]}
//   {"event":"fax-error","code":..,"message":..}  {"event":"failed",...}  {"event":"error","message":..}
//
//   FaxAgent --server URL --user NAME --outbox DIR --socket PATH --number NUMBER [--name NAME]
//            [--grace-ms N] [--keychain-service NAME]
// The password comes from $MPS_AGENT_PASSWORD. Run with QT_QPA_PLATFORM=offscreen.

#include "ApiClient.h"
#include "CaptureService.h"
#include "FaxController.h"
#include "FaxDialog.h"
#include "OutboxUploader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <cstdio>
#include <functional>

namespace {

void emitEvent(const QJsonObject& event)
{
    std::fputs(QJsonDocument(event).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

/// Drives one FaxDialog: once it can send, types the number (and name) and clicks Send.
class DialogDriver : public QObject
{
public:
    DialogDriver(FaxDialog* dialog, qint64 draftId, const QString& number, const QString& name)
        : QObject(dialog), m_dialog(dialog), m_draftId(draftId), m_number(number), m_name(name)
    {
        FaxController* controller = dialog->controller();
        connect(controller, &FaxController::stateChanged, this, [this] { maybeSend(); });
        connect(controller, &FaxController::settingsChanged, this, [this] { maybeSend(); });
        connect(controller, &FaxController::errorOccurred, this,
                [](const QString& message, const QString& code, const QJsonObject&) {
                    emitEvent({{QStringLiteral("event"), QStringLiteral("fax-error")},
                               {QStringLiteral("code"), code},
                               {QStringLiteral("message"), message}});
                });
        connect(dialog, &FaxDialog::faxSent, this, [this](const QJsonArray& faxes) {
            emitEvent({{QStringLiteral("event"), QStringLiteral("fax-sent")},
                       {QStringLiteral("draftId"), m_draftId},
                       {QStringLiteral("faxes"), faxes},
                       {QStringLiteral("status"), m_dialog->statusText()}});
        });
    }

private:
    void maybeSend()
    {
        auto* send = m_dialog->findChild<QPushButton*>(QStringLiteral("send"));
        if (m_clicked || !send || !send->isEnabled())
            return;
        auto* number = m_dialog->findChild<QLineEdit*>(QStringLiteral("recipientNumber"));
        auto* name = m_dialog->findChild<QLineEdit*>(QStringLiteral("recipientName"));
        if (!number) {
            emitEvent({{QStringLiteral("event"), QStringLiteral("error")},
                       {QStringLiteral("message"), QStringLiteral("the fax dialog has no recipientNumber")}});
            return;
        }
        m_clicked = true;
        emitEvent({{QStringLiteral("event"), QStringLiteral("dialog-ready")},
                   {QStringLiteral("draftId"), m_dialog->controller()->draftId()},
                   {QStringLiteral("pages"), m_dialog->controller()->pages()}});
        if (name && !m_name.isEmpty())
            QTest::keyClicks(name, m_name);
        QTest::keyClicks(number, m_number);
        QTest::mouseClick(send, Qt::LeftButton);
        emitEvent({{QStringLiteral("event"), QStringLiteral("send-clicked")},
                   {QStringLiteral("draftId"), m_draftId},
                   {QStringLiteral("status"), m_dialog->statusText()}});
    }

    FaxDialog* m_dialog;
    qint64 m_draftId;
    QString m_number;
    QString m_name;
    bool m_clicked = false;
};

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("server"), QStringLiteral("Server URL."), QStringLiteral("url")},
         {QStringLiteral("user"), QStringLiteral("User name."), QStringLiteral("name")},
         {QStringLiteral("outbox"), QStringLiteral("Outbox directory."), QStringLiteral("dir")},
         {QStringLiteral("socket"), QStringLiteral("Doorbell socket path."), QStringLiteral("path")},
         {QStringLiteral("number"), QStringLiteral("Recipient's fax number, typed into the dialog."),
          QStringLiteral("number")},
         {QStringLiteral("name"), QStringLiteral("Recipient's name."), QStringLiteral("name")},
         {QStringLiteral("grace-ms"), QStringLiteral("Recovery grace."), QStringLiteral("ms"),
          QStringLiteral("2000")},
         {QStringLiteral("keychain-service"), QStringLiteral("Keychain service."), QStringLiteral("name"),
          QStringLiteral("mps-client")}});
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
    QObject::connect(capture.uploader(), &OutboxUploader::uploadFailed, &app,
                     [](const QString& id, const QString& title, const QString& message, bool willRetry) {
                         emitEvent({{QStringLiteral("event"), QStringLiteral("failed")},
                                    {QStringLiteral("captureId"), id},
                                    {QStringLiteral("title"), title},
                                    {QStringLiteral("message"), message},
                                    {QStringLiteral("willRetry"), willRetry}});
                     });

    // What the tray app does on faxDraftReady: the fax dialog on that draft.
    const QString number = parser.value(QStringLiteral("number"));
    const QString name = parser.value(QStringLiteral("name"));
    QObject::connect(&capture, &CaptureService::faxDraftReady, &app,
                     [&api, number, name](qint64 draftId, const QString& draftName) {
                         emitEvent({{QStringLiteral("event"), QStringLiteral("fax-draft-ready")},
                                    {QStringLiteral("draftId"), draftId},
                                    {QStringLiteral("name"), draftName}});
                         auto* dialog = new FaxDialog(&api, draftId);
                         dialog->setAttribute(Qt::WA_DeleteOnClose);
                         new DialogDriver(dialog, draftId, number, name);
                         dialog->show();
                     });
    capture.start();
    return app.exec();
}
