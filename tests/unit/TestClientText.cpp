// What the tray client says: notifications, printer faults and the job details, in English and Korean
// (the compiled translations), and that both translation files are complete.
#include "JobInfo.h"
#include "JobItemDelegate.h"
#include "JobListModel.h"
#include "NotificationText.h"
#include "PrinterListModel.h"
#include "SignInDialog.h"
#include "Translations.h"
#include "TrayIconPainter.h"

#include <QApplication>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

QJsonObject heldEvent(const QString& name, int pages)
{
    JobInfo j;
    j.id = 12;
    j.owner = QStringLiteral("kim");
    j.name = name;
    j.pages = pages;
    j.printer = QStringLiteral("3F-East");
    j.stateReason = QStringLiteral("3F-East cannot print now (paper jam). The job is still held.");
    j.submitted = QDateTime(QDate(2026, 11, 24), QTime(6, 0), Qt::UTC);
    j.expires = QDateTime(QDate(2026, 11, 25), QTime(6, 0), Qt::UTC);
    return {{QStringLiteral("job"), j.toJson()}};
}

void removeTranslators()
{
    for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

} // namespace

class TestClientText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { removeTranslators(); }

    void languageChoice()
    {
        QCOMPARE(Translations::resolve(QString(), QLocale(QLocale::Korean, QLocale::SouthKorea)),
                 QStringLiteral("ko"));
        QCOMPARE(Translations::resolve(QString(), QLocale(QLocale::English, QLocale::UnitedKingdom)),
                 QStringLiteral("en"));
        QCOMPARE(Translations::resolve(QString(), QLocale(QLocale::German)), QStringLiteral("en"));
        QCOMPARE(Translations::resolve(QStringLiteral("en"), QLocale(QLocale::Korean)), QStringLiteral("en"));
        QCOMPARE(Translations::resolve(QStringLiteral("ko"), QLocale(QLocale::English)),
                 QStringLiteral("ko"));
    }

    void englishNotifications()
    {
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
        auto held = NotificationText::forEvent(QStringLiteral("job-held"),
                                               heldEvent(QStringLiteral("report.pdf"), 12));
        QVERIFY(held);
        QCOMPARE(held->body, QStringLiteral("report.pdf held - 12 pages"));
        held =
            NotificationText::forEvent(QStringLiteral("job-held"), heldEvent(QStringLiteral("memo.pdf"), 1));
        QCOMPARE(held->body, QStringLiteral("memo.pdf held - 1 page"));

        QCOMPARE(NotificationText::printed(1, QStringLiteral("3F-East"), QStringLiteral("report.pdf")).body,
                 QStringLiteral("report.pdf printed at 3F-East"));
        QCOMPARE(NotificationText::printed(2, QStringLiteral("3F-East"), QStringLiteral("report.pdf")).body,
                 QStringLiteral("2 jobs printed at 3F-East"));

        auto failed = NotificationText::forEvent(
            QStringLiteral("job-release-failed"), heldEvent(QStringLiteral("report.pdf"), 12),
            PrinterListModel::describeFaults({QStringLiteral("media-jam")}));
        QVERIFY(failed);
        QCOMPARE(failed->severity, NotificationText::Severity::Warning);
        QVERIFY2(failed->body.contains(QLatin1String("3F-East (paper jam)")), qPrintable(failed->body));
        QVERIFY(failed->body.contains(QLatin1String("still held")));
        // Without a known fault the server's reason is quoted.
        failed = NotificationText::forEvent(QStringLiteral("job-release-failed"),
                                            heldEvent(QStringLiteral("a.pdf"), 1));
        QVERIFY(failed->body.contains(QLatin1String("cannot print now (paper jam)")));

        auto expiring = NotificationText::forEvent(QStringLiteral("job-expiring"),
                                                   heldEvent(QStringLiteral("report.pdf"), 12), {},
                                                   QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(expiring);
        QVERIFY(expiring->body.startsWith(QLatin1String("report.pdf will be deleted at ")));

        QVERIFY(!NotificationText::forEvent(QStringLiteral("job-changed"),
                                            heldEvent(QStringLiteral("a.pdf"), 1)));
        QVERIFY(!NotificationText::forEvent(QStringLiteral("job-deleted"),
                                            heldEvent(QStringLiteral("a.pdf"), 1)));
    }

    void koreanNotifications()
    {
        QVERIFY(Translations::install(qApp, QStringLiteral("ko")));
        auto held = NotificationText::forEvent(QStringLiteral("job-held"),
                                               heldEvent(QStringLiteral("report.pdf"), 12));
        QVERIFY(held);
        QCOMPARE(held->body, QStringLiteral("report.pdf 보류됨 - 12쪽"));
        QCOMPARE(NotificationText::printed(2, QStringLiteral("3F-East"), QString()).body,
                 QStringLiteral("3F-East에서 2건을 인쇄했습니다"));
        QCOMPARE(
            PrinterListModel::describeFaults({QStringLiteral("media-jam"), QStringLiteral("toner-empty")}),
            QStringLiteral("용지 걸림, 토너 없음"));
        // Dates in Korean order.
        auto expiring =
            NotificationText::forEvent(QStringLiteral("job-expiring"), heldEvent(QStringLiteral("a.pdf"), 1),
                                       {}, QLocale(QLocale::Korean, QLocale::SouthKorea));
        const QLocale korean(QLocale::Korean, QLocale::SouthKorea);
        const QString when = korean.toString(
            QDateTime(QDate(2026, 11, 25), QTime(6, 0), Qt::UTC).toLocalTime(), QLocale::ShortFormat);
        QVERIFY2(expiring->body.contains(when) &&
                     (when.contains(QStringLiteral("오전")) || when.contains(QStringLiteral("오후"))),
                 qPrintable(expiring->body));
        QLocale::setDefault(QLocale::c());
    }

    void jobDetails()
    {
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
        JobListModel m;
        JobInfo j;
        j.id = 1;
        j.name = QStringLiteral("budget.pdf");
        j.pages = 3;
        j.color = true;
        j.options.copies = 2;
        j.options.sides = QStringLiteral("two-sided-long-edge");
        j.submitted = QDateTime(QDate(2026, 11, 20), QTime(6, 0), Qt::UTC);
        j.expires = QDateTime(QDate(2026, 11, 21), QTime(6, 0), Qt::UTC);
        m.setJobs({j});
        const QStringList lines = JobItemDelegate::detailLines(m.index(0));
        QCOMPARE(lines.value(0),
                 QStringLiteral("3 pages  \u00b7  Colour  \u00b7  Two-sided  \u00b7  2 copies"));
        QVERIFY(lines.value(1).startsWith(QLatin1String("Submitted ")));
        QVERIFY(JobItemDelegate::statusLine(m.index(0)).isEmpty());
        j.state = JobState::Releasing;
        j.printer = QStringLiteral("3F-East");
        m.applyEvent(QStringLiteral("job-releasing"), {{QStringLiteral("job"), j.toJson()}});
        QCOMPARE(JobItemDelegate::statusLine(m.index(0)), QStringLiteral("Sending to 3F-East..."));
    }

    void serverAddress_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("url");
        QTest::newRow("bare host") << "print.example.org"
                                   << "https://print.example.org:8631";
        QTest::newRow("host and port") << "print.example.org:9000"
                                       << "https://print.example.org:9000";
        QTest::newRow("https") << "https://print.example.org"
                               << "https://print.example.org";
        QTest::newRow("trailing slash") << "https://print.example.org:8631/"
                                        << "https://print.example.org:8631";
        QTest::newRow("loopback http") << "http://127.0.0.1:8080"
                                       << "http://127.0.0.1:8080";
        QTest::newRow("spaces around") << "  print.example.org  "
                                       << "https://print.example.org:8631";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("space inside") << "print example"
                                      << "";
        QTest::newRow("ftp") << "ftp://print.example.org"
                             << "";
    }
    void serverAddress()
    {
        QFETCH(QString, typed);
        QFETCH(QString, url);
        QCOMPARE(SignInDialog::parseServerUrl(typed).toString(), url);
    }

    void trayIconShowsTheCount()
    {
        const QImage none = TrayIconPainter::pixmap(0, TrayIconPainter::Status::SignedIn, 32).toImage();
        const QImage three = TrayIconPainter::pixmap(3, TrayIconPainter::Status::SignedIn, 32).toImage();
        const QImage many = TrayIconPainter::pixmap(120, TrayIconPainter::Status::SignedIn, 32).toImage();
        QCOMPARE(none.size(), QSize(32, 32));
        QVERIFY(none != three);
        QVERIFY(three != many);
        // The badge is red, top right.
        const QColor badge = three.pixelColor(31 - 4, 9);
        QVERIFY2(badge.red() > 150 && badge.green() < 100, qPrintable(badge.name()));
        QCOMPARE(none.pixelColor(31 - 4, 9).alpha(), 0);
        QVERIFY(!TrayIconPainter::icon(2, TrayIconPainter::Status::Offline).isNull());
    }

    void translationsComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("ko") << QStringLiteral(MPS_SOURCE_DIR "/translations/mps_ko.ts");
        QTest::newRow("en") << QStringLiteral(MPS_SOURCE_DIR "/translations/mps_en.ts");
    }
    void translationsComplete()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        struct Message
        {
            QString source;
            QStringList translations;
            bool unfinished = false;
        };
        QList<Message> messages;
        QXmlStreamReader xml(&f);
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("message")) {
                messages.append(Message());
            } else if (xml.name() == QLatin1String("source") && !messages.isEmpty()) {
                messages.last().source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation") && !messages.isEmpty()) {
                const QStringView type = xml.attributes().value(QLatin1String("type"));
                messages.last().unfinished = !type.isEmpty();
                // Either plain text or <numerusform> children.
                QString text;
                while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                        messages.last().translations << xml.readElementText();
                    else if (xml.isCharacters())
                        text += xml.text();
                }
                if (messages.last().translations.isEmpty())
                    messages.last().translations << text;
            }
        }
        QVERIFY2(!xml.hasError(),
                 qPrintable(QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString())));
        QVERIFY(messages.size() > 100);
        static const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
        for (const Message& m : std::as_const(messages)) {
            QVERIFY2(!m.unfinished, qPrintable(QStringLiteral("unfinished: ") + m.source));
            for (qsizetype i = 0; i < m.translations.size(); ++i) {
                const QString& t = m.translations.at(i);
                QVERIFY2(!t.trimmed().isEmpty(), qPrintable(QStringLiteral("empty: ") + m.source));
                // Every placeholder of the source survives translation; a singular form ("the selected
                // job") may leave out the number itself.
                auto it = placeholder.globalMatch(m.source);
                while (it.hasNext()) {
                    const QString p = it.next().captured();
                    if (p == QLatin1String("%n") && i == 0 && m.translations.size() > 1)
                        continue;
                    QVERIFY2(t.contains(p), qPrintable(QStringLiteral("%1 lost in: %2").arg(p, t)));
                }
            }
        }
    }
};

QTEST_MAIN(TestClientText)
#include "TestClientText.moc"
