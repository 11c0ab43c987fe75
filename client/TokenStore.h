#pragma once
#include <QObject>
#include <QString>
#include <QUrl>

/// Keeps the session token in the desktop keychain (QtKeychain: the Secret Service on Linux). All
/// operations are asynchronous and answer through signals; nothing is written to a file, and there
/// is no plain-text fallback when no keychain is available (the user then signs in each time).
class TokenStore : public QObject
{
    Q_OBJECT
public:
    /// What a finished operation was.
    enum class Operation { Load, Save, Remove };
    Q_ENUM(Operation)

    /// Creates a store whose entries live under the keychain service `service`.
    explicit TokenStore(const QString& service = QStringLiteral("mps-client"), QObject* parent = nullptr);

    /// Returns the keychain entry name for `user` on `server`, e.g. "kim@print.example.org:8631".
    static QString accountFor(const QUrl& server, const QString& user);

    /// Reads the token of `account`; answers with loaded() (an empty token when none is stored) or
    /// failed().
    void load(const QString& account);
    /// Stores `token` for `account`; answers with saved() or failed().
    void save(const QString& account, const QString& token);
    /// Deletes the token of `account` (no error when there was none); answers with removed() or failed().
    void remove(const QString& account);

Q_SIGNALS:
    /// load() finished: `token` is empty when the keychain holds none for `account`.
    void loaded(const QString& account, const QString& token);
    /// save() finished.
    void saved(const QString& account);
    /// remove() finished.
    void removed(const QString& account);
    /// An operation failed; `message` is a sentence for the user.
    void failed(TokenStore::Operation operation, const QString& account, const QString& message);

private:
    QString m_service;
};
