// Sent faxes and the fax inbox (client/fax) against a FakeApiServer standing in for the server's
// fax calls (docs/fax.md): the sent list follows fax-status events from queued to sent or failed
// with the reason in words, resend and cancel; the tray's notifications; the inbox lists faxes
// (unread bold, partial marked, mailbox), opening one marks it read and shows its pages, save as
// PDF, print, forward, block and delete (these two after asking), and fax-received adds one.
#include "ApiClient.h"
#include "ClientSettings.h"
#include "EventStream.h"
#include "FakeApiServer.h"
#include "FaxForwardDialog.h"
#include "FaxInboxModel.h"
#include "FaxInboxWindow.h"
#include "FaxPagePreview.h"
#include "FaxRecipientModel.h"
#include "FaxRecipientsPanel.h"
#include "FaxText.h"
#include "JobListModel.h"
#include "MyJobsWindow.h"
#include "PrinterListModel.h"
#include "SentFaxModel.h"
#include "SentFaxWindow.h"
#include "Session.h"
#include "TestData.h"
#include "Translations.h"
#include "TrayController.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFont>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

namespace {

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonObject sentFax(qint64 id, const QString& state, int pagesSent = 0, const QString& reasonCode = {})
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("draftId"), 3},
        {QStringLiteral("name"), QStringLiteral("contract.pdf")},
        {QStringLiteral("recipientName"), QStringLiteral("서초구청 민원과")},
        {QStringLiteral("number"), QStringLiteral("02-123-4567")},
        {QStringLiteral("state"), state},
        {QStringLiteral("pagesSent"), pagesSent},
        {QStringLiteral("pagesTotal"), 3},
        {QStringLiteral("reasonCode"), reasonCode},
        {QStringLiteral("reason"), reasonCode.isEmpty() ? QString() : QStringLiteral("Busy signal detected")},
        {QStringLiteral("remoteId"),
         state == QLatin1String("sent") ? QStringLiteral("+82 2 123 4567") : QString()},
        {QStringLiteral("durationSecs"), state == QLatin1String("sent") ? 65 : 0},
        {QStringLiteral("attempts"), 1},
        {QStringLiteral("submitted"), iso(QDateTime::currentDateTime().addSecs(-600))},
        {QStringLiteral("resendOf"), 0}};
}

QJsonObject inboxFax(qint64 id, bool read, bool department, bool partial, const QDateTime& received)
{
    QJsonObject mailbox = department ? QJsonObject{{QStringLiteral("type"), QStringLiteral("department")},
                                                   {QStringLiteral("code"), QStringLiteral("CIVIL")},
                                                   {QStringLiteral("name"), QStringLiteral("민원과")}}
                                     : QJsonObject{{QStringLiteral("type"), QStringLiteral("user")},
                                                   {QStringLiteral("name"), QStringLiteral("park")}};
    return {{QStringLiteral("id"), id},
            {QStringLiteral("mailbox"), mailbox},
            {QStringLiteral("fromNumber"), QStringLiteral("02-555-0100")},
            {QStringLiteral("fromName"), id == 4 ? QStringLiteral("Gangnam Tax Office") : QString()},
            {QStringLiteral("tsi"), QStringLiteral("+82 2 555 0100")},
            {QStringLiteral("did"), QStringLiteral("3101")},
            {QStringLiteral("subaddress"), QString()},
            {QStringLiteral("pages"), 2},
            {QStringLiteral("partial"), partial},
            {QStringLiteral("error"), partial ? QStringLiteral("Carrier lost") : QString()},
            {QStringLiteral("received"), iso(received)},
            {QStringLiteral("read"), read},
            {QStringLiteral("size"), 51200}};
}

void removeTranslators()
{
    for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

QMessageBox* waitForBox(QWidget* parent, const QString& name)
{
    QMessageBox* found = nullptr;
    [[maybe_unused]] const bool appeared = QTest::qWaitFor([&] {
        found = parent->findChild<QMessageBox*>(name);
        return found && found->isVisible();
    });
    return found;
}

} // namespace

class TestFaxInbox : public QObject
{
    Q_OBJECT

    FakeApiServer* m_server = nullptr;
    ApiClient* m_api = nullptr;

    QJsonObject inboxList() const
    {
        const QDateTime now = QDateTime::currentDateTime();
        return {{QStringLiteral("faxes"), QJsonArray{inboxFax(4, false, false, false, now.addSecs(-300)),
                                                     inboxFax(3, false, true, true, now.addDays(-1)),
                                                     inboxFax(2, true, true, false, now.addDays(-9))}}};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(Translations::install(qApp, QStringLiteral("en"))); }

    void init()
    {
        m_server = new FakeApiServer;
        QVERIFY(m_server->listen());
        m_api = new ApiClient;
        m_api->setBaseUrl(m_server->url());
        m_api->setToken(QStringLiteral("t"));
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/sent"), 200,
                            {{QStringLiteral("faxes"),
                              QJsonArray{sentFax(7, QStringLiteral("queued")),
                                         sentFax(6, QStringLiteral("failed"), 0, QStringLiteral("busy"))}}});
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/inbox"), 200, inboxList());
        for (qint64 id : {2, 3, 4})
            for (int page = 1; page <= 2; ++page)
                m_server->route("GET", QStringLiteral("/api/v1/fax/inbox/%1/pages/%2").arg(id).arg(page), 200,
                                png(120, 170), "image/png");
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/settings"), 200,
                            {{QStringLiteral("enabled"), true}, {QStringLiteral("extensionDigits"), 4}});
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/contacts"), 200,
                            {{QStringLiteral("contacts"), QJsonArray()}});
    }

    void cleanup()
    {
        for (QWidget* w : QApplication::topLevelWidgets())
            w->deleteLater();
        QTest::qWait(0);
        delete m_api;
        delete m_server;
        removeTranslators();
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
    }

    void sentListFollowsEvents()
    {
        SentFaxModel model(m_api);
        SentFaxWindow window(&model);
        window.showAndRaise();
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, SentFaxModel::StateColumn).data().toString(),
                 QStringLiteral("Waiting to be sent"));
        window.view()->setCurrentIndex(model.index(0, 0));
        QVERIFY(window.action(QStringLiteral("cancel"))->isEnabled());
        QVERIFY(!window.action(QStringLiteral("resend"))->isEnabled());

        const QList<QPair<QJsonObject, QString>> steps = {
            {sentFax(7, QStringLiteral("submitted")), QStringLiteral("Waiting for a free line")},
            {sentFax(7, QStringLiteral("dialling")), QStringLiteral("Dialling")},
            {sentFax(7, QStringLiteral("sending"), 0), QStringLiteral("Sending page 1 of 3")},
            {sentFax(7, QStringLiteral("sending"), 1), QStringLiteral("Sending page 2 of 3")},
            {sentFax(7, QStringLiteral("sent"), 3), QStringLiteral("Sent, 3 pages in 1 min 05 s")},
        };
        for (const auto& step : steps) {
            model.applyEvent(QStringLiteral("fax-status"), {{QStringLiteral("fax"), step.first}});
            QCOMPARE(model.rowCount(), 2);
            QCOMPARE(model.index(0, SentFaxModel::StateColumn).data().toString(), step.second);
        }
        QVERIFY(window.detailText().contains(
            QLatin1String("Sent, 3 pages in 1 min 05 s (received by +82 2 123 4567)")));
        QVERIFY(!window.action(QStringLiteral("cancel"))->isEnabled());
        QVERIFY(!window.action(QStringLiteral("resend"))->isEnabled());

        // A failed one says why, in words, and can be sent again.
        window.view()->setCurrentIndex(model.index(1, 0));
        QCOMPARE(model.index(1, SentFaxModel::StateColumn).data().toString(),
                 QStringLiteral("Not sent: line busy"));
        QVERIFY(window.detailText().contains(FaxText::reason(QStringLiteral("busy"))));
        QVERIFY(window.action(QStringLiteral("resend"))->isEnabled());
        QJsonObject again = sentFax(9, QStringLiteral("queued"));
        again.insert(QStringLiteral("resendOf"), 6);
        m_server->routeJson("POST", QStringLiteral("/api/v1/fax/sent/6/resend"), 202,
                            {{QStringLiteral("fax"), again}});
        window.action(QStringLiteral("resend"))->trigger();
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(m_server->requests("POST", QStringLiteral("/api/v1/fax/sent/6/resend")).size(), 1);
        QCOMPARE(model.faxAt(0).value(QLatin1String("id")).toInt(), 9);

        // Cancel a fax under way; a refusal is said in words.
        model.applyEvent(QStringLiteral("fax-status"),
                         {{QStringLiteral("fax"), sentFax(9, QStringLiteral("dialling"))}});
        window.view()->setCurrentIndex(model.index(0, 0));
        QVERIFY(window.action(QStringLiteral("cancel"))->isEnabled());
        m_server->route("POST", QStringLiteral("/api/v1/fax/sent/9/cancel"), 409,
                        R"({"error":"wrong-state","message":"x"})");
        window.action(QStringLiteral("cancel"))->trigger();
        QTRY_COMPARE(window.statusText(), FaxText::serverError(QStringLiteral("wrong-state"), {}));
        m_server->routeJson("POST", QStringLiteral("/api/v1/fax/sent/9/cancel"), 200,
                            {{QStringLiteral("fax"),
                              sentFax(9, QStringLiteral("cancelled"), 0, QStringLiteral("cancelled"))}});
        window.action(QStringLiteral("cancel"))->trigger();
        QTRY_COMPARE(model.index(0, SentFaxModel::StateColumn).data().toString(),
                     QStringLiteral("Cancelled"));
        QVERIFY(window.action(QStringLiteral("resend"))->isEnabled());
    }

    void sentListEmptyStateSaysWhatToDo()
    {
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/sent"), 200,
                            {{QStringLiteral("faxes"), QJsonArray()}});
        SentFaxModel model(m_api);
        SentFaxWindow window(&model);
        window.showAndRaise();
        QTRY_VERIFY(!model.isLoading());
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("empty"))->isVisible());
        QVERIFY(
            window.findChild<QLabel*>(QStringLiteral("empty"))->text().contains(QLatin1String("MPS Fax")));
    }

    void notifications()
    {
        QVERIFY(!FaxText::statusNotification(sentFax(7, QStringLiteral("sending"), 1)));
        const auto sent = FaxText::statusNotification(sentFax(7, QStringLiteral("sent"), 3));
        QVERIFY(sent);
        QCOMPARE(sent->title, QStringLiteral("Fax sent"));
        QVERIFY(
            sent->body.contains(QStringLiteral("contract.pdf was sent to 서초구청 민원과 (02-123-4567)")));
        const auto failed =
            FaxText::statusNotification(sentFax(7, QStringLiteral("failed"), 0, QStringLiteral("no-answer")));
        QVERIFY(failed);
        QCOMPARE(failed->severity, NotificationText::Severity::Warning);
        QVERIFY(failed->body.contains(FaxText::reason(QStringLiteral("no-answer"))));
        const auto received =
            FaxText::receivedNotification(inboxFax(3, false, true, true, QDateTime::currentDateTime()));
        QCOMPARE(received.title, QStringLiteral("New fax"));
        QVERIFY(received.body.contains(QStringLiteral("2 pages from 02-555-0100 for 민원과")));
        QVERIFY(received.body.contains(QLatin1String("Only part of it arrived")));

        removeTranslators();
        QVERIFY(Translations::install(qApp, QStringLiteral("ko")));
        const auto korean =
            FaxText::statusNotification(sentFax(7, QStringLiteral("failed"), 0, QStringLiteral("busy")));
        QVERIFY(korean);
        QVERIFY2(korean->title != QLatin1String("Fax not sent"), qPrintable(korean->title));
        QVERIFY(korean->body.contains(QLatin1String("contract.pdf")));
    }

    void inboxListAndOpening()
    {
        FaxInboxModel model(m_api);
        QSignalSpy unread(&model, &FaxInboxModel::unreadCountChanged);
        FaxInboxWindow window(&model, m_api);
        window.showAndRaise();
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(model.unreadCount(), 2);
        QVERIFY(!unread.isEmpty());
        // Unread bold, read not; partial marked; the mailbox named.
        QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(2, 0).data(Qt::FontRole).isValid());
        QCOMPARE(model.index(0, FaxInboxModel::FromColumn).data().toString(),
                 QStringLiteral("Gangnam Tax Office"));
        QCOMPARE(model.index(1, FaxInboxModel::FromColumn).data().toString(),
                 QStringLiteral("+82 2 555 0100"));
        QCOMPARE(model.index(1, FaxInboxModel::PagesColumn).data().toString(),
                 QStringLiteral("2 (incomplete)"));
        QCOMPARE(model.index(0, FaxInboxModel::MailboxColumn).data().toString(), QStringLiteral("Mine"));
        QCOMPARE(model.index(1, FaxInboxModel::MailboxColumn).data().toString(), QStringLiteral("민원과"));
        QVERIFY(model.index(1, FaxInboxModel::ReceivedColumn)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("yesterday")));

        // Opening marks read and shows the pages.
        m_server->routeJson(
            "POST", QStringLiteral("/api/v1/fax/inbox/4/read"), 200,
            {{QStringLiteral("fax"), inboxFax(4, true, false, false, QDateTime::currentDateTime())}});
        window.view()->setCurrentIndex(model.index(0, 0));
        QCOMPARE(model.unreadCount(), 1);
        QTRY_COMPARE(m_server->requests("POST", QStringLiteral("/api/v1/fax/inbox/4/read")).size(), 1);
        QCOMPARE(m_server->requests("POST", QStringLiteral("/api/v1/fax/inbox/4/read")).at(0).json(),
                 (QJsonObject{{QStringLiteral("read"), true}}));
        QTRY_COMPARE(window.preview()->thumbnailsLoaded(), 2);
        QVERIFY(!m_server->requests("GET", QStringLiteral("/api/v1/fax/inbox/4/pages/2")).isEmpty());

        // A new fax arrives on the push channel.
        QJsonObject arrived = inboxFax(5, false, false, false, QDateTime::currentDateTime());
        model.applyEvent(QStringLiteral("fax-received"), {{QStringLiteral("fax"), arrived}});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.unreadCount(), 2);
        model.applyEvent(QStringLiteral("fax-received"), {{QStringLiteral("fax"), arrived}});
        QCOMPARE(model.rowCount(), 4);
    }

    void inboxActions()
    {
        FaxInboxModel model(m_api);
        FaxInboxWindow window(&model, m_api);
        window.showAndRaise();
        QTRY_COMPARE(model.rowCount(), 3);
        window.view()->setCurrentIndex(model.index(0, 0));

        // Save as PDF: what the server sent, unchanged.
        const QByteArray pdf =
            TestData::readFile(QStringLiteral("/usr/share/cups/data/default-testpage.pdf"));
        QVERIFY(!pdf.isEmpty());
        m_server->route("GET", QStringLiteral("/api/v1/fax/inbox/4/pdf"), 200, pdf, "application/pdf");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fax.pdf"));
        window.saveSelectedTo(path);
        QTRY_VERIFY(window.statusText().startsWith(QLatin1String("Saved as")));
        QCOMPARE(TestData::readFile(path), pdf);

        // Print: a held job.
        m_server->routeJson("POST", QStringLiteral("/api/v1/fax/inbox/4/print"), 201,
                            {{QStringLiteral("job"), QJsonObject{{QStringLiteral("id"), 40}}}});
        window.action(QStringLiteral("print"))->trigger();
        QTRY_VERIFY(window.statusText().contains(QLatin1String("release it at any MFP")));

        // The sender into the phone book.
        m_server->routeJson("POST", QStringLiteral("/api/v1/fax/contacts"), 201,
                            {{QStringLiteral("contact"), QJsonObject{{QStringLiteral("id"), 5}}}});
        window.action(QStringLiteral("addContact"))->trigger();
        QDialog* contact = nullptr;
        QTRY_VERIFY((contact = window.findChild<QDialog*>(QStringLiteral("faxContactDialog"))) &&
                    contact->isVisible());
        contact->accept();
        QTRY_COMPARE(m_server->requests("POST", QStringLiteral("/api/v1/fax/contacts")).size(), 1);
        QCOMPARE(m_server->requests("POST", QStringLiteral("/api/v1/fax/contacts")).at(0).json(),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("Gangnam Tax Office")},
                              {QStringLiteral("number"), QStringLiteral("02-555-0100")},
                              {QStringLiteral("scope"), QStringLiteral("personal")}}));
        QTRY_COMPARE(window.statusText(), QStringLiteral("Added to your phone book."));

        // Block the sender, after asking.
        m_server->routeJson("POST", QStringLiteral("/api/v1/fax/inbox/4/block"), 200,
                            {{QStringLiteral("blocked"), QJsonObject{{QStringLiteral("id"), 1}}}});
        window.action(QStringLiteral("block"))->trigger();
        QMessageBox* box = waitForBox(&window, QStringLiteral("confirmBlock"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QLatin1String("Gangnam Tax Office (02-555-0100)")));
        QVERIFY(m_server->requests("POST", QStringLiteral("/api/v1/fax/inbox/4/block")).isEmpty());
        box->findChild<QPushButton*>(QStringLiteral("confirm"))->click();
        QTRY_COMPARE(m_server->requests("POST", QStringLiteral("/api/v1/fax/inbox/4/block")).size(), 1);
        QTRY_VERIFY(window.statusText().contains(QLatin1String("are blocked")));

        // Forward: the recipient part of the fax dialog, then the forward call.
        m_server->routeJson("POST", QStringLiteral("/api/v1/fax/inbox/4/forward"), 202,
                            {{QStringLiteral("faxes"), QJsonArray{sentFax(10, QStringLiteral("queued"))}}});
        QSignalSpy forwarded(&window, &FaxInboxWindow::forwarded);
        window.action(QStringLiteral("forward"))->trigger();
        FaxForwardDialog* forward = nullptr;
        QTRY_VERIFY((forward = window.findChild<FaxForwardDialog*>()) && forward->isVisible());
        QTest::keyClicks(forward->findChild<QLineEdit*>(QStringLiteral("recipientNumber")),
                         QStringLiteral("031-123-4567"));
        forward->findChild<QPushButton*>(QStringLiteral("send"))->click();
        QTRY_COMPARE(forwarded.size(), 1);
        const auto body =
            m_server->requests("POST", QStringLiteral("/api/v1/fax/inbox/4/forward")).at(0).json();
        QCOMPARE(body.value(QLatin1String("recipients"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("number"))
                     .toString(),
                 QStringLiteral("031-123-4567"));

        // Delete a department fax: asked, for everyone.
        window.view()->setCurrentIndex(model.index(1, 0));
        m_server->routeJson("DELETE", QStringLiteral("/api/v1/fax/inbox/3"), 200,
                            {{QStringLiteral("deleted"), 3}});
        window.action(QStringLiteral("delete"))->trigger();
        box = waitForBox(&window, QStringLiteral("confirmDelete"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("everyone in 민원과")));
        box->findChild<QPushButton*>(QStringLiteral("confirm"))->click();
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(3), -1);
    }

    void inboxEmptyStateSaysWhatHappens()
    {
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/inbox"), 200,
                            {{QStringLiteral("faxes"), QJsonArray()}});
        FaxInboxModel model(m_api);
        FaxInboxWindow window(&model, m_api);
        window.showAndRaise();
        QTRY_VERIFY(model.isLoaded());
        auto* empty = window.findChild<QLabel*>(QStringLiteral("empty"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QLatin1String("never printed by themselves")));
        QVERIFY(!window.action(QStringLiteral("delete"))->isEnabled());
    }

    void trayFollowsFaxEvents()
    {
        // The tray as ClientApplication wires it, signed in against the fake server's push channel.
        m_server->routeJson("GET", QStringLiteral("/api/v1/jobs"), 200,
                            {{QStringLiteral("jobs"), QJsonArray()}});
        m_server->routeJson("GET", QStringLiteral("/api/v1/printers"), 200,
                            {{QStringLiteral("printers"), QJsonArray()}});
        auto settings = ClientSettings::createTempFileInstance();
        Session session(settings.get(), nullptr);
        session.api()->setBaseUrl(m_server->url());
        session.api()->setToken(QStringLiteral("t"));
        JobListModel jobs(session.api());
        PrinterListModel printers(session.api());
        MyJobsWindow window(&jobs, &printers, nullptr, settings.get());
        TrayController tray(&session, settings.get(), &jobs, &printers, &window);
        session.adopt({{QStringLiteral("name"), QStringLiteral("park")},
                       {QStringLiteral("displayName"), QStringLiteral("Park Jiwoo")}});
        QTRY_VERIFY(session.events()->isConnected());
        QTRY_COMPARE(tray.faxInboxModel()->rowCount(), 3);
        QAction* inbox = tray.menu()->findChild<QAction*>(QStringLiteral("faxInbox"));
        if (!inbox)
            for (QAction* a : tray.menu()->actions())
                if (a->objectName() == QLatin1String("faxInbox"))
                    inbox = a;
        QVERIFY(inbox);
        QCOMPARE(inbox->text(), QStringLiteral("Fax inbox (2 unread)"));
        QVERIFY(inbox->font().bold());

        // Pages going out make no notification; the end does, once.
        m_server->pushEvent(QStringLiteral("fax-status"),
                            {{QStringLiteral("fax"), sentFax(7, QStringLiteral("sending"), 1)}});
        QTRY_COMPARE(tray.sentFaxModel()->rowCount(), 1);
        QVERIFY(tray.lastNotification().title.isEmpty());
        m_server->pushEvent(
            QStringLiteral("fax-status"),
            {{QStringLiteral("fax"), sentFax(7, QStringLiteral("failed"), 0, QStringLiteral("busy"))}});
        QTRY_COMPARE(tray.lastNotification().title, QStringLiteral("Fax not sent"));
        QVERIFY(tray.lastNotification().body.contains(FaxText::reason(QStringLiteral("busy"))));
        QCOMPARE(tray.sentFaxModel()->index(0, SentFaxModel::StateColumn).data().toString(),
                 QStringLiteral("Not sent: line busy"));

        // A new fax: notified, listed, counted in the menu.
        m_server->pushEvent(
            QStringLiteral("fax-received"),
            {{QStringLiteral("fax"), inboxFax(9, false, true, false, QDateTime::currentDateTime())}});
        QTRY_COMPARE(tray.lastNotification().title, QStringLiteral("New fax"));
        QCOMPARE(tray.faxInboxModel()->rowCount(), 4);
        QCOMPARE(inbox->text(), QStringLiteral("Fax inbox (3 unread)"));

        // Signing out forgets them.
        session.signOut();
        QCOMPARE(tray.faxInboxModel()->rowCount(), 0);
        QCOMPARE(tray.sentFaxModel()->rowCount(), 0);
        QCOMPARE(inbox->text(), QStringLiteral("Fax inbox"));
    }

    void screenshots()
    {
        // Not a check: with MPS_CLIENT_GRAB_DIR set, saves the sent list and the inbox.
        const QString dir = qEnvironmentVariable("MPS_CLIENT_GRAB_DIR");
        if (dir.isEmpty())
            QSKIP("set MPS_CLIENT_GRAB_DIR to save screenshots");
        // Real-looking pages: a form rendered by pdftoppm.
        QTemporaryDir work;
        QProcess p;
        p.start(QStringLiteral("pdftoppm"),
                {QStringLiteral("-png"), QStringLiteral("-gray"), QStringLiteral("-scale-to-x"),
                 QStringLiteral("1200"), QStringLiteral("-scale-to-y"), QStringLiteral("-1"),
                 QStringLiteral("/usr/share/cups/data/form_english.pdf"),
                 work.filePath(QStringLiteral("p"))});
        QVERIFY(p.waitForFinished(60000));
        const QStringList pages =
            QDir(work.path()).entryList({QStringLiteral("p-*.png")}, QDir::Files, QDir::Name);
        if (!pages.isEmpty())
            for (qint64 id : {2, 3, 4})
                for (int page = 1; page <= 2; ++page)
                    m_server->route(
                        "GET", QStringLiteral("/api/v1/fax/inbox/%1/pages/%2").arg(id).arg(page), 200,
                        TestData::readFile(work.filePath(pages.value(page - 1, pages.first()))), "image/png");
        const QDateTime now = QDateTime::currentDateTime();
        QJsonObject a = sentFax(7, QStringLiteral("sending"), 1);
        QJsonObject b = sentFax(6, QStringLiteral("sent"), 3);
        b.insert(QStringLiteral("recipientName"), QStringLiteral("Hana Law Office"));
        b.insert(QStringLiteral("number"), QStringLiteral("031-123-4567"));
        b.insert(QStringLiteral("submitted"), iso(now.addDays(-1)));
        QJsonObject c = sentFax(5, QStringLiteral("failed"), 0, QStringLiteral("no-answer"));
        c.insert(QStringLiteral("name"), QStringLiteral("회의 자료.hwp"));
        c.insert(QStringLiteral("recipientName"), QStringLiteral("강남세무서"));
        c.insert(QStringLiteral("submitted"), iso(now.addDays(-3)));
        QJsonObject d = sentFax(4, QStringLiteral("queued"));
        d.insert(QStringLiteral("recipientName"), QString());
        d.insert(QStringLiteral("number"), QStringLiteral("1588-1234"));
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/sent"), 200,
                            {{QStringLiteral("faxes"), QJsonArray{a, d, b, c}}});
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            removeTranslators();
            QVERIFY(Translations::install(qApp, lang));
            for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
                const QString suffix =
                    QStringLiteral("%1x%2-%3").arg(size.width()).arg(size.height()).arg(lang);
                const bool small = size.width() <= 1366;
                {
                    SentFaxModel model(m_api);
                    SentFaxWindow window(&model);
                    window.resize(small ? QSize(1000, 480) : QSize(1300, 620));
                    window.showAndRaise();
                    QTRY_COMPARE(model.rowCount(), 4);
                    window.view()->setCurrentIndex(model.index(3, 0));
                    QTest::qWait(200);
                    QVERIFY(window.grab().save(dir + QStringLiteral("/client-fax-sent-") + suffix +
                                               QStringLiteral(".png")));
                }
                {
                    m_server->routeJson("GET", QStringLiteral("/api/v1/fax/inbox"), 200, inboxList());
                    FaxInboxModel model(m_api);
                    FaxInboxWindow window(&model, m_api);
                    window.resize(small ? QSize(1200, 700) : QSize(1600, 900));
                    window.showAndRaise();
                    QTRY_COMPARE(model.rowCount(), 3);
                    window.view()->setCurrentIndex(model.index(1, 0));
                    QTRY_VERIFY(!window.preview()->currentImage().isNull());
                    QTest::qWait(300);
                    QVERIFY(window.grab().save(dir + QStringLiteral("/client-fax-inbox-") + suffix +
                                               QStringLiteral(".png")));
                }
            }
        }
    }
};

QTEST_MAIN(TestFaxInbox)
#include "TestFaxInbox.moc"
