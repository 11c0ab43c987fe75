#pragma once
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

/// A fingerprint sensor driven through libfprint on its own thread.
///
/// libfprint is GLib-based: the worker thread runs its own GMainContext, opens the first sensor found
/// (and any plugged in later) and runs one action at a time. A new request cancels the running action
/// and starts when that has wound down, so the UI can switch between identification on the idle screen,
/// verification after a card and enrolment without waiting. Templates are serialized libfprint prints;
/// they live in memory only (the server stores them encrypted). Signals arrive on the owner's thread,
/// and only for the latest request: the result of a cancelled action is never reported.
class FingerprintReader : public QObject
{
    Q_OBJECT
public:
    /// What the sensor is waiting for a finger for.
    enum class Action { None, Enroll, Verify, Identify };

    /// One enrolled user to look for during identification.
    struct Candidate
    {
        QString user;
        QByteArray templ; ///< a serialized print (fp_print_serialize)
    };

    /// Creates a stopped reader.
    explicit FingerprintReader(QObject* parent = nullptr);
    /// Cancels any action, closes the sensor and waits for the thread.
    ~FingerprintReader() override;

    /// Starts the worker thread, which looks for a sensor; no effect when running.
    void start();
    /// Cancels any action, closes the sensor and ends the thread.
    void stop();

    /// Returns true while a sensor is open and usable.
    bool isAvailable() const { return m_available; }
    /// Returns true when the sensor can pick a user out of many (identification), not just verify.
    bool canIdentify() const { return m_canIdentify; }
    /// Returns how many touches an enrolment takes on this sensor.
    int enrollStages() const { return m_enrollStages; }
    /// Returns the sensor's name (for logs and the admin).
    QString deviceName() const { return m_deviceName; }
    /// Returns the action the sensor is waiting for a finger for, None between actions: a finger
    /// that touches while an action is being replaced may go to either.
    Action activeAction() const { return m_active; }

    /// Enrols a new finger for `user`: enrollProgress() after each touch, then enrolled() or failed().
    void enroll(const QString& user);
    /// Checks the finger on the sensor against `templ`: verified().
    void verify(const QByteArray& templ);
    /// Looks for the finger on the sensor among `candidates`: identified() with the user, or empty.
    void identify(const QList<Candidate>& candidates);
    /// Cancels the running or pending action; nothing is reported for it.
    void cancel();

Q_SIGNALS:
    /// activeAction() changed.
    void activeActionChanged();
    /// A sensor was opened (`isAvailable()` true) or lost / not found (false).
    void availabilityChanged(bool available);
    /// Enrolment: `done` of `total` touches taken.
    void enrollProgress(int done, int total);
    /// Enrolment finished: `templ` is the serialized print to store on the server.
    void enrolled(const QByteArray& templ);
    /// Verification finished: whether the finger matched.
    void verified(bool match);
    /// Identification finished: the candidate whose finger it was, or empty when none matched.
    void identified(const QString& user);
    /// The touch was not usable (too short, off centre...); the action goes on. `message` is translated.
    void scanRetry(const QString& message);
    /// The action failed; `message` is a translated sentence that says what to do.
    void failed(const QString& message);

private:
    class Worker;
    friend class Worker;
    void onAvailability(bool available, bool canIdentify, int stages, const QString& name);
    void setActiveAction(Action action);

    Worker* m_worker = nullptr;
    bool m_available = false;
    bool m_canIdentify = false;
    int m_enrollStages = 0;
    QString m_deviceName;
    Action m_active = Action::None;
};
