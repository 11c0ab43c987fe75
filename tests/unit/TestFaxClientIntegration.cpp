// The tray's fax windows against the real mps-server (TLS, its own data directory, a HylaFAX gateway
// configured at a port where nothing listens, so faxes stay queued): upload a document as a draft
// and see its real pages, add a cover page, keep a phone book entry, send, follow the fax in Sent
// faxes through the push channel and cancel it; a number the server refuses is named in words;
// closing without sending deletes the draft; the fax inbox when the server has it.
#include "ApiClient.h"
#include "ApiReply.h"
#include "EventStream.h"
#include "FaxContactModel.h"
#include "FaxDialog.h"
#include "FaxInboxModel.h"
#include "FaxPagePreview.h"
#include "FaxRecipientModel.h"
#include "FaxRecipientsPanel.h"
#include "FaxText.h"
#include "SentFaxModel.h"
#include "ServerProcess.h"
#include "Translations.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {
const QString User = QStringLiteral("park");
const QString Password = QStringLiteral("Correct-Horse-7");

// A two-page PDF with big page numbers, drawn here.
bool writeDocument(const QString& path)
{
    QPdfWriter writer(path);
    writer.setResolution(150);
    QPainter p;
    if (!p.begin(&writer))
        return false;
    for (int page = 1; page <= 2; ++page) {
        if (page > 1)
            writer.newPage();
        QFont font;
        font.setPointSize(120);
        p.setFont(font);
        p.drawText(QRect(0, 0, 1000, 1000), Qt::AlignCenter, QString::number(page));
    }
    return p.end();
}
} // namespace

class TestFaxClientIntegration : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    ApiClient* m_api = nullptr;
    EventStream* m_events = nullptr;
    QJsonObject m_me;
    QString m_document;

    bool admin(const QStringList& args, const QByteArray& input = {})
    {
        QString output;
        if (m_server->admin(args, input, &output) != 0) {
            qWarning() << "mps-admin" << args << "failed:" << output;
            return false;
        }
        return true;
    }

    FaxDialog* uploadedDialog()
    {
        auto* dialog = new FaxDialog(m_api, m_me);
        dialog->show();
        dialog->uploadFile(m_document);
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(QStringLiteral(MPS_BUILD_DIR));
        m_document = m_dir.filePath(QStringLiteral("contract.pdf"));
        QVERIFY(writeDocument(m_document));
        QVERIFY(admin({QStringLiteral("user"), QStringLiteral("add"), User, QStringLiteral("--department"),
                       QStringLiteral("Finance"), QStringLiteral("--password-stdin")},
                      Password.toUtf8() + '\n'));
        // A gateway where nothing listens: sends are accepted and stay queued, so they can be followed
        // and cancelled (the real fax loop is tests/integration/test_fax_e2e.py, as root).
        const QString passwordFile = m_dir.filePath(QStringLiteral("fax-password"));
        QFile pw(passwordFile);
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("secret\n");
        pw.close();
        const quint16 gatewayPort = ServerProcess::freePort();
        QVERIFY(gatewayPort > 0);
        m_server->setExtraArguments({QStringLiteral("--fax-gateway"), QStringLiteral("hylafax"),
                                     QStringLiteral("--fax-host"), QStringLiteral("127.0.0.1"),
                                     QStringLiteral("--fax-port"), QString::number(gatewayPort),
                                     QStringLiteral("--fax-password-file"), passwordFile});
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));

        m_api = new ApiClient;
        m_api->setBaseUrl(m_server->baseUrl());
        QVERIFY(m_api->setPinnedCertificateSha256(m_server->certificateSha256Hex()));
        ApiReply* login = m_api->login(User, Password);
        QTRY_VERIFY_WITH_TIMEOUT(login->isFinished(), 15000);
        QVERIFY2(login->ok(), qPrintable(login->errorMessage()));
        m_me = login->json().value(QLatin1String("user")).toObject();
        login->deleteLater();
        m_events = new EventStream(m_api);
        m_events->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_events->isConnected(), 15000);
    }

    void cleanupTestCase()
    {
        for (QWidget* w : QApplication::topLevelWidgets())
            delete w;
        delete m_events;
        delete m_api;
        m_server.reset();
    }

    void settingsFromTheServer()
    {
        FaxDialog dialog(m_api, m_me);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.controller()->settings().isEmpty(), 15000);
        QVERIFY(dialog.controller()->faxEnabled());
        QCOMPARE(dialog.controller()->extensionDigits(), 4);
        QVERIFY(dialog.controller()->maxRecipients() > 0);
    }

    void sendFollowAndCancel()
    {
        FaxDialog* dialog = uploadedDialog();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->controller()->state(), FaxController::State::Ready, 60000);
        QCOMPARE(dialog->controller()->pages(), 2);
        // The server's own renderings of both pages.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->preview()->thumbnailsLoaded(), 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->preview()->currentImage().isNull(), 30000);
        QCOMPARE(dialog->preview()->currentImage().width(), FaxPagePreview::PageWidth);

        // The cover page counts: three pages now, cover first.
        dialog->findChild<QLineEdit*>(QStringLiteral("coverSubject"))->setText(QStringLiteral("Contract"));
        dialog->setCoverEnabled(true);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->controller()->hasCover(), 30000);
        QCOMPARE(dialog->controller()->pages(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->preview()->pageCount(), 3, 30000);

        // A phone book entry, found by part of its number.
        FaxRecipientsPanel* panel = dialog->recipientsPanel();
        QSignalSpy saved(panel->contacts(), &FaxContactModel::actionFinished);
        panel->contacts()->add({{QStringLiteral("name"), QStringLiteral("서초구청 민원과")},
                                {QStringLiteral("number"), QStringLiteral("02-2155-6114")},
                                {QStringLiteral("scope"), QStringLiteral("personal")}});
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
        QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
        panel->search(QStringLiteral("6114"));
        QTRY_COMPARE_WITH_TIMEOUT(panel->contacts()->rowCount(), 1, 15000);
        panel->addContact(0);
        QCOMPARE(panel->recipients()->rowCount(), 1);

        QSignalSpy sent(dialog, &FaxDialog::faxSent);
        dialog->findChild<QPushButton*>(QStringLiteral("send"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 30000);
        const QJsonArray faxes = sent.at(0).at(0).toJsonArray();
        QCOMPARE(faxes.size(), 1);
        const QJsonObject fax = faxes.at(0).toObject();
        QCOMPARE(fax.value(QLatin1String("number")).toString(), QStringLiteral("02-2155-6114"));
        QCOMPARE(fax.value(QLatin1String("recipientName")).toString(), QStringLiteral("서초구청 민원과"));
        const qint64 id = fax.value(QLatin1String("id")).toVariant().toLongLong();
        QVERIFY(id > 0);
        delete dialog;

        // Sent faxes lists it and follows it on the push channel.
        SentFaxModel sentModel(m_api);
        connect(m_events, &EventStream::eventReceived, &sentModel, &SentFaxModel::applyEvent);
        QSignalSpy events(m_events, &EventStream::eventReceived);
        sentModel.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(sentModel.rowOf(id) >= 0, 15000);
        const QJsonObject listed = sentModel.faxAt(sentModel.rowOf(id));
        QCOMPARE(listed.value(QLatin1String("pagesTotal")).toInt(), 3);
        QVERIFY(SentFaxModel::canCancel(listed));
        QSignalSpy done(&sentModel, &SentFaxModel::actionFinished);
        sentModel.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 15000);
        // The gateway is down, so it never took the fax (a failed hand-over is undone): cancelled here.
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(
            sentModel.faxAt(sentModel.rowOf(id)).value(QLatin1String("state")).toString(),
            QStringLiteral("cancelled"), 15000);
        QCOMPARE(sentModel.index(sentModel.rowOf(id), SentFaxModel::StateColumn).data().toString(),
                 QStringLiteral("Cancelled"));
        QVERIFY(SentFaxModel::canResend(sentModel.faxAt(sentModel.rowOf(id))));
        // The server told the push channel too.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto& e : events)
                    if (e.at(0).toString() == QLatin1String("fax-status"))
                        return true;
                return false;
            }(),
            15000);
    }

    void numberRefusedByTheServerIsNamed()
    {
        FaxDialog* dialog = uploadedDialog();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->controller()->state(), FaxController::State::Ready, 60000);
        // Past the dialog's own check, as another client might send it.
        QSignalSpy failed(dialog->controller(), &FaxController::errorOccurred);
        dialog->controller()->send({QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                                {QStringLiteral("number"), QStringLiteral("099-123-4567")}}});
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("invalid-number"));
        QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("099-123-4567")),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(failed.at(0).at(0).toString(),
                 FaxText::serverError(QStringLiteral("invalid-number"), failed.at(0).at(2).toJsonObject()));
        QCOMPARE(dialog->controller()->state(), FaxController::State::Ready);
        delete dialog;
    }

    void closingWithoutSendingDeletesTheDraft()
    {
        FaxDialog* dialog = uploadedDialog();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->controller()->state(), FaxController::State::Ready, 60000);
        const qint64 draft = dialog->controller()->draftId();
        dialog->reject();
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = dialog->findChild<QMessageBox*>(QStringLiteral("confirmDiscard"))) &&
                    box->isVisible());
        box->findChild<QPushButton*>(QStringLiteral("confirm"))->click();
        delete dialog;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                ApiReply* r = m_api->faxDraft(draft);
                const bool finished = QTest::qWaitFor([r] { return r->isFinished(); }, 5000);
                const bool gone = finished && r->httpStatus() == 404;
                r->deleteLater();
                return gone;
            }(),
            15000);
    }

    void inboxWhenTheServerHasIt()
    {
        ApiReply* probe = m_api->faxInbox();
        QTRY_VERIFY_WITH_TIMEOUT(probe->isFinished(), 15000);
        const int status = probe->httpStatus();
        const QString message = probe->errorMessage();
        const int listed = static_cast<int>(probe->json().value(QLatin1String("faxes")).toArray().size());
        delete probe;
        if (status == 404)
            QSKIP("this server build has no fax inbox routes yet");
        QVERIFY2(status == 200, qPrintable(message));
        FaxInboxModel inbox(m_api);
        inbox.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(inbox.isLoaded(), 15000);
        QCOMPARE(inbox.rowCount(), listed);
        QCOMPARE(inbox.unreadCount(), 0);
    }
};

QTEST_MAIN(TestFaxClientIntegration)
#include "TestFaxClientIntegration.moc"
