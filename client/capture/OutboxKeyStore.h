#pragma once
#include "OutboxCipher.h"

#include <QObject>
#include <QString>
#include <optional>

/// Keeps the user's outbox key pair: the X25519 secret key lives only in the desktop keychain
/// (QtKeychain; the Secret Service on Linux), never in a file. The public half is derived from it and
/// published in the outbox (Outbox::publishPublicKey) for the CUPS backend.
///
/// load() is asynchronous and answers with ready() or failed(). A new key pair is made only when the
/// keychain answers that it holds none; any other keychain failure leaves the key unloaded, so that
/// captures sealed to the existing key are not orphaned by a second one.
class OutboxKeyStore : public QObject
{
    Q_OBJECT
public:
    /// Keeps the key under keychain service `service`, entry "outbox-x25519".
    explicit OutboxKeyStore(const QString& service = QStringLiteral("mps-client"), QObject* parent = nullptr);
    ~OutboxKeyStore() override;

    /// Reads the key pair from the keychain, creating and storing one when there is none.
    void load();
    /// Returns true once ready() was emitted.
    bool isReady() const { return m_keys.has_value(); }
    /// Returns the key pair (only when isReady()).
    const OutboxKeyPair& keys() const { return *m_keys; }
    /// Returns true when load() made a new key pair (captures sealed to an older one cannot be read).
    bool isNewKey() const { return m_created; }

Q_SIGNALS:
    /// The key pair is loaded (or was created and stored).
    void ready();
    /// The keychain could not be used; `message` is a sentence for the user.
    void failed(const QString& message);

private:
    void create();

    QString m_service;
    std::optional<OutboxKeyPair> m_keys;
    bool m_busy = false;
    bool m_created = false;
};
