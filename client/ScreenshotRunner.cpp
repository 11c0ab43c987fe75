#include "ScreenshotRunner.h"

#include "HistoryWindow.h"
#include "SettingsDialog.h"

#include "ClientLog.h"
#include "ClientSettings.h"
#include "EventStream.h"
#include "JobListModel.h"
#include "MyJobsWindow.h"
#include "NotificationText.h"
#include "Session.h"
#include "SignInDialog.h"
#include "TrayController.h"
#include "UsageController.h"
#include "UsageWindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonObject>
#include <QListView>
#include <QMenu>
#include <QScreen>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>
#include <QWidget>

namespace {
constexpr int SettleMs = 600; // time for a newly shown window to be painted under Xvfb
// The screens the Usage window is shot at: a common laptop and a common desktop.
const QSize UsageSizes[] = {QSize(1366, 768), QSize(1920, 1080)};
} // namespace

ScreenshotRunner::ScreenshotRunner(const QString& directory, Session* session, ClientSettings* settings,
                                   TrayController* tray, MyJobsWindow* window, JobListModel* jobs,
                                   QObject* parent)
    : QObject(parent), m_directory(directory), m_session(session), m_settings(settings), m_tray(tray),
      m_window(window), m_jobs(jobs)
{
    // The language actually shown: what the installed translation says it is.
    m_language = QLocale().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
    m_usageOnly = qEnvironmentVariable("MPS_SCREENSHOT_ONLY") == QLatin1String("usage");
}

void ScreenshotRunner::start()
{
    QDir().mkpath(m_directory);
    QTimer::singleShot(SettleMs, this, &ScreenshotRunner::signIn);
}

void ScreenshotRunner::signIn()
{
    const QUrl server(qEnvironmentVariable("MPS_SCREENSHOT_SERVER"));
    const QString user = qEnvironmentVariable("MPS_SCREENSHOT_USER");
    const QString password = qEnvironmentVariable("MPS_SCREENSHOT_PASSWORD");
    if (!server.isValid() || user.isEmpty() || password.isEmpty()) {
        fail(QStringLiteral("set MPS_SCREENSHOT_SERVER, MPS_SCREENSHOT_USER and MPS_SCREENSHOT_PASSWORD"));
        Q_EMIT finished(1);
        return;
    }
    m_tray->requestSignIn();
    SignInDialog* dialog = m_tray->signInDialog();
    dialog->setServerUrl(server);
    dialog->setUsername(user);
    dialog->setPassword(password);
    dialog->move(40, 40);
    dialog->submit();
    waitFor([dialog] { return dialog->step() == SignInDialog::Step::ConfirmCertificate; }, 10000,
            QStringLiteral("the certificate to be shown"),
            [this, dialog] {
                QTimer::singleShot(SettleMs, this, [this, dialog] {
                    if (!m_usageOnly)
                        saveWidget(dialog, QStringLiteral("signin"));
                    dialog->trustCertificate();
                    waitFor(
                        [this] {
                            return m_session->state() == Session::State::SignedIn &&
                                   m_session->events()->isConnected() && !m_jobs->isLoading() &&
                                   (m_usageOnly || m_jobs->rowCount() > 0);
                        },
                        15000, QStringLiteral("signing in and the job list"),
                        [this] {
                            if (m_usageOnly)
                                usage();
                            else
                                trayMenu();
                        });
                });
            });
}

void ScreenshotRunner::trayMenu()
{
    QSystemTrayIcon* icon = m_tray->trayIcon();
    QScreen* screen = QGuiApplication::primaryScreen();
    const QRect iconRect = icon->geometry();
    QMenu* menu = m_tray->menu();
    if (!QSystemTrayIcon::isSystemTrayAvailable() || iconRect.isEmpty()) {
        qCWarning(lcClientTray) << "no system tray: the tray menu is shot on its own";
        menu->popup(QPoint(40, 40));
    } else {
        // Open the menu under the icon, as a click would, and keep the icon in the picture.
        const QSize size = menu->sizeHint();
        QPoint at(iconRect.right() - size.width(), iconRect.bottom() + 4);
        at.setX(qBound(0, at.x(), screen->geometry().width() - size.width()));
        menu->popup(at);
    }
    QTimer::singleShot(SettleMs, this, [this, menu, iconRect, screen] {
        QRect area = menu->geometry();
        if (!iconRect.isEmpty())
            area = area.united(iconRect);
        area = area.adjusted(-40, -12, 12, 12).intersected(screen->geometry());
        save(screen->grabWindow(0, area.x(), area.y(), area.width(), area.height()).toImage(),
             QStringLiteral("tray-menu"));
        menu->hide();
        notification();
    });
}

void ScreenshotRunner::notification()
{
    // The notification for the newest job, as the push channel would have triggered it; then the one a
    // print admin's tray shows when the server's storage runs low (a server-alert event).
    const JobInfo job = m_jobs->jobAt(0);
    shootNotification(
        NotificationText::forEvent(QStringLiteral("job-held"), {{QStringLiteral("job"), job.toJson()}}),
        QStringLiteral("notification"), [this] {
            shootNotification(
                NotificationText::forEvent(QStringLiteral("server-alert"),
                                           {{QStringLiteral("condition"), QStringLiteral("spool-low")},
                                            {QStringLiteral("freeMb"), 1900},
                                            {QStringLiteral("reserveMb"), 512}}),
                QStringLiteral("notification-server-alert"), [this] { myJobs(); });
        });
}

void ScreenshotRunner::shootNotification(const std::optional<NotificationText::Message>& message,
                                         const QString& name, const std::function<void()>& next)
{
    if (message)
        m_tray->notify(*message);
    QTimer::singleShot(SettleMs * 2, this, [this, name, next] {
        // Qt draws the balloon itself when no notification service runs; find it among the top-level widgets.
        QWidget* balloon = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (w->isVisible() && w->inherits("QBalloonTip"))
                balloon = w;
        }
        if (balloon) {
            QScreen* screen = QGuiApplication::primaryScreen();
            const QRect area = balloon->geometry()
                                   .united(m_tray->trayIcon()->geometry())
                                   .adjusted(-8, -8, 8, 8)
                                   .intersected(screen->geometry());
            save(screen->grabWindow(0, area.x(), area.y(), area.width(), area.height()).toImage(), name);
            balloon->hide();
        } else {
            qCInfo(lcClientTray) << "notifications go to a desktop service here; none shot";
        }
        next();
    });
}

void ScreenshotRunner::myJobs()
{
    m_window->resize(760, 560);
    m_window->move(40, 40);
    m_window->showAndRaise();
    // Wait for the first pages to arrive so that the list looks as it will for people.
    waitFor(
        [this] {
            for (int row = 0; row < m_jobs->rowCount(); ++row) {
                if (m_jobs->index(row).data(JobListModel::ThumbnailRole).value<QImage>().isNull())
                    return false;
            }
            return true;
        },
        10000, QStringLiteral("thumbnails"),
        [this] {
            m_window->view()->setCurrentIndex(m_jobs->index(0));
            QTimer::singleShot(SettleMs, this, [this] {
                saveWidget(m_window, QStringLiteral("myjobs"));
                release();
            });
        });
}

void ScreenshotRunner::release()
{
    m_window->releaseSelected();
    QTimer::singleShot(SettleMs * 2, this, [this] {
        QWidget* dialog = m_window->findChild<QWidget*>(QStringLiteral("releaseDialog"));
        if (dialog)
            saveWidget(dialog, QStringLiteral("release"));
        else
            fail(QStringLiteral("the release dialog did not open"));
        if (dialog)
            dialog->close();
        options();
    });
}

void ScreenshotRunner::options()
{
    m_window->action(QStringLiteral("options"))->trigger();
    QTimer::singleShot(SettleMs * 2, this, [this] {
        QWidget* dialog = m_window->findChild<QWidget*>(QStringLiteral("optionsDialog"));
        if (dialog)
            saveWidget(dialog, QStringLiteral("options"));
        else
            fail(QStringLiteral("the options dialog did not open"));
        if (dialog)
            dialog->close();
        history();
    });
}

void ScreenshotRunner::history()
{
    m_tray->showHistory();
    QTimer::singleShot(SettleMs * 2, this, [this] {
        HistoryWindow* window = m_tray->historyWindow();
        if (!window) {
            fail(QStringLiteral("the History window did not open"));
            return settings();
        }
        window->move(40, 40);
        QTimer::singleShot(SettleMs, this, [this, window] {
            saveWidget(window, QStringLiteral("history"));
            window->close();
            settings();
        });
    });
}

void ScreenshotRunner::settings()
{
    m_tray->showSettings();
    QTimer::singleShot(SettleMs * 2, this, [this] {
        SettingsDialog* dialog = m_tray->settingsDialog();
        if (dialog) {
            dialog->move(40, 40);
            saveWidget(dialog, QStringLiteral("settings"));
            dialog->close();
        } else {
            fail(QStringLiteral("the Settings dialog did not open"));
        }
        usage();
    });
}

void ScreenshotRunner::usage()
{
    m_window->hide();
    m_tray->showUsage();
    if (!m_tray->usageWindow()) {
        fail(QStringLiteral("the Usage window did not open"));
        done();
        return;
    }
    usageAt(0);
}

void ScreenshotRunner::usageAt(int sizeIndex)
{
    if (sizeIndex >= static_cast<int>(std::size(UsageSizes))) {
        m_tray->usageWindow()->hide();
        done();
        return;
    }
    UsageWindow* window = m_tray->usageWindow();
    UsageController* usage = window->controller();
    const QSize size = UsageSizes[sizeIndex];
    window->tabs()->setCurrentIndex(0);
    window->move(0, 0);
    window->resize(size);
    const QString role = usage->isAdmin()                  ? QStringLiteral("admin")
                         : usage->canReportOnDepartments() ? QStringLiteral("head")
                                                           : QStringLiteral("user");
    const QString suffix = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
    // Everything fetched (the department part follows the first answers), then painted.
    waitFor(
        [usage] {
            return !usage->isLoading() && !usage->currentPeriod().isEmpty() &&
                   (!usage->canReportOnDepartments() || !usage->period().isEmpty());
        },
        15000, QStringLiteral("the usage reports"),
        [this, window, usage, role, suffix, sizeIndex] {
            QTimer::singleShot(SettleMs, this, [this, window, usage, role, suffix, sizeIndex] {
                saveWidget(window, QStringLiteral("usage-%1-%2").arg(role, suffix));
                if (!usage->canReportOnDepartments())
                    return usageAt(sizeIndex + 1);
                // The department as the finance office looks at it: the last whole month.
                window->tabs()->setCurrentIndex(1);
                usage->setPeriod(usage->periods().value(1, usage->period()));
                waitFor([usage] { return !usage->isLoading(); }, 15000,
                        QStringLiteral("the last month's reports"),
                        [this, window, role, suffix, sizeIndex] {
                            QTimer::singleShot(SettleMs, this, [this, window, role, suffix, sizeIndex] {
                                saveWidget(window,
                                           QStringLiteral("usage-%1-department-%2").arg(role, suffix));
                                usageAt(sizeIndex + 1);
                            });
                        });
            });
        });
}

void ScreenshotRunner::done()
{
    Q_EMIT finished(m_failures == 0 ? 0 : 1);
}

bool ScreenshotRunner::save(const QImage& image, const QString& screen)
{
    const QString path =
        QDir(m_directory).filePath(QStringLiteral("client-%1-%2.png").arg(screen, m_language));
    if (image.isNull() || !image.save(path)) {
        fail(QStringLiteral("could not save %1").arg(path));
        return false;
    }
    qCInfo(lcClientUi).noquote() << "saved" << path;
    return true;
}

bool ScreenshotRunner::saveWidget(QWidget* widget, const QString& screen)
{
    return save(widget->grab().toImage(), screen);
}

void ScreenshotRunner::fail(const QString& why)
{
    ++m_failures;
    qCCritical(lcClientUi).noquote() << "screenshot mode:" << why;
}

void ScreenshotRunner::waitFor(const std::function<bool()>& condition, int timeoutMs, const QString& what,
                               const std::function<void()>& then)
{
    auto* timer = new QTimer(this);
    auto* clock = new QElapsedTimer;
    clock->start();
    connect(timer, &QTimer::timeout, this, [this, timer, clock, condition, timeoutMs, what, then] {
        if (condition()) {
            timer->deleteLater();
            delete clock;
            then();
        } else if (clock->elapsed() > timeoutMs) {
            timer->deleteLater();
            delete clock;
            fail(QStringLiteral("timed out waiting for %1").arg(what));
            Q_EMIT finished(1);
        }
    });
    timer->start(100);
}
