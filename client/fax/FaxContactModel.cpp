#include "FaxContactModel.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "FaxText.h"

#include <QJsonArray>

FaxContactModel::FaxContactModel(ApiClient* api, QObject* parent) : QAbstractListModel(parent), m_api(api) {}

int FaxContactModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_contacts.size());
}

QVariant FaxContactModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_contacts.size())
        return {};
    const QJsonObject& c = m_contacts.at(index.row());
    const bool department = c.value(QLatin1String("scope")).toString() == QLatin1String("department");
    switch (role) {
    case Qt::DisplayRole: {
        QString text = c.value(QLatin1String("name")).toString() + QStringLiteral("   ") +
                       c.value(QLatin1String("number")).toString();
        if (department)
            text += QStringLiteral("   ") + tr("[%1]").arg(c.value(QLatin1String("department")).toString());
        return text;
    }
    case Qt::ToolTipRole: {
        QString tip = department
                          ? tr("Shared phone book of %1").arg(c.value(QLatin1String("department")).toString())
                          : tr("Your own phone book");
        const QString note = c.value(QLatin1String("note")).toString();
        if (!note.isEmpty())
            tip += QLatin1Char('\n') + note;
        return tip;
    }
    case IdRole:
        return c.value(QLatin1String("id")).toVariant().toLongLong();
    case NameRole:
        return c.value(QLatin1String("name")).toString();
    case NumberRole:
        return c.value(QLatin1String("number")).toString();
    case ScopeRole:
        return c.value(QLatin1String("scope")).toString();
    case DepartmentRole:
        return c.value(QLatin1String("department")).toString();
    case NoteRole:
        return c.value(QLatin1String("note")).toString();
    case ContactRole:
        return c;
    default:
        return {};
    }
}

QHash<int, QByteArray> FaxContactModel::roleNames() const
{
    return {{IdRole, "contactId"},          {NameRole, "name"}, {NumberRole, "number"},  {ScopeRole, "scope"},
            {DepartmentRole, "department"}, {NoteRole, "note"}, {ContactRole, "contact"}};
}

void FaxContactModel::search(const QString& query)
{
    if (m_search)
        m_search->deleteLater(); // cancels it: only the newest search may fill the list
    m_query = query;
    ApiReply* reply = m_api->faxContacts(query.trimmed());
    m_search = reply;
    Q_EMIT loadingChanged();
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply != m_search)
            return;
        m_search = nullptr;
        if (reply->ok()) {
            beginResetModel();
            m_contacts.clear();
            for (const QJsonValue& v : reply->json().value(QLatin1String("contacts")).toArray())
                m_contacts.append(v.toObject());
            endResetModel();
        } else if (reply->errorCode() != QLatin1String("cancelled")) {
            Q_EMIT searchFailed(
                FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage()));
        }
        Q_EMIT loadingChanged();
    });
}

void FaxContactModel::finishAction(ApiReply* reply)
{
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->ok()) {
            search(m_query);
            Q_EMIT actionFinished(true, {});
        } else if (reply->errorCode() == QLatin1String("forbidden")) {
            Q_EMIT actionFinished(false, FaxText::contactForbidden());
        } else {
            Q_EMIT actionFinished(
                false, FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage()));
        }
    });
}

void FaxContactModel::add(const QJsonObject& contact)
{
    finishAction(m_api->addFaxContact(contact));
}

void FaxContactModel::update(qint64 id, const QJsonObject& contact)
{
    finishAction(m_api->updateFaxContact(id, contact));
}

void FaxContactModel::remove(qint64 id)
{
    finishAction(m_api->deleteFaxContact(id));
}
