// The fax dialog (client/fax) against a FakeApiServer standing in for the server's fax calls
// (docs/fax.md): numbers checked as typed with a sentence per FaxNumber error code, recipients and
// the phone book search, the cover page (a one-page PDF with the fields, uploaded with PUT .../cover),
// the preview's page requests, the send body and its refusals in words, and that closing without
// sending asks and deletes the draft. Also: every reasonCode and FaxNumber error code of docs/fax.md
// has a sentence in English and Korean.
#include "ApiClient.h"
#include "FakeApiServer.h"
#include "FaxContactModel.h"
#include "FaxCoverPage.h"
#include "FaxDialog.h"
#include "FaxNumberCheck.h"
#include "FaxPagePreview.h"
#include "FaxRecipientModel.h"
#include "FaxRecipientsPanel.h"
#include "FaxText.h"
#include "TestData.h"
#include "Translations.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace {

QByteArray png(int width, int height, QColor colour = Qt::white)
{
    QImage image(width, height, QImage::Format_Grayscale8);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QJsonObject draft(int pages, bool cover)
{
    return {{QStringLiteral("id"), 3},
            {QStringLiteral("name"), QStringLiteral("contract.pdf")},
            {QStringLiteral("pages"), pages},
            {QStringLiteral("documentPages"), cover ? pages - 1 : pages},
            {QStringLiteral("hasCover"), cover},
            {QStringLiteral("size"), 48211},
            {QStringLiteral("created"), QStringLiteral("2026-12-03T06:00:00Z")}};
}

QJsonObject fax(qint64 id, const QString& name, const QString& number)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("draftId"), 3},
            {QStringLiteral("name"), QStringLiteral("contract.pdf")},
            {QStringLiteral("recipientName"), name},
            {QStringLiteral("number"), number},
            {QStringLiteral("state"), QStringLiteral("queued")},
            {QStringLiteral("pagesSent"), 0},
            {QStringLiteral("pagesTotal"), 3}};
}

QJsonObject contacts()
{
    return {{QStringLiteral("contacts"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), 11},
                                    {QStringLiteral("name"), QStringLiteral("서초구청 민원과")},
                                    {QStringLiteral("number"), QStringLiteral("02-2155-6114")},
                                    {QStringLiteral("scope"), QStringLiteral("department")},
                                    {QStringLiteral("department"), QStringLiteral("재무과")}},
                        QJsonObject{{QStringLiteral("id"), 12},
                                    {QStringLiteral("name"), QStringLiteral("Hana Law Office")},
                                    {QStringLiteral("number"), QStringLiteral("031-123-4567")},
                                    {QStringLiteral("scope"), QStringLiteral("personal")}}}}};
}

void removeTranslators()
{
    for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

template <typename T> T* waitForChild(QObject* parent, const QString& name)
{
    T* found = nullptr;
    [[maybe_unused]] const bool appeared = QTest::qWaitFor([&] {
        found = parent->findChild<T*>(name);
        return found &&
               (!found->isWidgetType() || static_cast<QWidget*>(static_cast<QObject*>(found))->isVisible());
    });
    return found;
}

// The pages of `pdf` as grey PNGs `width` pixels wide (pdftoppm), for screenshots that look real.
QList<QByteArray> renderPages(const QString& pdf, int width)
{
    QTemporaryDir dir;
    QProcess p;
    p.start(QStringLiteral("pdftoppm"),
            {QStringLiteral("-png"), QStringLiteral("-gray"), QStringLiteral("-scale-to-x"),
             QString::number(width), QStringLiteral("-scale-to-y"), QStringLiteral("-1"), pdf,
             dir.filePath(QStringLiteral("p"))});
    QList<QByteArray> pages;
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return pages;
    QDir d(dir.path());
    for (const QString& name : d.entryList({QStringLiteral("p-*.png")}, QDir::Files, QDir::Name))
        pages << TestData::readFile(d.filePath(name));
    return pages;
}

QString grabDir()
{
    return qEnvironmentVariable("MPS_CLIENT_GRAB_DIR");
}

// The codes docs/fax.md lists: the reason codes after "Failure `reasonCode`:" and the FaxNumber error
// codes after "Error codes".
QStringList contractCodes(const QString& after, const QString& until)
{
    const QString doc = QString::fromUtf8(TestData::readFile(QStringLiteral(MPS_SOURCE_DIR "/docs/fax.md")));
    const int start = doc.indexOf(after);
    if (start < 0)
        return {};
    const int end = doc.indexOf(until, start + after.size());
    const QString part = doc.mid(start, end < 0 ? -1 : end - start);
    QStringList codes;
    static const QRegularExpression code(QStringLiteral("`([a-z][a-z-]+)`"));
    for (auto it = code.globalMatch(part); it.hasNext();) {
        const QString c = it.next().captured(1);
        if (!codes.contains(c))
            codes << c;
    }
    return codes;
}

} // namespace

class TestFaxDialog : public QObject
{
    Q_OBJECT

    FakeApiServer* m_server = nullptr;
    ApiClient* m_api = nullptr;
    const QJsonObject m_me{{QStringLiteral("name"), QStringLiteral("park")},
                           {QStringLiteral("displayName"), QStringLiteral("Park Jiwoo")},
                           {QStringLiteral("department"), QStringLiteral("FIN")}};

    FaxDialog* openOnDraft(int pages = 3, const QJsonObject& me = {})
    {
        auto* dialog = new FaxDialog(m_api, 3, me.isEmpty() ? m_me : me);
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog))
            return dialog;
        [[maybe_unused]] const bool ready = QTest::qWaitFor([dialog, pages] {
            return dialog->controller()->state() == FaxController::State::Ready &&
                   dialog->preview()->pageCount() == pages;
        });
        return dialog;
    }

    static void type(FaxDialog* dialog, const QString& name, const QString& number)
    {
        auto* nameEdit = dialog->findChild<QLineEdit*>(QStringLiteral("recipientName"));
        auto* numberEdit = dialog->findChild<QLineEdit*>(QStringLiteral("recipientNumber"));
        nameEdit->setText(name); // keyClicks types ASCII only
        numberEdit->clear();
        QTest::keyClicks(numberEdit, number);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(Translations::install(qApp, QStringLiteral("en"))); }

    void init()
    {
        m_server = new FakeApiServer;
        QVERIFY(m_server->listen());
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/settings"), 200,
                            {{QStringLiteral("enabled"), true},
                             {QStringLiteral("outsidePrefix"), QStringLiteral("9")},
                             {QStringLiteral("extensionDigits"), 4},
                             {QStringLiteral("maxRecipients"), 3},
                             {QStringLiteral("gateway"), QStringLiteral("hylafax")}});
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/drafts/3"), 200,
                            {{QStringLiteral("draft"), draft(3, false)}});
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/contacts"), 200, contacts());
        for (int page = 1; page <= 4; ++page)
            m_server->route("GET", QStringLiteral("/api/v1/fax/drafts/3/pages/%1").arg(page), 200,
                            png(120, 170, page == 1 ? Qt::lightGray : Qt::white), "image/png");
        m_api = new ApiClient;
        m_api->setBaseUrl(m_server->url());
        m_api->setToken(QStringLiteral("t"));
    }

    void cleanup()
    {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (qobject_cast<QDialog*>(w) || qobject_cast<QMessageBox*>(w))
                w->deleteLater();
        QTest::qWait(0);
        delete m_api;
        delete m_server;
        removeTranslators();
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
    }

    void numberCheckedAsTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("display");
        QTest::newRow("Seoul") << "02-123-4567"
                               << ""
                               << "02-123-4567";
        QTest::newRow("brackets") << "(031) 123-4567"
                                  << ""
                                  << "031-123-4567";
        QTest::newRow("mobile") << "010.1234.5678"
                                << ""
                                << "010-1234-5678";
        QTest::newRow("international Korean") << "+82 2 123 4567"
                                              << ""
                                              << "02-123-4567";
        QTest::newRow("sub-address") << "02-123-4567#77"
                                     << ""
                                     << "02-123-4567#77";
        QTest::newRow("too short") << "02-12"
                                   << "too-short"
                                   << "";
        QTest::newRow("too long") << "02-1234-5678-9012"
                                  << "too-long"
                                  << "";
        QTest::newRow("area code") << "099-123-4567"
                                   << "bad-area-code"
                                   << "";
        QTest::newRow("abroad") << "+1 212 555 0100"
                                << "international-unsupported"
                                << "";
        QTest::newRow("sub-address letters") << "02-123-4567#ab"
                                             << "bad-subaddress"
                                             << "";
        QTest::newRow("letters") << "02-123-abcd"
                                 << "invalid-characters"
                                 << "";
    }

    void numberCheckedAsTyped()
    {
        QFETCH(QString, typed);
        QFETCH(QString, code);
        QFETCH(QString, display);
        FaxDialog* dialog = openOnDraft();
        auto* add = dialog->findChild<QPushButton*>(QStringLiteral("addRecipient"));
        QVERIFY(add);
        type(dialog, QStringLiteral("Someone"), typed);
        const QString hint = dialog->recipientsPanel()->numberHint();
        if (code.isEmpty()) {
            QVERIFY2(hint.contains(display), qPrintable(hint));
            QVERIFY(add->isEnabled());
            QTest::mouseClick(add, Qt::LeftButton);
            QCOMPARE(dialog->recipientsPanel()->recipients()->rowCount(), 1);
            QCOMPARE(dialog->recipientsPanel()->recipients()->at(0).number, display);
            QCOMPARE(dialog->recipientsPanel()->recipients()->at(0).name, QStringLiteral("Someone"));
        } else {
            QCOMPARE(hint, FaxText::numberError(code, typed));
            QVERIFY(!add->isEnabled());
            // Enter in the number field does not add a bad number either.
            QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("recipientNumber")), Qt::Key_Return);
            QCOMPARE(dialog->recipientsPanel()->recipients()->rowCount(), 0);
        }
        delete dialog;
    }

    void outsidePrefixIsDialledNotShown()
    {
        const auto r = FaxNumberCheck::check(QStringLiteral("02-123-4567"), QStringLiteral("9"), 4);
        QVERIFY(r.ok);
        QCOMPARE(r.dialString, QStringLiteral("9021234567"));
        QCOMPARE(r.display, QStringLiteral("02-123-4567"));
        const auto extension = FaxNumberCheck::check(QStringLiteral("3101"), QStringLiteral("9"), 4);
        QVERIFY(extension.ok);
        QCOMPARE(extension.dialString, QStringLiteral("3101"));
    }

    void recipientsOnceAndAtMostTheLimit()
    {
        FaxDialog* dialog = openOnDraft();
        FaxRecipientModel* recipients = dialog->recipientsPanel()->recipients();
        QTRY_COMPARE(dialog->controller()->maxRecipients(), 3);
        type(dialog, QStringLiteral("A"), QStringLiteral("02-123-4567"));
        QVERIFY(dialog->recipientsPanel()->addTyped());
        type(dialog, QStringLiteral("A again"), QStringLiteral("(02) 123 4567"));
        QVERIFY(!dialog->recipientsPanel()->addTyped());
        QCOMPARE(recipients->rowCount(), 1);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("02-123-4567")),
                 qPrintable(dialog->statusText()));
        type(dialog, QStringLiteral("B"), QStringLiteral("031-123-4567"));
        QVERIFY(dialog->recipientsPanel()->addTyped());
        type(dialog, QStringLiteral("C"), QStringLiteral("010-1234-5678"));
        QVERIFY(dialog->recipientsPanel()->addTyped());
        type(dialog, QStringLiteral("D"), QStringLiteral("051-123-4567"));
        QVERIFY(!dialog->recipientsPanel()->addTyped());
        QCOMPARE(recipients->rowCount(), 3);
        QCOMPARE(dialog->statusText(), FaxText::serverError(QStringLiteral("too-many-recipients"),
                                                            {{QStringLiteral("maxRecipients"), 3}}));
        // The cover's "To" follows the recipients until it is typed in.
        QCOMPARE(dialog->coverFields().value(QLatin1String("to")).toString(), QStringLiteral("A, B, C"));
        delete dialog;
    }

    void phoneBookSearch()
    {
        FaxDialog* dialog = openOnDraft();
        FaxRecipientsPanel* panel = dialog->recipientsPanel();
        QTRY_COMPARE(panel->contacts()->rowCount(), 2);
        m_server->clearRequests();
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/contacts?q=서초"), 200,
                            {{QStringLiteral("contacts"),
                              QJsonArray{contacts().value(QLatin1String("contacts")).toArray().at(0)}}});
        panel->searchField()->setText(QStringLiteral("서초")); // as typed: the search follows after a pause
        QTRY_COMPARE(panel->contacts()->rowCount(), 1);
        const auto asked = m_server->requests("GET", QStringLiteral("/api/v1/fax/contacts"));
        QVERIFY(!asked.isEmpty());
        QCOMPARE(QUrlQuery(asked.last().query).queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
                 QStringLiteral("서초"));
        // A department entry says whose book it is in.
        const QModelIndex first = panel->contacts()->index(0);
        QVERIFY(first.data(Qt::DisplayRole).toString().contains(QStringLiteral("재무과")));
        QCOMPARE(first.data(FaxContactModel::ScopeRole).toString(), QStringLiteral("department"));
        // "Add to recipients" adds the selected entry.
        panel->contactView()->setCurrentIndex(first);
        auto* use = dialog->findChild<QPushButton*>(QStringLiteral("useContact"));
        QVERIFY(use->isEnabled());
        use->click();
        QCOMPARE(panel->recipients()->rowCount(), 1);
        QCOMPARE(panel->recipients()->at(0).name, QStringLiteral("서초구청 민원과"));
        QCOMPARE(panel->recipients()->at(0).number, QStringLiteral("02-2155-6114"));
        delete dialog;
    }

    void addToPhoneBookFromARecipient()
    {
        FaxDialog* dialog = openOnDraft();
        m_server->routeJson("POST", QStringLiteral("/api/v1/fax/contacts"), 201,
                            {{QStringLiteral("contact"), QJsonObject{{QStringLiteral("id"), 13}}}});
        type(dialog, QStringLiteral("Gangnam Tax Office"), QStringLiteral("02 555 0100"));
        QVERIFY(dialog->recipientsPanel()->addTyped());
        auto* view = dialog->findChild<QTableView*>(QStringLiteral("recipients"));
        view->selectRow(0);
        auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveContact"));
        QVERIFY(save->isEnabled());
        save->click();
        auto* contactDialog = waitForChild<QDialog>(dialog, QStringLiteral("faxContactDialog"));
        QVERIFY(contactDialog);
        QCOMPARE(contactDialog->findChild<QLineEdit*>(QStringLiteral("contactNumber"))->text(),
                 QStringLiteral("02-555-0100"));
        contactDialog->accept();
        QTRY_COMPARE(m_server->requests("POST", QStringLiteral("/api/v1/fax/contacts")).size(), 1);
        const QJsonObject body =
            m_server->requests("POST", QStringLiteral("/api/v1/fax/contacts")).at(0).json();
        QCOMPARE(body.value(QLatin1String("name")).toString(), QStringLiteral("Gangnam Tax Office"));
        QCOMPARE(body.value(QLatin1String("number")).toString(), QStringLiteral("02-555-0100"));
        QCOMPARE(body.value(QLatin1String("scope")).toString(), QStringLiteral("personal"));
        delete dialog;
    }

    void coverPageIsOnePageWithTheFields()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        QTemporaryDir dir;
        FaxCoverPage::Fields fields;
        fields.to = QStringLiteral("서초구청 민원과");
        fields.toNumbers = QStringLiteral("02-2155-6114");
        fields.from = QStringLiteral("Park Jiwoo");
        fields.department = QStringLiteral("재무과");
        fields.subject = QStringLiteral("Signed contract");
        fields.note = QStringLiteral("Please call back when it arrives.");
        fields.pages = 4;
        const QByteArray pdf = FaxCoverPage::render(fields);
        QVERIFY(pdf.startsWith("%PDF"));
        const QString path = dir.filePath(QStringLiteral("cover.pdf"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdf);
        f.close();
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {path});
        QVERIFY(info.waitForFinished(30000));
        QVERIFY2(info.readAllStandardOutput().contains("Pages:           1"),
                 "the cover page is not one page");
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString words = QString::fromUtf8(text.readAllStandardOutput());
        // (Qt's PDF text layer loses some digits for pdftotext; the page count is checked in the image
        // tests.)
        for (const QString& expected :
             {fields.to, fields.toNumbers, fields.from, fields.department, fields.subject, fields.note,
              QStringLiteral("pages, this cover included")})
            QVERIFY2(words.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + words));
    }

    void everyMnemonicLabelHasABuddy()
    {
        // A label with "&" and no buddy shows the "&" as text ("&To:" on the cover tab did).
        FaxDialog* dialog = openOnDraft(3);
        for (QLabel* label : dialog->findChildren<QLabel*>()) {
            if (label->text().contains(QLatin1Char('&')) && !label->text().contains(QLatin1String("&&")))
                QVERIFY2(label->buddy(), qPrintable(label->text()));
        }
    }

    void coverPageGoesUpAndCountsInThePreview()
    {
        m_server->routeJson("PUT", QStringLiteral("/api/v1/fax/drafts/3/cover"), 200,
                            {{QStringLiteral("draft"), draft(4, true)}});
        FaxDialog* dialog = openOnDraft(3);
        auto* from = dialog->findChild<QLineEdit*>(QStringLiteral("coverFrom"));
        QCOMPARE(from->text(), QStringLiteral("Park Jiwoo, FIN"));
        dialog->findChild<QLineEdit*>(QStringLiteral("coverSubject"))->setText(QStringLiteral("Contract"));
        dialog->setCoverEnabled(true);
        QTRY_VERIFY(!m_server->requests("PUT", QStringLiteral("/api/v1/fax/drafts/3/cover")).isEmpty());
        const auto put = m_server->requests("PUT", QStringLiteral("/api/v1/fax/drafts/3/cover")).last();
        QCOMPARE(put.headers.value("content-type"), QByteArray("application/pdf"));
        QVERIFY(put.body.startsWith("%PDF"));
        QTRY_COMPARE(dialog->preview()->pageCount(), 4);
        QVERIFY(dialog->controller()->hasCover());
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("coverPages"))
                    ->text()
                    .contains(QLatin1String("4 pages")));
        // Turning it off removes it from the draft.
        m_server->routeJson("DELETE", QStringLiteral("/api/v1/fax/drafts/3/cover"), 200,
                            {{QStringLiteral("draft"), draft(3, false)}});
        dialog->setCoverEnabled(false);
        QTRY_COMPARE(m_server->requests("DELETE", QStringLiteral("/api/v1/fax/drafts/3/cover")).size(), 1);
        QTRY_COMPARE(dialog->preview()->pageCount(), 3);
        delete dialog;
    }

    void previewAsksForEveryPage()
    {
        FaxDialog* dialog = openOnDraft(3);
        QTRY_COMPARE(dialog->preview()->thumbnailsLoaded(), 3);
        for (int page = 1; page <= 3; ++page) {
            const auto asked =
                m_server->requests("GET", QStringLiteral("/api/v1/fax/drafts/3/pages/%1").arg(page));
            QVERIFY2(!asked.isEmpty(), qPrintable(QStringLiteral("page %1 not asked for").arg(page)));
            bool thumbnail = false;
            for (const auto& r : asked)
                thumbnail = thumbnail || QUrlQuery(r.query).queryItemValue(QStringLiteral("width")) ==
                                             QString::number(FaxPagePreview::ThumbnailWidth);
            QVERIFY(thumbnail);
        }
        // The large view of the selected page, and of another one chosen.
        QTRY_VERIFY(!dialog->preview()->currentImage().isNull());
        m_server->clearRequests();
        dialog->preview()->setCurrentPage(2);
        QTRY_COMPARE(m_server->requests("GET", QStringLiteral("/api/v1/fax/drafts/3/pages/2")).size(), 1);
        QCOMPARE(
            QUrlQuery(m_server->requests("GET", QStringLiteral("/api/v1/fax/drafts/3/pages/2")).at(0).query)
                .queryItemValue(QStringLiteral("width")),
            QString::number(FaxPagePreview::PageWidth));
        delete dialog;
    }

    void sendBody()
    {
        m_server->routeJson(
            "POST", QStringLiteral("/api/v1/fax/drafts/3/send"), 202,
            {{QStringLiteral("faxes"),
              QJsonArray{fax(7, QStringLiteral("서초구청 민원과"), QStringLiteral("02-2155-6114")),
                         fax(8, QString(), QStringLiteral("031-123-4567"))}}});
        FaxDialog* dialog = openOnDraft();
        QSignalSpy sent(dialog, &FaxDialog::faxSent);
        type(dialog, QStringLiteral("서초구청 민원과"), QStringLiteral("02 2155 6114"));
        QVERIFY(dialog->recipientsPanel()->addTyped());
        // A number still in the field counts when there is no recipient yet; here it is the second.
        type(dialog, QString(), QStringLiteral("031-123-4567"));
        QVERIFY(dialog->recipientsPanel()->addTyped());
        auto* send = dialog->findChild<QPushButton*>(QStringLiteral("send"));
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE(sent.size(), 1);
        const auto posted = m_server->requests("POST", QStringLiteral("/api/v1/fax/drafts/3/send"));
        QCOMPARE(posted.size(), 1);
        const QJsonArray recipients = posted.at(0).json().value(QLatin1String("recipients")).toArray();
        QCOMPARE(recipients.size(), 2);
        QCOMPARE(recipients.at(0).toObject(),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("서초구청 민원과")},
                              {QStringLiteral("number"), QStringLiteral("02-2155-6114")}}));
        QCOMPARE(recipients.at(1).toObject(),
                 (QJsonObject{{QStringLiteral("name"), QString()},
                              {QStringLiteral("number"), QStringLiteral("031-123-4567")}}));
        QVERIFY(dialog->controller()->isSent());
        QVERIFY(dialog->statusText().contains(QLatin1String("2 faxes queued")));
        QVERIFY(!dialog->isVisible());
        // Sent: closing deletes nothing.
        QVERIFY(m_server->requests("DELETE", QStringLiteral("/api/v1/fax/drafts/3")).isEmpty());
        delete dialog;
    }

    void sendWithoutRecipients()
    {
        FaxDialog* dialog = openOnDraft();
        dialog->send();
        QCOMPARE(dialog->statusText(), FaxText::serverError(QStringLiteral("no-recipients"), {}));
        QVERIFY(m_server->requests("POST", QStringLiteral("/api/v1/fax/drafts/3/send")).isEmpty());
        delete dialog;
    }

    void sendRefusals_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("expected");
        QTest::newRow("invalid-number")
            << 400
            << QByteArray(
                   R"({"error":"invalid-number","message":"x","number":"02-123-4567","reason":"bad-area-code"})")
            << QStringLiteral("02-123-4567 does not start with a Korean area code");
        QTest::newRow("fax-disabled") << 503 << QByteArray(R"({"error":"fax-disabled","message":"x"})")
                                      << QStringLiteral("Faxing is not set up on the server");
        QTest::newRow("too-many-recipients")
            << 400 << QByteArray(R"({"error":"too-many-recipients","message":"x","maxRecipients":1})")
            << QStringLiteral("at most 1 recipient at once");
        QTest::newRow("unsupported-format (shared with print jobs)")
            << 415 << QByteArray(R"({"error":"unsupported-format","message":"x","format":"ZIP"})")
            << QStringLiteral("ZIP files cannot be printed");
    }

    void sendRefusals()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, answer);
        QFETCH(QString, expected);
        m_server->route("POST", QStringLiteral("/api/v1/fax/drafts/3/send"), status, answer);
        FaxDialog* dialog = openOnDraft();
        type(dialog, QStringLiteral("A"), QStringLiteral("02-123-4567"));
        QVERIFY(dialog->recipientsPanel()->addTyped());
        dialog->send();
        QTRY_VERIFY2(dialog->statusText().contains(expected), qPrintable(dialog->statusText()));
        // Nothing was sent: the draft is still there to correct and send.
        QCOMPARE(dialog->controller()->state(), FaxController::State::Ready);
        QVERIFY(dialog->isVisible());
        delete dialog;
    }

    void uploadProgressAndRefusal()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("letter.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(200000, 'x'));
        f.close();
        m_server->routeJson("POST", QStringLiteral("/api/v1/fax/drafts"), 201,
                            {{QStringLiteral("draft"), draft(2, false)}});
        auto* dialog = new FaxDialog(m_api, m_me);
        dialog->show();
        QSignalSpy states(dialog->controller(), &FaxController::stateChanged);
        dialog->uploadFile(path);
        QCOMPARE(dialog->controller()->state(), FaxController::State::Uploading);
        QVERIFY(dialog->statusText().contains(QLatin1String("letter.txt")));
        QTRY_COMPARE(dialog->controller()->state(), FaxController::State::Ready);
        QCOMPARE(dialog->preview()->pageCount(), 2);
        const auto posted = m_server->requests("POST", QStringLiteral("/api/v1/fax/drafts"));
        QCOMPARE(posted.size(), 1);
        QCOMPARE(QUrlQuery(posted.at(0).query).queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded),
                 QStringLiteral("letter.txt"));
        QCOMPARE(posted.at(0).body.size(), 200000);
        delete dialog;

        // A refusal reads like the print path's.
        m_server->route("POST", QStringLiteral("/api/v1/fax/drafts"), 415,
                        R"({"error":"hwp-unsupported","message":"x","version":"HWP 5"})");
        dialog = new FaxDialog(m_api, m_me);
        dialog->show();
        dialog->uploadFile(path);
        QTRY_COMPARE(dialog->controller()->state(), FaxController::State::Failed);
        QVERIFY2(dialog->statusText().contains(QLatin1String("HWP 5")), qPrintable(dialog->statusText()));
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("send"))->isEnabled());
        delete dialog;
    }

    void closingWithoutSendingAsksThenDeletes()
    {
        m_server->routeJson("DELETE", QStringLiteral("/api/v1/fax/drafts/3"), 200,
                            {{QStringLiteral("deleted"), 3}});
        FaxDialog* dialog = openOnDraft();
        dialog->reject();
        auto* box = waitForChild<QMessageBox>(dialog, QStringLiteral("confirmDiscard"));
        QVERIFY(box);
        QVERIFY(dialog->isVisible());
        QVERIFY(m_server->requests("DELETE", QStringLiteral("/api/v1/fax/drafts/3")).isEmpty());
        // Cancel keeps it.
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(0);
        QVERIFY(dialog->isVisible());
        dialog->reject();
        box = waitForChild<QMessageBox>(dialog, QStringLiteral("confirmDiscard"));
        QVERIFY(box);
        box->findChild<QPushButton*>(QStringLiteral("confirm"))->click();
        QTRY_COMPARE(m_server->requests("DELETE", QStringLiteral("/api/v1/fax/drafts/3")).size(), 1);
        QVERIFY(!dialog->isVisible());
        delete dialog;
    }

    void faxTextCoversTheContract_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        const QStringList reasons =
            contractCodes(QStringLiteral("Failure `reasonCode`:"), QStringLiteral("`reason` is"));
        const QStringList numbers =
            contractCodes(QStringLiteral("Error codes (the apps"), QStringLiteral("## "));
        QVERIFY(reasons.size() >= 9);
        QVERIFY(numbers.size() >= 7);
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            for (const QString& c : reasons)
                QTest::newRow(qPrintable(lang + QStringLiteral(" reason ") + c))
                    << lang + QStringLiteral(":reason") << c;
            for (const QString& c : numbers)
                QTest::newRow(qPrintable(lang + QStringLiteral(" number ") + c))
                    << lang + QStringLiteral(":number") << c;
        }
    }

    void faxTextCoversTheContract()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        const QString lang = kind.section(QLatin1Char(':'), 0, 0);
        removeTranslators();
        QVERIFY(Translations::install(qApp, lang));
        const bool reason = kind.endsWith(QLatin1String("reason"));
        const QString sentence =
            reason ? FaxText::reason(code) : FaxText::numberError(code, QStringLiteral("02-12"));
        QVERIFY2(!sentence.isEmpty(), qPrintable(code + QStringLiteral(" has no sentence")));
        if (lang == QLatin1String("ko")) {
            static const QRegularExpression hangul(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"));
            QVERIFY2(sentence.contains(hangul),
                     qPrintable(code + QStringLiteral(" is not in Korean: ") + sentence));
        }
        // A failed fax's state names the reason too.
        if (reason)
            QVERIFY(FaxText::state({{QStringLiteral("state"), QStringLiteral("failed")},
                                    {QStringLiteral("reasonCode"), code}})
                        .contains(sentence));
    }

    void screenshots()
    {
        // Not a check: with MPS_CLIENT_GRAB_DIR set, saves the dialog with recipients, cover and preview.
        const QString dir = grabDir();
        if (dir.isEmpty())
            QSKIP("set MPS_CLIENT_GRAB_DIR to save screenshots");
        m_server->routeJson("PUT", QStringLiteral("/api/v1/fax/drafts/3/cover"), 200,
                            {{QStringLiteral("draft"), draft(4, true)}});
        QList<QByteArray> document;
        for (const char* name : {"form_english.pdf", "default-testpage.pdf", "standard.pdf"})
            document += renderPages(QStringLiteral("/usr/share/cups/data/") + QLatin1String(name),
                                    FaxPagePreview::PageWidth);
        QTemporaryDir work;
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            removeTranslators();
            QVERIFY(Translations::install(qApp, lang));
            FaxCoverPage::Fields fields;
            fields.to = QStringLiteral("서초구청 민원과, Hana Law Office");
            fields.toNumbers = QStringLiteral("02-2155-6114, 031-123-4567");
            fields.from =
                lang == QLatin1String("ko") ? QStringLiteral("박지우") : QStringLiteral("Park Jiwoo");
            fields.department =
                lang == QLatin1String("ko") ? QStringLiteral("재무과") : QStringLiteral("Finance");
            fields.subject = lang == QLatin1String("ko") ? QStringLiteral("계약서 서명본 송부")
                                                         : QStringLiteral("Signed contract");
            fields.note = lang == QLatin1String("ko") ? QStringLiteral("받으시면 연락 부탁드립니다.")
                                                      : QStringLiteral("Please call when it arrives.");
            fields.pages = 4;
            const QString coverPath = work.filePath(QStringLiteral("cover-%1.pdf").arg(lang));
            {
                QFile out(coverPath);
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write(FaxCoverPage::render(fields));
            }
            const QList<QByteArray> cover = renderPages(coverPath, FaxPagePreview::PageWidth);
            QVERIFY(!cover.isEmpty());
            QVERIFY(
                QImage::fromData(cover.at(0))
                    .save(dir + QStringLiteral("/client-fax-coverpage-") + lang + QStringLiteral(".png")));
            auto servePages = [this, &document, &cover](bool withCover) {
                QList<QByteArray> pages = document.mid(0, 3);
                while (pages.size() < 3)
                    pages << png(1200, 1700);
                if (withCover)
                    pages.prepend(cover.at(0));
                for (int i = 0; i < pages.size(); ++i)
                    m_server->route("GET", QStringLiteral("/api/v1/fax/drafts/3/pages/%1").arg(i + 1), 200,
                                    pages.at(i), "image/png");
            };
            for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
                servePages(false);
                const QJsonObject me =
                    lang == QLatin1String("ko")
                        ? QJsonObject{{QStringLiteral("displayName"), QStringLiteral("박지우")},
                                      {QStringLiteral("department"), QStringLiteral("재무과")}}
                        : QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Park Jiwoo")},
                                      {QStringLiteral("department"), QStringLiteral("Finance")}};
                FaxDialog* dialog = openOnDraft(3, me);
                dialog->resize(size.width() <= 1366 ? QSize(1100, 700) : QSize(1400, 860));
                QTRY_COMPARE(dialog->recipientsPanel()->contacts()->rowCount(), 2);
                type(dialog, QStringLiteral("서초구청 민원과"), QStringLiteral("02-2155-6114"));
                QVERIFY(dialog->recipientsPanel()->addTyped());
                type(dialog, QStringLiteral("Hana Law Office"), QStringLiteral("031 123 4567"));
                QVERIFY(dialog->recipientsPanel()->addTyped());
                type(dialog, QString(), QStringLiteral("02-12"));
                QTRY_VERIFY(!dialog->preview()->currentImage().isNull());
                QTest::qWait(200);
                const QString suffix =
                    QStringLiteral("%1x%2-%3").arg(size.width()).arg(size.height()).arg(lang);
                QVERIFY(dialog->grab().save(dir + QStringLiteral("/client-fax-dialog-") + suffix +
                                            QStringLiteral(".png")));
                dialog->findChild<QLineEdit*>(QStringLiteral("coverSubject"))
                    ->setText(lang == QLatin1String("ko") ? QStringLiteral("계약서 서명본 송부")
                                                          : QStringLiteral("Signed contract"));
                dialog->findChild<QPlainTextEdit*>(QStringLiteral("coverNote"))
                    ->setPlainText(lang == QLatin1String("ko")
                                       ? QStringLiteral("받으시면 연락 부탁드립니다.")
                                       : QStringLiteral("Please call when it arrives."));
                servePages(true);
                dialog->setCoverEnabled(true);
                QTRY_COMPARE(dialog->preview()->pageCount(), 4);
                QTRY_VERIFY(!dialog->preview()->currentImage().isNull());
                QTest::qWait(200);
                QVERIFY(dialog->grab().save(dir + QStringLiteral("/client-fax-cover-") + suffix +
                                            QStringLiteral(".png")));
                delete dialog;
            }
        }
    }
};

QTEST_MAIN(TestFaxDialog)
#include "TestFaxDialog.moc"
