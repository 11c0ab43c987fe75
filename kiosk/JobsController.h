#pragma once
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class ApiReply;
class JobModel;
class KioskController;
class QJSEngine;
class QQmlEngine;
class ThumbnailCache;

/// The signed-in user's held jobs (QML singleton `JobsController`, for the jobs screen): the list
/// (JobModel) with release to the kiosk's printer in the chosen copies / two-sided / black-and-white,
/// delete after a confirmation, "Print all" that signs out shortly after, and what is left of the
/// user's print quota. Follows the session's job events.
class JobsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(JobModel* jobs READ jobs CONSTANT)
    Q_PROPERTY(bool confirmingDelete READ confirmingDelete NOTIFY confirmingDeleteChanged)
    Q_PROPERTY(int copies READ copies WRITE setCopies NOTIFY optionsChanged)
    Q_PROPERTY(bool duplex READ duplex WRITE setDuplex NOTIFY optionsChanged)
    Q_PROPERTY(bool mono READ mono WRITE setMono NOTIFY optionsChanged)
    Q_PROPERTY(QString quotaText READ quotaText NOTIFY quotaChanged)
    Q_PROPERTY(bool quotaLow READ quotaLow NOTIFY quotaChanged)
public:
    static constexpr int AfterPrintAllSecs = 5;

    /// Creates the jobs logic of `session` (which owns it).
    explicit JobsController(KioskController* session);

    /// QML singleton factory: the session's instance (KioskController::setInstance), owned by C++.
    static JobsController* create(QQmlEngine* qml, QJSEngine* js);

    /// Serves thumbnails from `cache` (the engine's image provider "thumbnails"). Recreates the model:
    /// call before anything binds to jobs().
    void setThumbnailCache(ThumbnailCache* cache);

    JobModel* jobs() const { return m_jobs; }
    bool confirmingDelete() const { return m_confirmingDelete; }
    int copies() const { return m_copies; }
    bool duplex() const { return m_duplex; }
    bool mono() const { return m_mono; }
    void setCopies(int copies);
    void setDuplex(bool duplex);
    void setMono(bool mono);
    /// What is left of the signed-in user's tightest quota this period ("Left of your print quota
    /// this month: ₩12,340"), in the current language; empty without a quota or before it is known.
    QString quotaText() const;
    /// True when the tightest quota is 90 % used or more.
    bool quotaLow() const;
    /// Adopts the answer of GET /api/v1/usage/quota (docs/accounting.md). Public for offline tests.
    void applyQuota(const QJsonObject& answer);

public Q_SLOTS:
    /// Releases the selected jobs to this kiosk's printer with the chosen options.
    void printSelected();
    /// Releases every held job, then signs out shortly after.
    void printAll();
    /// Asks to confirm deleting the selected jobs (confirmingDelete).
    void requestDelete();
    /// Deletes the selected jobs after the confirmation.
    void confirmDelete();
    /// Keeps the jobs.
    void cancelDelete();

Q_SIGNALS:
    void confirmingDeleteChanged();
    void optionsChanged();
    void quotaChanged();

private:
    void connectModel();
    void release(const QList<qint64>& ids, bool thenSignOut);
    void onEvent(const QString& type, const QJsonObject& data);
    /// Keeps the chosen options to what the printer can still do.
    void fitOptionsToPrinter();
    /// Fetches the user's quota state (GET /api/v1/usage/quota) for quotaText().
    void fetchQuota();

    KioskController* m_session;
    JobModel* m_jobs;
    QJsonObject m_quota; ///< GET /api/v1/usage/quota of the signed-in user
    QPointer<ApiReply> m_quotaReply;
    int m_copies = 1;
    int m_pendingReleases = 0;
    bool m_releaseFailed = false;
    bool m_confirmingDelete = false;
    bool m_duplex = false;
    bool m_mono = false;
};
