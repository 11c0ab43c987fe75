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

#include "AgentSession.h"
#include "FaxController.h"
#include "FaxDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

namespace {

void emitEvent(const QJsonObject& event)
{
    AgentSession::emitEvent(event);
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
    AgentSession::addOptions(parser);
    parser.addOptions(
        {{QStringLiteral("number"), QStringLiteral("Recipient's fax number, typed into the dialog."),
          QStringLiteral("number")},
         {QStringLiteral("name"), QStringLiteral("Recipient's name."), QStringLiteral("name")}});
    parser.addHelpOption();
    parser.process(app);

    AgentSession agent(&app, parser);
    ApiClient& api = *agent.api();
    CaptureService& capture = *agent.capture();

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
    agent.start();
    return app.exec();
}
