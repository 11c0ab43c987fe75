// GLib's headers use `signals` as a field name; include them before Qt's keyword macros exist.
#include <fprint.h>

#include "FingerprintReader.h"

#include "KioskLog.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace {

/// A sentence for a touch that could not be used (FP_DEVICE_RETRY).
QString retryMessage(int code)
{
    switch (code) {
    case FP_DEVICE_RETRY_TOO_SHORT:
        return QCoreApplication::translate(
            "FingerprintReader", "The touch was too short. Keep your finger on the sensor a little longer.");
    case FP_DEVICE_RETRY_CENTER_FINGER:
        return QCoreApplication::translate("FingerprintReader",
                                           "Place your finger in the middle of the sensor.");
    case FP_DEVICE_RETRY_REMOVE_FINGER:
        return QCoreApplication::translate("FingerprintReader",
                                           "Lift your finger, then touch the sensor again.");
    default:
        return QCoreApplication::translate("FingerprintReader",
                                           "The fingerprint could not be read. Touch the sensor again.");
    }
}

/// A sentence for a failed action (FP_DEVICE_ERROR and others).
QString errorMessage(const GError* error)
{
    if (error->domain == FP_DEVICE_ERROR) {
        switch (error->code) {
        case FP_DEVICE_ERROR_DATA_FULL:
            return QCoreApplication::translate(
                "FingerprintReader", "The fingerprint sensor's memory is full. Tell the print admin.");
        case FP_DEVICE_ERROR_DATA_INVALID:
        case FP_DEVICE_ERROR_DATA_NOT_FOUND:
            return QCoreApplication::translate(
                "FingerprintReader", "This sensor does not hold your fingerprint: it was registered on "
                                     "another sensor. Continue without it, or register it again here.");
        case FP_DEVICE_ERROR_REMOVED:
        case FP_DEVICE_ERROR_NOT_OPEN:
            return QCoreApplication::translate(
                "FingerprintReader",
                "The fingerprint sensor is not connected. Tap your card or sign in with your ID and PIN.");
        default:
            break;
        }
    }
    return QCoreApplication::translate("FingerprintReader",
                                       "The fingerprint sensor failed. Tap your card or sign in with your ID "
                                       "and PIN, and tell the print admin.");
}

/// Whether a FingerprintReader has its thread running in this process.
std::atomic<bool> s_running{false};

} // namespace

/// The libfprint thread. It owns GLib's global default main context: libfprint iterates that context
/// itself (device enumeration, the *_sync calls), so the app runs Qt without its GLib event dispatcher
/// (QT_NO_GLIB=1, set by the kiosk's main) and nothing else in the process uses it.
class FingerprintReader::Worker : public QThread
{
public:
    enum class Kind { Enroll, Verify, Identify };
    struct Request
    {
        Kind kind = Kind::Verify;
        quint64 generation = 0;
        QString user;
        QByteArray templ;
        QList<Candidate> candidates;
    };

    explicit Worker(FingerprintReader* owner) : m_owner(owner) {}
    ~Worker() override { dropSources(); }

    /// Queues `request` as the next action (replacing any queued one) and cancels the running one.
    void submit(Request request)
    {
        {
            std::lock_guard lock(m_mutex);
            request.generation = ++m_latest;
            m_pending = std::move(request);
        }
        wake();
    }

    /// Drops the queued action and cancels the running one.
    void cancelAll()
    {
        {
            std::lock_guard lock(m_mutex);
            ++m_latest;
            m_pending.reset();
        }
        wake();
    }

    void requestStop()
    {
        m_stopping = true;
        wake();
    }

    /// True when `generation` is still the latest request (its result is worth reporting).
    bool isCurrent(quint64 generation) const { return generation == m_latest; }

protected:
    void run() override
    {
        GMainContext* ctx = g_main_context_default();
        if (!g_main_context_acquire(ctx)) {
            qCWarning(lcKioskFinger)
                << "GLib's default main context is in use elsewhere; fingerprint sensor disabled";
            postAvailability(false, false, 0, {});
            return;
        }
        m_loop = g_main_loop_new(ctx, FALSE);
        m_context = fp_context_new();
        g_signal_connect(m_context, "device-added", G_CALLBACK(&Worker::onDeviceAdded), this);
        g_signal_connect(m_context, "device-removed", G_CALLBACK(&Worker::onDeviceRemoved), this);
        GPtrArray* devices = fp_context_get_devices(m_context); // enumerates, iterating the context
        if (devices->len > 0)
            openDevice(FP_DEVICE(g_ptr_array_index(devices, 0)));
        else
            qCInfo(lcKioskFinger) << "no fingerprint sensor found; waiting for one";
        m_ready = true;
        if (!m_stopping)
            g_main_loop_run(m_loop);
        // A sensor still being opened finishes first, so that it is closed rather than leaked.
        while (m_opening)
            g_main_context_iteration(ctx, TRUE);
        if (m_device && fp_device_is_open(m_device))
            fp_device_close_sync(m_device, nullptr, nullptr);
        g_clear_object(&m_device);
        g_signal_handlers_disconnect_by_data(m_context, this);
        g_clear_object(&m_context);
        // Idle sources for wake() that never ran still point at this object.
        while (g_main_context_iteration(ctx, FALSE)) {
        }
        g_main_loop_unref(m_loop);
        m_loop = nullptr;
        g_main_context_release(ctx);
    }

private:
    // -- waking the loop from the Qt thread

    void wake()
    {
        // The source is kept (and destroyed with the worker) so that it can never run after the
        // worker is gone, whoever iterates the context by then.
        GSource* source = g_idle_source_new();
        g_source_set_callback(source, &Worker::onWake, this, nullptr);
        std::lock_guard lock(m_sourcesMutex);
        m_sources.push_back(source);
        g_source_attach(source, g_main_context_default());
    }

    /// Forgets (and destroys) wake-up sources: `only` alone, or all of them.
    void dropSources(GSource* only = nullptr)
    {
        std::lock_guard lock(m_sourcesMutex);
        for (auto it = m_sources.begin(); it != m_sources.end();) {
            if (only && *it != only) {
                ++it;
                continue;
            }
            g_source_destroy(*it);
            g_source_unref(*it);
            it = m_sources.erase(it);
        }
    }

    static gboolean onWake(gpointer data)
    {
        auto* self = static_cast<Worker*>(data);
        self->dropSources(g_main_current_source());
        if (!self->m_ready)
            return G_SOURCE_REMOVE;
        if (self->m_stopping) {
            if (self->m_cancellable)
                g_cancellable_cancel(self->m_cancellable);
            else if (self->m_loop)
                g_main_loop_quit(self->m_loop);
            return G_SOURCE_REMOVE;
        }
        if (self->m_cancellable) {
            if (!self->isCurrent(self->m_running.generation))
                g_cancellable_cancel(self->m_cancellable);
        } else {
            self->startPending();
        }
        return G_SOURCE_REMOVE;
    }

    // -- the device

    void openDevice(FpDevice* device)
    {
        m_device = FP_DEVICE(g_object_ref(device));
        m_opening = true;
        qCInfo(lcKioskFinger).noquote() << "opening fingerprint sensor" << fp_device_get_name(device);
        fp_device_open(m_device, nullptr, &Worker::onOpened, this);
    }

    static void onOpened(GObject* source, GAsyncResult* result, gpointer data)
    {
        auto* self = static_cast<Worker*>(data);
        self->m_opening = false;
        GError* error = nullptr;
        if (!fp_device_open_finish(FP_DEVICE(source), result, &error)) {
            qCWarning(lcKioskFinger).noquote() << "cannot open the fingerprint sensor:" << error->message;
            g_error_free(error);
            g_clear_object(&self->m_device);
            self->postAvailability(false, false, 0, {});
            return;
        }
        FpDevice* d = self->m_device;
        if (!d) // removed while opening
            return;
        const bool identify = fp_device_has_feature(d, FP_DEVICE_FEATURE_IDENTIFY);
        qCInfo(lcKioskFinger).noquote() << "fingerprint sensor ready:" << fp_device_get_name(d)
                                        << (identify ? "(identify and verify)" : "(verify only)");
        self->postAvailability(true, identify, fp_device_get_nr_enroll_stages(d),
                               QString::fromUtf8(fp_device_get_name(d)));
        if (self->m_stopping)
            g_main_loop_quit(self->m_loop);
        else
            self->startPending();
    }

    static void onDeviceAdded(FpContext*, FpDevice* device, gpointer data)
    {
        auto* self = static_cast<Worker*>(data);
        if (!self->m_device && self->m_ready)
            self->openDevice(device);
    }

    static void onDeviceRemoved(FpContext*, FpDevice* device, gpointer data)
    {
        auto* self = static_cast<Worker*>(data);
        if (device != self->m_device)
            return;
        qCWarning(lcKioskFinger) << "fingerprint sensor removed";
        if (self->m_cancellable)
            g_cancellable_cancel(self->m_cancellable);
        g_clear_object(&self->m_device);
        self->postAvailability(false, false, 0, {});
    }

    // -- actions

    void startPending()
    {
        if (!m_device || !fp_device_is_open(m_device))
            return; // started once a sensor is open
        std::optional<Request> next;
        {
            std::lock_guard lock(m_mutex);
            next.swap(m_pending);
        }
        if (!next || !isCurrent(next->generation))
            return;
        m_running = std::move(*next);
        m_cancellable = g_cancellable_new();
        switch (m_running.kind) {
        case Kind::Enroll: {
            FpPrint* templ = fp_print_new(m_device); // floating: fp_device_enroll takes it
            fp_print_set_username(templ, m_running.user.toUtf8().constData());
            fp_print_set_description(templ, "MPS kiosk");
            fp_device_enroll(m_device, templ, m_cancellable, &Worker::onEnrollProgress, this, nullptr,
                             &Worker::onEnrolled, this);
            break;
        }
        case Kind::Verify: {
            FpPrint* print = deserialize(m_running.templ);
            if (!print) {
                post(
                    [](FingerprintReader* r) {
                        Q_EMIT r->failed(QCoreApplication::translate(
                            "FingerprintReader", "Your registered fingerprint could not be read. Register it "
                                                 "again after signing in."));
                    },
                    m_running.generation);
                finish();
                return;
            }
            m_gallery = g_ptr_array_new_with_free_func(g_object_unref);
            g_ptr_array_add(m_gallery, print);
            fp_device_verify(m_device, print, m_cancellable, nullptr, nullptr, nullptr, &Worker::onVerified,
                             this);
            break;
        }
        case Kind::Identify: {
            m_gallery = g_ptr_array_new_with_free_func(g_object_unref);
            m_galleryUsers.clear();
            for (const Candidate& c : std::as_const(m_running.candidates)) {
                if (FpPrint* print = deserialize(c.templ)) {
                    g_ptr_array_add(m_gallery, print);
                    m_galleryUsers.append(c.user);
                }
            }
            fp_device_identify(m_device, m_gallery, m_cancellable, nullptr, nullptr, nullptr,
                               &Worker::onIdentified, this);
            break;
        }
        }
        // The sensor now waits for a finger for this request (tests and the UI may say "touch now").
        const Action action = m_running.kind == Kind::Enroll   ? Action::Enroll
                              : m_running.kind == Kind::Verify ? Action::Verify
                                                               : Action::Identify;
        post([action](FingerprintReader* r) { r->setActiveAction(action); }, m_running.generation);
    }

    static FpPrint* deserialize(const QByteArray& templ)
    {
        // libfprint asserts (aborts) on anything shorter than its 3-byte magic + data.
        if (templ.size() <= 3) {
            qCWarning(lcKioskFinger) << "a stored fingerprint template is too short to be one";
            return nullptr;
        }
        GError* error = nullptr;
        FpPrint* print = fp_print_deserialize(reinterpret_cast<const guchar*>(templ.constData()),
                                              static_cast<gsize>(templ.size()), &error);
        if (!print) {
            qCWarning(lcKioskFinger).noquote()
                << "a stored fingerprint template is unreadable:" << error->message;
            g_error_free(error);
        }
        return print;
    }

    /// Ends the running action; starts the next queued one (or quits when stopping).
    void finish()
    {
        post([](FingerprintReader* r) { r->setActiveAction(Action::None); }, m_running.generation);
        g_clear_object(&m_cancellable);
        if (m_gallery) {
            g_ptr_array_unref(m_gallery);
            m_gallery = nullptr;
        }
        if (m_stopping) {
            g_main_loop_quit(m_loop);
            return;
        }
        startPending();
    }

    /// Handles a failed action: a retry puts the same request back unless a newer one is queued.
    void failedWith(GError* error)
    {
        const quint64 generation = m_running.generation;
        if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
            // Cancelled for a newer request or by cancel(): nothing to report.
        } else if (error->domain == FP_DEVICE_RETRY) {
            const QString message = retryMessage(error->code);
            post([message](FingerprintReader* r) { Q_EMIT r->scanRetry(message); }, generation);
            std::lock_guard lock(m_mutex);
            if (!m_pending && isCurrent(generation))
                m_pending = m_running;
        } else {
            qCWarning(lcKioskFinger).noquote() << "fingerprint action failed:" << error->message;
            const QString message = errorMessage(error);
            post([message](FingerprintReader* r) { Q_EMIT r->failed(message); }, generation);
        }
        g_error_free(error);
        finish();
    }

    static void onEnrollProgress(FpDevice* device, gint completed, FpPrint*, gpointer data, GError* error)
    {
        auto* self = static_cast<Worker*>(data);
        const quint64 generation = self->m_running.generation;
        if (error) {
            // A touch that did not count; enrolment goes on.
            const QString message = retryMessage(error->domain == FP_DEVICE_RETRY ? error->code : -1);
            self->post([message](FingerprintReader* r) { Q_EMIT r->scanRetry(message); }, generation);
            return;
        }
        const int total = fp_device_get_nr_enroll_stages(device);
        self->post([completed, total](FingerprintReader* r) { Q_EMIT r->enrollProgress(completed, total); },
                   generation);
    }

    static void onEnrolled(GObject* source, GAsyncResult* result, gpointer data)
    {
        auto* self = static_cast<Worker*>(data);
        GError* error = nullptr;
        FpPrint* print = fp_device_enroll_finish(FP_DEVICE(source), result, &error);
        if (!print)
            return self->failedWith(error);
        guchar* bytes = nullptr;
        gsize length = 0;
        const bool ok = fp_print_serialize(print, &bytes, &length, &error);
        g_object_unref(print);
        if (!ok)
            return self->failedWith(error);
        const QByteArray templ(reinterpret_cast<const char*>(bytes), static_cast<qsizetype>(length));
        g_free(bytes);
        self->post([templ](FingerprintReader* r) { Q_EMIT r->enrolled(templ); }, self->m_running.generation);
        self->finish();
    }

    static void onVerified(GObject* source, GAsyncResult* result, gpointer data)
    {
        auto* self = static_cast<Worker*>(data);
        GError* error = nullptr;
        gboolean match = FALSE;
        if (!fp_device_verify_finish(FP_DEVICE(source), result, &match, nullptr, &error))
            return self->failedWith(error);
        const bool matched = match;
        self->post([matched](FingerprintReader* r) { Q_EMIT r->verified(matched); },
                   self->m_running.generation);
        self->finish();
    }

    static void onIdentified(GObject* source, GAsyncResult* result, gpointer data)
    {
        auto* self = static_cast<Worker*>(data);
        GError* error = nullptr;
        FpPrint* match = nullptr;
        if (!fp_device_identify_finish(FP_DEVICE(source), result, &match, nullptr, &error))
            return self->failedWith(error);
        QString user;
        if (match) {
            for (guint i = 0; i < self->m_gallery->len && user.isEmpty(); ++i) {
                auto* candidate = FP_PRINT(g_ptr_array_index(self->m_gallery, i));
                if (candidate == match || fp_print_equal(candidate, match))
                    user = self->m_galleryUsers.value(static_cast<qsizetype>(i));
            }
            g_object_unref(match);
        }
        self->post([user](FingerprintReader* r) { Q_EMIT r->identified(user); }, self->m_running.generation);
        self->finish();
    }

    // -- reporting to the Qt thread

    /// Runs `emitter` on the owner's thread if request `generation` is still the latest by then.
    void post(std::function<void(FingerprintReader*)> emitter, quint64 generation)
    {
        QMetaObject::invokeMethod(
            m_owner,
            [owner = m_owner, emitter = std::move(emitter), generation] {
                if (owner->m_worker && owner->m_worker->isCurrent(generation))
                    emitter(owner);
            },
            Qt::QueuedConnection);
    }

    void postAvailability(bool available, bool identify, int stages, const QString& name)
    {
        // Dropped when the reader was stopped (or restarted) before it arrives.
        QMetaObject::invokeMethod(
            m_owner,
            [owner = m_owner, self = this, available, identify, stages, name] {
                if (owner->m_worker == self)
                    owner->onAvailability(available, identify, stages, name);
            },
            Qt::QueuedConnection);
    }

    FingerprintReader* m_owner;
    std::mutex m_mutex;
    std::optional<Request> m_pending; // guarded by m_mutex
    std::mutex m_sourcesMutex;
    std::vector<GSource*> m_sources; // pending wake-ups, guarded by m_sourcesMutex
    std::atomic<quint64> m_latest{0};
    std::atomic<bool> m_stopping{false};
    // Worker thread only:
    bool m_ready = false;
    bool m_opening = false;
    GMainLoop* m_loop = nullptr;
    FpContext* m_context = nullptr;
    FpDevice* m_device = nullptr;
    GCancellable* m_cancellable = nullptr;
    GPtrArray* m_gallery = nullptr;
    QStringList m_galleryUsers;
    Request m_running;
};

FingerprintReader::FingerprintReader(QObject* parent) : QObject(parent) {}

FingerprintReader::~FingerprintReader()
{
    stop();
}

void FingerprintReader::start()
{
    if (m_worker)
        return;
    // libfprint iterates GLib's default main context; Qt's GLib dispatcher would iterate it too.
    QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance(thread());
    if (dispatcher && dispatcher->inherits("QEventDispatcherGlib")) {
        qCWarning(lcKioskFinger) << "fingerprint sensor disabled: start the kiosk with QT_NO_GLIB=1";
        return;
    }
    // GLib's default context is one per process: so is the reader that owns it.
    if (s_running.exchange(true)) {
        qCWarning(lcKioskFinger)
            << "another fingerprint reader is running in this process; this one stays off";
        return;
    }
    m_worker = new Worker(this);
    m_worker->start();
}

void FingerprintReader::stop()
{
    if (!m_worker)
        return;
    m_worker->requestStop();
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
    s_running = false;
    setActiveAction(Action::None);
    if (m_available)
        onAvailability(false, false, 0, {});
}

void FingerprintReader::enroll(const QString& user)
{
    if (m_worker)
        m_worker->submit({Worker::Kind::Enroll, 0, user, {}, {}});
}

void FingerprintReader::verify(const QByteArray& templ)
{
    if (m_worker)
        m_worker->submit({Worker::Kind::Verify, 0, {}, templ, {}});
}

void FingerprintReader::identify(const QList<Candidate>& candidates)
{
    if (m_worker)
        m_worker->submit({Worker::Kind::Identify, 0, {}, {}, candidates});
}

void FingerprintReader::cancel()
{
    if (m_worker)
        m_worker->cancelAll();
    setActiveAction(Action::None);
}

void FingerprintReader::setActiveAction(Action action)
{
    if (action == m_active)
        return;
    m_active = action;
    Q_EMIT activeActionChanged();
}

void FingerprintReader::onAvailability(bool available, bool canIdentify, int stages, const QString& name)
{
    m_canIdentify = canIdentify;
    m_enrollStages = stages;
    m_deviceName = name;
    if (available == m_available)
        return;
    m_available = available;
    Q_EMIT availabilityChanged(available);
}
