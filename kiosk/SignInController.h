#pragma once
#include "KioskController.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class ApiReply;
class QJSEngine;
class QQmlEngine;

/// Signing in at the kiosk (QML singleton `SignInController`, for the idle, PIN and link-card screens):
/// a card (PC/SC or keyboard wedge), ID + PIN, or ID + password to link a card the server does not know.
/// A successful answer opens the session; one that asks for the finger goes to FingerprintController.
class SignInController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    /// Creates the sign-ins of `session` (which owns it).
    explicit SignInController(KioskController* session);

    /// QML singleton factory: the session's instance (KioskController::setInstance), owned by C++.
    static SignInController* create(QQmlEngine* qml, QJSEngine* js);

    /// Follows a sign-in request (POST /api/v1/kiosk/session): opens the session, asks for the finger,
    /// or says why not and shows `onFailure` (the screen the person was on). Also used by the
    /// fingerprint sign-ins.
    void submit(ApiReply* reply, KioskController::Screen onFailure);

public Q_SLOTS:
    /// A card was read (PC/SC or keyboard wedge): signs in with it, or asks to link it.
    void cardPresented(const QString& cardNumber);
    /// Shows the ID + PIN screen.
    void showPinEntry();
    /// Back to the idle screen without signing in.
    void cancel();
    /// Signs in with ID and PIN.
    void signInWithPin(const QString& username, const QString& pin);
    /// Signs in with ID and password and links the card that was just refused as unknown.
    void linkCard(const QString& username, const QString& password);

private:
    KioskController* m_session;
    QString m_pendingCard; ///< the card refused as unknown, to link
};
