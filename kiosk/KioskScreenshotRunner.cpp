#include "KioskScreenshotRunner.h"

#include "FingerprintController.h"
#include "JobModel.h"
#include "JobsController.h"
#include "KioskController.h"
#include "KioskLog.h"
#include "PrinterModel.h"
#include "PrinterStatusController.h"
#include "ScanController.h"
#include "ScanPageModel.h"
#include "SignInController.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

KioskScreenshotRunner::KioskScreenshotRunner(KioskController* kiosk, QQuickWindow* window, const QString& dir,
                                             const QString& prefix, const QString& user, const QString& pin,
                                             const QStringList& shots, QObject* parent)
    : QObject(parent), m_kiosk(kiosk), m_window(window), m_dir(dir), m_prefix(prefix), m_user(user),
      m_pin(pin), m_shots(shots)
{
}

void KioskScreenshotRunner::start()
{
    QDir().mkpath(m_dir);
    auto* k = m_kiosk.data();
    auto has = [this](const char* s) { return m_shots.contains(QLatin1String(s)); };
    m_steps << [=, this] {
        // The printer, or (idle-unreachable, the server stopped) the news that there is no server.
        waitFor(
            [k] {
                return !k->printerStatus()->printerName().isEmpty() || !k->printerStatus()->serverReachable();
            },
            800, [this] { next(); }, QStringLiteral("printer"));
    };
    if (has("idle-unreachable")) // the idle screen while the print server cannot be reached
        m_steps << [=, this] {
            waitFor([k] { return !k->printerStatus()->serverReachable(); }, 300,
                    [this] {
                        grab(QStringLiteral("idle-unreachable"));
                        next();
                    },
                    QStringLiteral("server unreachable"));
        };
    if (has("idle"))
        m_steps << [this] {
            grab(QStringLiteral("idle"));
            next();
        };
    if (has("idle-fault")) // the idle screen while the printer reports a fault
        m_steps << [=, this] {
            waitFor([k] { return !k->printerStatus()->printerCanPrint(); }, 300,
                    [this] {
                        grab(QStringLiteral("idle-fault"));
                        next();
                    },
                    QStringLiteral("printer fault"));
        };
    if (has("link")) {
        m_steps << [=, this] {
            k->signInController()->cardPresented(QStringLiteral("0BADCAFE"));
            waitFor([k] { return k->screen() == KioskController::LinkCardScreen; }, 500,
                    [this] {
                        setField("linkUserField", m_user);
                        QTimer::singleShot(300, this, [this] {
                            grab(QStringLiteral("link"));
                            next();
                        });
                    },
                    QStringLiteral("link screen"));
        };
        m_steps << [=, this] {
            k->cancel();
            QTimer::singleShot(300, this, [this] { next(); });
        };
    }
    if (has("pin")) {
        m_steps << [=, this] {
            k->signInController()->showPinEntry();
            waitFor([k] { return k->screen() == KioskController::PinScreen; }, 400,
                    [this] {
                        setField("userField", m_user);
                        setField("pinField", m_pin);
                        QTimer::singleShot(300, this, [this] {
                            grab(QStringLiteral("pin"));
                            next();
                        });
                    },
                    QStringLiteral("PIN screen"));
        };
    }
    if (has("pin-refused")) {
        // A wrong PIN: the refusal says what to do next.
        m_steps << [=, this] {
            k->signInController()->showPinEntry();
            waitFor([k] { return k->screen() == KioskController::PinScreen; }, 400,
                    [=, this] {
                        k->signInController()->signInWithPin(m_user, QStringLiteral("000000"));
                        waitFor([k] { return !k->busy() && k->messageIsError(); }, 400,
                                [=, this] {
                                    setField("userField", m_user);
                                    QTimer::singleShot(300, this, [=, this] {
                                        grab(QStringLiteral("pin-refused"));
                                        k->cancel();
                                        next();
                                    });
                                },
                                QStringLiteral("PIN refusal"));
                    },
                    QStringLiteral("PIN screen"));
        };
    }
    if (has("locked")) {
        // A card whose account is locked (five wrong PINs first): the idle screen says until when
        // and what to do. The card number comes from MPS_KIOSK_DEMO_CARD.
        auto tries = std::make_shared<int>(0);
        auto wrongPin = std::make_shared<Step>();
        *wrongPin = [=, this] {
            k->signInController()->signInWithPin(m_user, QStringLiteral("000000"));
            waitFor([k] { return !k->busy(); }, 100,
                    [=, this] {
                        if (k->lastErrorCode() != QLatin1String("locked") && ++*tries < 8)
                            (*wrongPin)();
                        else
                            next();
                    },
                    QStringLiteral("PIN refusal"));
        };
        m_steps << [=, this] {
            k->signInController()->showPinEntry();
            (*wrongPin)();
        };
        m_steps << [=, this] {
            k->cancel();
            k->signInController()->cardPresented(qEnvironmentVariable("MPS_KIOSK_DEMO_CARD"));
            waitFor([k] { return !k->busy() && k->lastErrorCode() == QLatin1String("locked"); }, 400,
                    [this] {
                        grab(QStringLiteral("locked"));
                        next();
                    },
                    QStringLiteral("locked card"));
        };
    }
    // Signs in by PIN unless signed in already, then waits for the job list.
    const Step toJobs = [=, this] {
        if (k->screen() != KioskController::JobsScreen)
            k->signInController()->signInWithPin(m_user, m_pin);
        waitFor(
            [k] {
                return k->screen() == KioskController::JobsScreen &&
                       !k->jobsController()->jobs()->loading() && k->jobsController()->jobs()->rowCount() > 0;
            },
            1500, [this] { next(); }, QStringLiteral("job list"));
    };
    if (has("jobs") || has("confirm-delete") || has("fault")) {
        m_steps << toJobs;
        m_steps << [=, this] {
            k->jobsController()->jobs()->setSelected(0, true);
            k->jobsController()->setDuplex(true);
            QTimer::singleShot(300, this, [this] { next(); });
        };
    }
    if (has("jobs"))
        m_steps << [this] {
            grab(QStringLiteral("jobs"));
            next();
        };
    if (has("confirm-delete")) {
        m_steps << [=, this] {
            k->jobsController()->requestDelete();
            QTimer::singleShot(500, this, [=, this] {
                grab(QStringLiteral("confirm-delete"));
                k->jobsController()->cancelDelete();
                next();
            });
        };
    }
    if (has("fault")) {
        m_steps << [=, this] {
            waitFor(
                [k] {
                    return !k->printerStatus()->printerCanPrint() &&
                           k->printerStatus()->alternatives()->rowCount() > 0;
                },
                600,
                [this] {
                    grab(QStringLiteral("fault"));
                    next();
                },
                QStringLiteral("printer fault"));
        };
    }
    if (has("release-failed")) {
        // The printer aborts what it is sent (the script set it so): the first job comes back held
        // again with the reason, the way a person sees the result of a release that failed.
        auto jobId = std::make_shared<qint64>(0);
        m_steps << toJobs;
        m_steps << [=, this] {
            JobModel* jobs = k->jobsController()->jobs();
            jobs->selectAll(false);
            *jobId = jobs->data(jobs->index(0), JobModel::JobIdRole).toLongLong();
            jobs->setSelected(0, true);
            k->jobsController()->printSelected();
            waitFor(
                [jobs, jobId] {
                    return jobs->data(jobs->index(jobs->rowOf(*jobId)), JobModel::FailedRole).toBool();
                },
                600,
                [this] {
                    grab(QStringLiteral("release-failed"));
                    next();
                },
                QStringLiteral("job held again"));
        };
    }
    if (has("quota-refused")) {
        // The script gave the user a hard quota smaller than any job: Print is refused with the
        // sentence, and the job stays held.
        m_steps << toJobs;
        m_steps << [=, this] {
            JobModel* jobs = k->jobsController()->jobs();
            jobs->selectAll(false);
            jobs->setSelected(0, true);
            k->jobsController()->printSelected();
            waitFor([k] { return !k->busy() && k->lastErrorCode() == QLatin1String("quota-exceeded"); }, 600,
                    [this] {
                        grab(QStringLiteral("quota-refused"));
                        next();
                    },
                    QStringLiteral("quota refusal"));
        };
    }
    if (has("scan") || has("scan-pages") || has("scan-jam")) {
        // Scan to my e-mail with the scanner the kiosk was started with (--scanner test: SANE's test
        // backend). The feeder brings three pages, then a jammed sheet stops the next scan.
        ScanController* scan = k->scanController();
        m_steps << toJobs;
        m_steps << [=, this] {
            scan->openScreen();
            waitFor(
                [k, scan] {
                    return k->screen() == KioskController::ScanScreen && scan->sources().size() > 1;
                },
                400,
                [this, has] {
                    if (has("scan"))
                        grab(QStringLiteral("scan"));
                    next();
                },
                QStringLiteral("scan screen"));
        };
        m_steps << [=, this] {
            scan->setSource(QStringLiteral("feeder"));
            scan->setMaxPages(3);
            // SANE's test backend scans solid black by default; its grid looks like a page.
            if (qEnvironmentVariable("MPS_KIOSK_DEMO_SCANNER") == QLatin1String("test"))
                scan->setDeviceOptions({{"test-picture", QStringLiteral("Grid")}});
            scan->scan();
            waitFor(
                [scan] {
                    return scan->pages()->rowCount() == 3 && !scan->scanning() && scan->pendingUploads() == 0;
                },
                800,
                [this, has] {
                    if (has("scan-pages"))
                        grab(QStringLiteral("scan-pages"));
                    next();
                },
                QStringLiteral("three scanned pages"));
        };
        m_steps << [=, this] {
            scan->setMaxPages(ScanController::DefaultMaxPages);
            scan->setDeviceOptions({{"test-picture", QStringLiteral("Grid")},
                                    {"read-return-value", QStringLiteral("SANE_STATUS_JAMMED")}});
            scan->scan();
            waitFor([k, scan] { return !scan->scanning() && k->lastErrorCode() == QLatin1String("jammed"); },
                    600,
                    [this, has, scan] {
                        if (has("scan-jam"))
                            grab(QStringLiteral("scan-jam"));
                        scan->setDeviceOptions({});
                        scan->closeScreen();
                        next();
                    },
                    QStringLiteral("jammed scan"));
        };
    }
    if (has("enroll") || has("verify")) {
        // The sensor is libfprint's virtual one (FP_VIRTUAL_DEVICE_STORAGE): the runner touches it.
        m_steps << [=, this] {
            if (k->screen() != KioskController::JobsScreen)
                k->signInController()->signInWithPin(m_user, m_pin);
            waitFor(
                [k] {
                    return k->screen() == KioskController::JobsScreen &&
                           k->fingerprintController()->fingerprintAvailable();
                },
                300, [this] { next(); }, QStringLiteral("session with a fingerprint sensor"));
        };
        m_steps << [=, this] {
            k->fingerprintController()->startEnrollment();
            waitFor([k] { return k->screen() == KioskController::ConsentScreen; }, 100,
                    [this, has] {
                        if (has("consent"))
                            grab(QStringLiteral("consent"));
                        next();
                    },
                    QStringLiteral("consent screen"));
        };
        m_steps << [=, this] {
            k->fingerprintController()->agreeAndEnroll();
            touchSensor(2);
            waitFor(
                [k] {
                    return k->screen() == KioskController::EnrollScreen &&
                           k->fingerprintController()->enrollDone() == 2;
                },
                400,
                [this, has] {
                    if (has("enroll"))
                        grab(QStringLiteral("enroll"));
                    next();
                },
                QStringLiteral("enrolment progress"));
        };
        m_steps << [=, this] {
            touchSensor(3);
            waitFor(
                [k] {
                    return k->fingerprintController()->hasFingerprint() &&
                           k->screen() == KioskController::JobsScreen;
                },
                300, [this] { next(); }, QStringLiteral("fingerprint registered"));
        };
        m_steps << [=, this] {
            k->signOut();
            k->signInController()->signInWithPin(m_user, m_pin);
            waitFor([k] { return k->screen() == KioskController::VerifyScreen; }, 500,
                    [this, has] {
                        if (has("verify"))
                            grab(QStringLiteral("verify"));
                        next();
                    },
                    QStringLiteral("fingerprint check"));
        };
        // Confirm with the finger, then remove it again so that every run starts alike.
        m_steps << [=, this] {
            touchSensor(1);
            waitFor([k] { return k->screen() == KioskController::JobsScreen; }, 200, [this] { next(); },
                    QStringLiteral("signed in by fingerprint"));
        };
        m_steps << [=, this] {
            k->fingerprintController()->removeFingerprint();
            waitFor([k] { return !k->fingerprintController()->hasFingerprint() && !k->busy(); }, 200,
                    [this] { next(); }, QStringLiteral("fingerprint removed"));
        };
    }
    next();
}

void KioskScreenshotRunner::touchSensor(int times)
{
    const QByteArray path = qgetenv("FP_VIRTUAL_DEVICE_STORAGE");
    for (int i = 0; i < times; ++i) {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        qstrncpy(addr.sun_path, path.constData(), sizeof addr.sun_path);
        const QByteArray command = "SCAN " + m_user.toUtf8() + "-finger";
        bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                  ::write(fd, command.constData(), static_cast<size_t>(command.size())) == command.size();
        // One connection at a time: wait until the sensor has read the command and hung up.
        ::shutdown(fd, SHUT_WR);
        pollfd p{fd, POLLIN, 0};
        char c;
        ok = ok && ::poll(&p, 1, 5000) == 1 && ::read(fd, &c, 1) >= 0;
        ::close(fd);
        if (!ok)
            qCWarning(lcKioskUi) << "screenshot: the virtual fingerprint sensor did not take a touch";
    }
}

void KioskScreenshotRunner::next()
{
    if (m_steps.isEmpty()) {
        if (m_kiosk)
            m_kiosk->signOut();
        Q_EMIT finished(m_failures ? 1 : 0);
        return;
    }
    const Step step = m_steps.takeFirst();
    // Keep the session alive while shooting.
    if (m_kiosk)
        m_kiosk->userActivity();
    step();
}

void KioskScreenshotRunner::waitFor(const std::function<bool()>& ready, int settleMs, const Step& then,
                                    const QString& what)
{
    auto deadline = std::make_shared<QDeadlineTimer>(30 * 1000);
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [=, this] {
        if (ready()) {
            QTimer::singleShot(settleMs, this, then);
            return;
        }
        if (deadline->hasExpired()) {
            qCWarning(lcKioskUi).noquote() << "screenshot: timed out waiting for" << what;
            ++m_failures;
            next();
            return;
        }
        QTimer::singleShot(100, this, *poll);
    };
    (*poll)();
}

void KioskScreenshotRunner::setField(const char* objectName, const QString& text)
{
    if (!m_window)
        return;
    // Items made by a Loader are reachable through the visual tree, not always as QObject children.
    std::function<QQuickItem*(QQuickItem*)> find = [&](QQuickItem* item) -> QQuickItem* {
        if (item->objectName() == QLatin1String(objectName))
            return item;
        for (QQuickItem* child : item->childItems())
            if (QQuickItem* found = find(child))
                return found;
        return nullptr;
    };
    if (QQuickItem* field = find(m_window->contentItem()))
        field->setProperty("text", text);
    else
        qCWarning(lcKioskUi) << "screenshot: no field" << objectName;
}

void KioskScreenshotRunner::grab(const QString& shot)
{
    const QString path = QDir(m_dir).filePath(QStringLiteral("%1-%2.png").arg(m_prefix, shot));
    const QImage image = m_window ? m_window->grabWindow() : QImage();
    if (image.isNull() || !image.save(path)) {
        qCWarning(lcKioskUi).noquote() << "screenshot: could not save" << path;
        ++m_failures;
        return;
    }
    qCInfo(lcKioskUi).noquote() << "saved" << path;
}
