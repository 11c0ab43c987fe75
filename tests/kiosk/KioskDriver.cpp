// mps-kiosk-driver: the kiosk's C++ session layer without QML, for tests/integration/test_kiosk.py.
//
// Runs KioskController with the real PC/SC CardReader against a real server. Reads one command per
// line on stdin and prints a JSON snapshot of the kiosk on stdout after every change:
//   pin USER PIN | link USER PASSWORD | wedge NUMBER | select-all | select JOBID | print | print-all |
//   delete | confirm-delete | sign-out | pin-screen | cancel | refresh-printer | enroll |
//   remove-fingerprint | cancel-fingerprint | retry-fingerprint | skip-fingerprint | scan-open |
//   scan-source S | scan-mode M | scan-resolution N | scan-name NAME | scan | scan-delete N | scan-send |
//   scan-close | sync TOKEN | quit
// "sync TOKEN" prints {"sync":"TOKEN"} once every command before it has been handled.
// Usage: mps-kiosk-driver --server URL --device-token-file FILE [--idle-timeout S]
//        [--fingerprint [--fingerprint-refresh S]] [--scanner DEVICE [--scan-max-pages N]
//        [--scanner-option NAME=VALUE]...]  (the sensor: libfprint, e.g. FP_VIRTUAL_DEVICE_STORAGE)
#include "ApiClient.h"
#include "CardReader.h"
#include "EventStream.h"
#include "FingerprintController.h"
#include "FingerprintReader.h"
#include "JobModel.h"
#include "JobsController.h"
#include "KioskController.h"
#include "KioskTranslations.h"
#include "PrinterModel.h"
#include "PrinterStatusController.h"
#include "SaneScanner.h"
#include "ScanController.h"
#include "ScanPageModel.h"
#include "SignInController.h"
#include "ThumbnailCache.h"
#include "WedgeReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <unistd.h>

namespace {

QJsonObject snapshot(const KioskController& k, const QString& lastCard, bool cardPresent)
{
    QJsonArray jobs;
    const JobModel* m = k.jobsController()->jobs();
    for (int row = 0; row < m->rowCount(); ++row) {
        const QModelIndex i = m->index(row);
        jobs.append(QJsonObject{
            {QStringLiteral("id"), m->data(i, JobModel::JobIdRole).toLongLong()},
            {QStringLiteral("name"), m->data(i, JobModel::NameRole).toString()},
            {QStringLiteral("state"), m->data(i, JobModel::StateRole).toString()},
            {QStringLiteral("stateText"), m->data(i, JobModel::StateTextRole).toString()},
            {QStringLiteral("details"), m->data(i, JobModel::DetailsRole).toString()},
            {QStringLiteral("cost"), m->data(i, JobModel::CostRole).toString()},
            {QStringLiteral("selected"), m->data(i, JobModel::SelectedRole).toBool()},
            {QStringLiteral("thumbnail"), !m->data(i, JobModel::ThumbnailRole).toString().isEmpty()}});
    }
    static const char* screens[] = {"idle",   "pin",    "link-card", "jobs",
                                    "verify", "enroll", "consent",   "scan"};
    const ScanController* scan = k.scanController();
    QJsonArray sources;
    for (const QVariant& s : scan->sources())
        sources.append(s.toMap().value(QStringLiteral("value")).toString());
    return {{QStringLiteral("screen"), QLatin1String(screens[k.screen()])},
            {QStringLiteral("busy"), k.busy()},
            {QStringLiteral("message"), k.message()},
            {QStringLiteral("error"), k.lastErrorCode()},
            {QStringLiteral("user"), k.userName()},
            {QStringLiteral("printer"), k.printerStatus()->printerName()},
            {QStringLiteral("printerState"), k.printerStatus()->printerStateText()},
            {QStringLiteral("canPrint"), k.printerStatus()->printerCanPrint()},
            {QStringLiteral("serverReachable"), k.printerStatus()->serverReachable()},
            {QStringLiteral("canDuplex"), k.printerStatus()->canDuplex()},
            {QStringLiteral("canChooseColour"), k.printerStatus()->canChooseColour()},
            {QStringLiteral("copiesMax"), k.printerStatus()->copiesMax()},
            {QStringLiteral("copies"), k.jobsController()->copies()},
            {QStringLiteral("duplex"), k.jobsController()->duplex()},
            {QStringLiteral("mono"), k.jobsController()->mono()},
            {QStringLiteral("fault"), k.printerStatus()->printerFaultText()},
            {QStringLiteral("printerFetches"), k.printerStatus()->fetchCount()},
            {QStringLiteral("kioskStream"), k.kioskEvents()->isConnected()},
            {QStringLiteral("alternatives"),
             QJsonArray::fromStringList(k.printerStatus()->alternatives()->names())},
            {QStringLiteral("jobsLoading"), m->loading()},
            {QStringLiteral("jobs"), jobs},
            {QStringLiteral("quota"), k.jobsController()->quotaText()},
            {QStringLiteral("secondsLeft"), k.secondsLeft()},
            {QStringLiteral("afterPrintAll"), k.signingOutAfterPrint()},
            {QStringLiteral("confirmingDelete"), k.jobsController()->confirmingDelete()},
            {QStringLiteral("fingerprint"), k.fingerprintController()->fingerprintAvailable()},
            {QStringLiteral("canIdentify"), k.fingerprintController()->fingerprintCanIdentify()},
            {QStringLiteral("hasFingerprint"), k.fingerprintController()->hasFingerprint()},
            {QStringLiteral("fingerprintFailed"), k.fingerprintController()->fingerprintFailed()},
            {QStringLiteral("listening"), k.fingerprintController()->sensorListening()},
            {QStringLiteral("enrollDone"), k.fingerprintController()->enrollDone()},
            {QStringLiteral("enrollTotal"), k.fingerprintController()->enrollTotal()},
            {QStringLiteral("candidates"), k.fingerprintController()->fingerprintCandidates()},
            {QStringLiteral("scanAvailable"), scan->available()},
            {QStringLiteral("scanSources"), sources},
            {QStringLiteral("scanAddress"), scan->address()},
            {QStringLiteral("scanFileName"), scan->fileName()},
            {QStringLiteral("scanPages"), scan->pages()->rowCount()},
            {QStringLiteral("scanUploading"), scan->pendingUploads()},
            {QStringLiteral("scanning"), scan->scanning()},
            {QStringLiteral("scanSending"), scan->sending()},
            {QStringLiteral("scanId"), scan->scanId()},
            {QStringLiteral("lastCard"), lastCard},
            {QStringLiteral("cardPresent"), cardPresent}};
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_NO_GLIB", "1"); // as mps-kiosk: libfprint's thread owns GLib's default context
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    const QCommandLineOption server(QStringLiteral("server"), QString(), QStringLiteral("URL"));
    const QCommandLineOption tokenFile(QStringLiteral("device-token-file"), QString(),
                                       QStringLiteral("FILE"));
    const QCommandLineOption idle(QStringLiteral("idle-timeout"), QString(), QStringLiteral("S"),
                                  QStringLiteral("30"));
    const QCommandLineOption lang(QStringLiteral("language"), QString(), QStringLiteral("LANG"),
                                  QStringLiteral("en"));
    const QCommandLineOption noReader(QStringLiteral("no-card-reader"));
    const QCommandLineOption finger(QStringLiteral("fingerprint"));
    const QCommandLineOption fingerRefresh(QStringLiteral("fingerprint-refresh"), QString(),
                                           QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption scanner(QStringLiteral("scanner"), QString(), QStringLiteral("DEVICE"));
    const QCommandLineOption scanMax(QStringLiteral("scan-max-pages"), QString(), QStringLiteral("N"),
                                     QStringLiteral("100"));
    const QCommandLineOption scanOption(QStringLiteral("scanner-option"), QString(),
                                        QStringLiteral("NAME=VALUE"));
    p.addOptions(
        {server, tokenFile, idle, lang, noReader, finger, fingerRefresh, scanner, scanMax, scanOption});
    p.process(app);

    QFile f(p.value(tokenFile));
    if (!f.open(QIODevice::ReadOnly)) {
        fprintf(stderr, "mps-kiosk-driver: cannot read the device token file\n");
        return 2;
    }
    ApiClient client;
    client.setBaseUrl(QUrl(p.value(server)));
    client.setDeviceToken(QString::fromLatin1(f.readLine().trimmed()));
    KioskTranslations translations;
    translations.setLanguage(p.value(lang));
    KioskController kiosk(&client, &translations);
    ThumbnailCache
        thumbnails; // before anything binds to kiosk.jobsController()->jobs(): it recreates the model
    kiosk.jobsController()->setThumbnailCache(&thumbnails);
    kiosk.setIdleTimeoutSecs(p.value(idle).toInt());
    std::unique_ptr<SaneScanner> sane;
    if (p.isSet(scanner)) {
        sane = std::make_unique<SaneScanner>(p.value(scanner));
        kiosk.scanController()->setMaxPages(p.value(scanMax).toInt());
        QList<SaneScanner::DeviceOption> options;
        for (const QString& o : p.values(scanOption))
            options.append({o.section(QLatin1Char('='), 0, 0).toUtf8(), o.section(QLatin1Char('='), 1)});
        kiosk.scanController()->setDeviceOptions(options);
        kiosk.scanController()->setScanner(sane.get());
    }
    WedgeReader wedge;
    QObject::connect(&wedge, &WedgeReader::cardTyped, kiosk.signInController(),
                     &SignInController::cardPresented);

    QString lastCard;
    bool cardPresent = false;
    QTextStream out(stdout);
    // Print at most one snapshot per event-loop pass, and only when something changed.
    QTimer emitTimer;
    emitTimer.setSingleShot(true);
    emitTimer.setInterval(0);
    QByteArray last;
    QObject::connect(&emitTimer, &QTimer::timeout, [&] {
        const QByteArray line =
            QJsonDocument(snapshot(kiosk, lastCard, cardPresent)).toJson(QJsonDocument::Compact);
        if (line == last)
            return;
        last = line;
        out << line << "\n";
        out.flush();
    });
    auto changed = [&] { emitTimer.start(); };
    for (auto sig :
         {&KioskController::screenChanged, &KioskController::busyChanged, &KioskController::messageChanged,
          &KioskController::userChanged, &KioskController::secondsLeftChanged})
        QObject::connect(&kiosk, sig, changed);
    QObject::connect(kiosk.printerStatus(), &PrinterStatusController::printerChanged, changed);
    QObject::connect(kiosk.kioskEvents(), &EventStream::connected, changed);
    QObject::connect(kiosk.kioskEvents(), &EventStream::disconnected, changed);
    QObject::connect(kiosk.jobsController(), &JobsController::confirmingDeleteChanged, changed);
    QObject::connect(kiosk.fingerprintController(), &FingerprintController::fingerprintChanged, changed);
    QObject::connect(kiosk.jobsController()->jobs(), &QAbstractItemModel::modelReset, changed);
    QObject::connect(kiosk.jobsController()->jobs(), &QAbstractItemModel::dataChanged, changed);
    QObject::connect(kiosk.jobsController()->jobs(), &QAbstractItemModel::rowsInserted, changed);
    QObject::connect(kiosk.jobsController()->jobs(), &QAbstractItemModel::rowsRemoved, changed);
    QObject::connect(kiosk.jobsController()->jobs(), &JobModel::loadingChanged, changed);
    QObject::connect(kiosk.printerStatus()->alternatives(), &QAbstractItemModel::modelReset, changed);
    QObject::connect(kiosk.scanController(), &ScanController::stateChanged, changed);
    QObject::connect(kiosk.scanController(), &ScanController::sourcesChanged, changed);
    QObject::connect(kiosk.scanController(), &ScanController::addressChanged, changed);
    QObject::connect(kiosk.scanController(), &ScanController::optionsChanged, changed);
    QObject::connect(kiosk.scanController()->pages(), &ScanPageModel::countChanged, changed);
    QObject::connect(kiosk.scanController()->pages(), &QAbstractItemModel::dataChanged, changed);

    CardReader reader;
    QObject::connect(&reader, &CardReader::cardTapped, [&](const QString& uid) {
        lastCard = uid;
        cardPresent = true;
        changed();
        kiosk.signInController()->cardPresented(uid);
    });
    QObject::connect(&reader, &CardReader::cardRemoved, [&] {
        cardPresent = false;
        changed();
    });
    QObject::connect(&reader, &CardReader::readerError,
                     [&](const QString& m) { fprintf(stderr, "reader: %s\n", qPrintable(m)); });
    if (!p.isSet(noReader))
        reader.start();
    FingerprintReader fingerprint;
    if (p.isSet(finger)) {
        kiosk.fingerprintController()->setFingerprintReader(&fingerprint);
        kiosk.fingerprintController()->setFingerprintRefreshSecs(p.value(fingerRefresh).toInt());
        fingerprint.start();
    }

    QSocketNotifier stdinNotifier(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray pending;
    QObject::connect(&stdinNotifier, &QSocketNotifier::activated, [&] {
        char buf[4096];
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n <= 0) {
            QCoreApplication::quit();
            return;
        }
        pending.append(buf, static_cast<int>(n));
        int nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QStringList cmd =
                QString::fromUtf8(pending.left(nl)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            pending.remove(0, nl + 1);
            if (cmd.isEmpty())
                continue;
            const QString& c = cmd.first();
            if (c == QLatin1String("sync") && cmd.size() == 2) {
                // Every command before it has been handled: the test may now act on the peers.
                out << QJsonDocument(QJsonObject{{QStringLiteral("sync"), cmd[1]}})
                           .toJson(QJsonDocument::Compact)
                    << "\n";
                out.flush();
                continue;
            }
            kiosk.userActivity();
            if (c == QLatin1String("pin") && cmd.size() == 3)
                kiosk.signInController()->signInWithPin(cmd[1], cmd[2]);
            else if (c == QLatin1String("link") && cmd.size() == 3)
                kiosk.signInController()->linkCard(cmd[1], cmd[2]);
            else if (c == QLatin1String("wedge") && cmd.size() == 2) {
                // Typed as a wedge reader types: fast keys, then Enter.
                qint64 t = 1000;
                for (const QChar ch : cmd[1])
                    wedge.keyPressed(QString(ch), false, t += 10);
                wedge.keyPressed({}, true, t + 10);
            } else if (c == QLatin1String("select-all"))
                kiosk.jobsController()->jobs()->selectAll(true);
            else if (c == QLatin1String("select") && cmd.size() == 2) {
                // Only that job selected, as a person tapping one row after clearing the others.
                kiosk.jobsController()->jobs()->selectAll(false);
                kiosk.jobsController()->jobs()->setSelected(
                    kiosk.jobsController()->jobs()->rowOf(cmd[1].toLongLong()), true);
            } else if (c == QLatin1String("copies") && cmd.size() == 2)
                kiosk.jobsController()->setCopies(cmd[1].toInt());
            else if (c == QLatin1String("duplex") && cmd.size() == 2)
                kiosk.jobsController()->setDuplex(cmd[1] == QLatin1String("on"));
            else if (c == QLatin1String("mono") && cmd.size() == 2)
                kiosk.jobsController()->setMono(cmd[1] == QLatin1String("on"));
            else if (c == QLatin1String("print"))
                kiosk.jobsController()->printSelected();
            else if (c == QLatin1String("print-all"))
                kiosk.jobsController()->printAll();
            else if (c == QLatin1String("delete"))
                kiosk.jobsController()->requestDelete();
            else if (c == QLatin1String("confirm-delete"))
                kiosk.jobsController()->confirmDelete();
            else if (c == QLatin1String("sign-out"))
                kiosk.signOut();
            else if (c == QLatin1String("pin-screen"))
                kiosk.signInController()->showPinEntry();
            else if (c == QLatin1String("cancel"))
                kiosk.signInController()->cancel();
            else if (c == QLatin1String("refresh-printer"))
                kiosk.printerStatus()->refreshPrinter();
            else if (c == QLatin1String("enroll"))
                kiosk.fingerprintController()->startEnrollment();
            else if (c == QLatin1String("agree"))
                kiosk.fingerprintController()->agreeAndEnroll();
            else if (c == QLatin1String("remove-fingerprint"))
                kiosk.fingerprintController()->removeFingerprint();
            else if (c == QLatin1String("cancel-fingerprint"))
                kiosk.fingerprintController()->cancelFingerprint();
            else if (c == QLatin1String("retry-fingerprint"))
                kiosk.fingerprintController()->retryFingerprint();
            else if (c == QLatin1String("skip-fingerprint"))
                kiosk.fingerprintController()->continueWithoutFingerprint();
            else if (c == QLatin1String("scan-open"))
                kiosk.scanController()->openScreen();
            else if (c == QLatin1String("scan-source") && cmd.size() == 2)
                kiosk.scanController()->setSource(cmd[1]);
            else if (c == QLatin1String("scan-mode") && cmd.size() == 2)
                kiosk.scanController()->setMode(cmd[1]);
            else if (c == QLatin1String("scan-resolution") && cmd.size() == 2)
                kiosk.scanController()->setResolution(cmd[1].toInt());
            else if (c == QLatin1String("scan-name") && cmd.size() == 2)
                kiosk.scanController()->setFileName(cmd[1]);
            else if (c == QLatin1String("scan"))
                kiosk.scanController()->scan();
            else if (c == QLatin1String("scan-delete") && cmd.size() == 2)
                kiosk.scanController()->deletePage(cmd[1].toInt() - 1);
            else if (c == QLatin1String("scan-send"))
                kiosk.scanController()->send();
            else if (c == QLatin1String("scan-close"))
                kiosk.scanController()->closeScreen();
            else if (c == QLatin1String("snapshot")) {
                last.clear();
                changed();
            } else if (c == QLatin1String("quit"))
                QCoreApplication::quit();
            else
                fprintf(stderr, "unknown command: %s\n", qPrintable(c));
        }
    });
    kiosk.start();
    changed();
    return app.exec();
}
