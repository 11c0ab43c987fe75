#include "Session.h"

#include "ApiClient.h"
#include "ClientLog.h"
#include "ClientSettings.h"
#include "EventStream.h"
#include "TokenStore.h"

Session::Session(ClientSettings* settings, TokenStore* tokens, QObject* parent)
    : QObject(parent), m_settings(settings), m_tokens(tokens), m_api(new ApiClient(this)),
      m_events(new EventStream(m_api, this))
{
    connect(m_api, &ApiClient::sessionExpired, this, &Session::onSessionExpired);
    if (m_tokens) {
        connect(m_tokens, &TokenStore::failed, this,
                [this](TokenStore::Operation op, const QString& account, const QString& message) {
                    if (account != this->account())
                        return;
                    if (op == TokenStore::Operation::Load && m_state == State::Restoring) {
                        setState(State::SignedOut);
                        Q_EMIT signInRequired(message);
                    } else {
                        Q_EMIT notice(message);
                    }
                });
        connect(m_tokens, &TokenStore::loaded, this, [this](const QString& account, const QString& token) {
            if (account != this->account() || m_state != State::Restoring)
                return;
            if (token.isEmpty()) {
                setState(State::SignedOut);
                Q_EMIT signInRequired(QString());
                return;
            }
            m_api->setToken(token);
            // Check the token. A 401 arrives through sessionExpired(); an unreachable server does not
            // end the session: the push channel keeps trying and the lists say the server is away.
            ApiReply* reply = m_api->me();
            connect(reply, &ApiReply::finished, this, [this, reply] {
                reply->deleteLater();
                if (m_state != State::Restoring)
                    return;
                if (reply->ok())
                    m_user = reply->json().value(QLatin1String("user")).toObject();
                else if (reply->httpStatus() == 401)
                    return; // onSessionExpired() handles it
                else
                    qCInfo(lcClientSession) << "server not reachable at start:" << reply->errorCode();
                startSignedIn();
            });
        });
    }
}

Session::~Session() = default;

QString Session::account() const
{
    return TokenStore::accountFor(m_settings->serverUrl(), m_settings->username());
}

void Session::restore()
{
    const QUrl server = m_settings->serverUrl();
    m_username = m_settings->username();
    m_api->setBaseUrl(server);
    if (!m_api->setPinnedCertificateSha256(m_settings->certificateFingerprint().toLatin1()))
        qCWarning(lcClientSession) << "the pinned fingerprint in the settings is not valid; ignored";
    if (!server.isValid() || server.isEmpty() || m_username.isEmpty() || !m_tokens) {
        setState(State::SignedOut);
        Q_EMIT signInRequired(QString());
        return;
    }
    setState(State::Restoring);
    m_tokens->load(account());
}

void Session::adopt(const QJsonObject& user)
{
    m_user = user;
    m_username = user.value(QLatin1String("name")).toString();
    m_settings->setServerUrl(m_api->baseUrl());
    m_settings->setCertificateFingerprint(m_api->pinnedCertificate().toDisplayString());
    m_settings->setUsername(m_username);
    if (!m_settings->sync())
        qCWarning(lcClientSession) << "settings not saved to" << m_settings->fileName();
    if (m_tokens)
        m_tokens->save(account(), m_api->token());
    qCInfo(lcClientSession) << "signed in as" << m_username << "at" << m_api->baseUrl().host();
    startSignedIn();
}

void Session::startSignedIn()
{
    setState(State::SignedIn);
    m_events->start();
}

void Session::signOut()
{
    if (m_state == State::SignedOut)
        return;
    m_events->stop();
    if (!m_api->token().isEmpty()) {
        ApiReply* reply = m_api->logout();
        connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    }
    if (m_tokens)
        m_tokens->remove(account());
    qCInfo(lcClientSession) << "signed out" << m_username;
    m_user = {};
    setState(State::SignedOut);
}

void Session::onSessionExpired()
{
    qCInfo(lcClientSession) << "the server ended the session of" << m_username;
    m_events->stop();
    if (m_tokens)
        m_tokens->remove(account());
    setState(State::SignedOut);
    Q_EMIT signInRequired(tr("Your session has ended. Sign in again to see and print your jobs; anything you "
                             "print meanwhile is kept and sent after you sign in."));
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
