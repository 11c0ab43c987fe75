#include "FaxController.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "FaxLog.h"
#include "FaxText.h"

#include <QFileInfo>

FaxController::FaxController(ApiClient* api, QObject* parent) : QObject(parent), m_api(api) {}

FaxController::~FaxController()
{
    if (m_upload)
        m_upload->abort();
}

int FaxController::documentPages() const
{
    if (m_draft.contains(QLatin1String("documentPages")))
        return m_draft.value(QLatin1String("documentPages")).toInt();
    return pages() - (hasCover() ? 1 : 0);
}

void FaxController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void FaxController::loadSettings()
{
    ApiReply* reply = m_api->faxSettings();
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            qCInfo(lcClientFax) << "fax settings not available:" << reply->errorCode();
            return;
        }
        m_settings = reply->json();
        Q_EMIT settingsChanged();
    });
}

void FaxController::adopt(ApiReply* reply, State onFailure)
{
    connect(reply, &ApiReply::finished, this, [this, reply, onFailure] {
        reply->deleteLater();
        if (reply == m_upload)
            m_upload = nullptr;
        if (!reply->ok()) {
            setState(onFailure);
            Q_EMIT errorOccurred(
                FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage()),
                reply->errorCode(), reply->json());
            return;
        }
        m_draft = reply->json().value(QLatin1String("draft")).toObject();
        setState(State::Ready);
        Q_EMIT draftChanged();
    });
}

void FaxController::uploadFile(const QString& path)
{
    if (m_upload)
        m_upload->abort();
    m_draft = {};
    m_name = QFileInfo(path).fileName();
    Q_EMIT draftChanged();
    setState(State::Uploading);
    ApiReply* reply = m_api->uploadFaxDraft(path);
    m_upload = reply;
    connect(reply, &ApiReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        Q_EMIT uploadProgress(sent, total);
        // The last byte is out: the server converts and counts the pages before it answers.
        if (total > 0 && sent >= total && m_state == State::Uploading)
            setState(State::Converting);
    });
    adopt(reply, State::Failed);
}

void FaxController::openDraft(qint64 draftId)
{
    m_draft = {{QStringLiteral("id"), draftId}};
    setState(State::Loading);
    adopt(m_api->faxDraft(draftId), State::Failed);
}

void FaxController::setCover(const QByteArray& pdf)
{
    if (draftId() <= 0)
        return;
    setState(State::Covering);
    adopt(m_api->putFaxCover(draftId(), pdf), State::Ready);
}

void FaxController::removeCover()
{
    if (draftId() <= 0 || !hasCover())
        return;
    setState(State::Covering);
    adopt(m_api->deleteFaxCover(draftId()), State::Ready);
}

void FaxController::send(const QJsonArray& recipients)
{
    if (draftId() <= 0)
        return;
    setState(State::Sending);
    ApiReply* reply = m_api->sendFaxDraft(draftId(), recipients);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            // Nothing was sent: the draft is still there to correct and send again.
            setState(reply->errorCode() == QLatin1String("wrong-state") ? State::Sent : State::Ready);
            Q_EMIT errorOccurred(
                FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage()),
                reply->errorCode(), reply->json());
            return;
        }
        const QJsonArray faxes = reply->json().value(QLatin1String("faxes")).toArray();
        qCInfo(lcClientFax) << "draft" << draftId() << "sent as" << faxes.size() << "fax(es)";
        setState(State::Sent);
        Q_EMIT sent(faxes);
    });
}

void FaxController::discard()
{
    if (m_upload)
        m_upload->abort();
    if (m_state == State::Sent || draftId() <= 0)
        return;
    qCInfo(lcClientFax) << "deleting unsent draft" << draftId();
    ApiReply* reply = m_api->deleteFaxDraft(draftId());
    // Nobody waits for the answer: the server drops a draft left behind after the hold time anyway.
    connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    m_draft = {};
    setState(State::Empty);
}

ApiReply* FaxController::page(int page, int width) const
{
    return m_api->faxDraftPage(draftId(), page, width);
}
