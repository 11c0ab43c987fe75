#include "ClientSettings.h"

#include "ClientLog.h"

#include <QSettings>
#include <QTemporaryFile>

namespace {

struct KeyInfo
{
    ClientSettings::Key key;
    const char* name;
    QVariant defaultValue;
};

// The one table of setting names and defaults.
const KeyInfo& info(ClientSettings::Key key)
{
    using K = ClientSettings::Key;
    static const KeyInfo table[] = {
        {K::ServerUrl, "server/url", QUrl()},
        {K::CertificateFingerprint, "server/certificateSha256", QString()},
        {K::Username, "account/username", QString()},
        {K::Language, "ui/language", QString()},
        {K::ShowNotifications, "ui/notifications", true},
        {K::MyJobsGeometry, "ui/myJobsGeometry", QByteArray()},
        {K::UsageGeometry, "ui/usageGeometry", QByteArray()},
        {K::LastPrinter, "release/lastPrinter", QString()},
    };
    for (const KeyInfo& i : table) {
        if (i.key == key)
            return i;
    }
    Q_UNREACHABLE();
}

// QSettings gives strings back for INI values; bring them back to the default's type.
QVariant typed(const QVariant& v, const QVariant& def)
{
    if (!def.isValid() || v.metaType() == def.metaType())
        return v;
    QVariant c = v;
    if (def.metaType().id() == QMetaType::QUrl)
        return QUrl(v.toString());
    if (def.metaType().id() == QMetaType::Bool && v.metaType().id() == QMetaType::QString)
        return v.toString() == QLatin1String("true") || v.toString() == QLatin1String("1");
    if (c.convert(def.metaType()))
        return c;
    return def;
}

} // namespace

ClientSettings::ClientSettings(QObject* parent)
    : QObject(parent),
      m_user(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("MPS"),
                                         QStringLiteral("mps-client"))),
      m_policy(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::SystemScope,
                                           QStringLiteral("MPS"), QStringLiteral("mps-client")))
{
}

ClientSettings::ClientSettings(const QString& userFile, const QString& policyFile, QObject* parent)
    : QObject(parent), m_user(std::make_unique<QSettings>(userFile, QSettings::IniFormat))
{
    if (!policyFile.isEmpty())
        m_policy = std::make_unique<QSettings>(policyFile, QSettings::IniFormat);
}

ClientSettings::~ClientSettings() = default;

std::unique_ptr<ClientSettings> ClientSettings::createTempFileInstance(const QString& policyFile)
{
    auto file = std::make_unique<QTemporaryFile>();
    if (!file->open())
        qCWarning(lcClientSettings) << "cannot create a temporary settings file:" << file->errorString();
    file->close();
    auto s = std::make_unique<ClientSettings>(file->fileName(), policyFile);
    s->m_tempFile = std::move(file);
    return s;
}

QString ClientSettings::keyName(Key key)
{
    return QString::fromLatin1(info(key).name);
}

QVariant ClientSettings::defaultValue(Key key)
{
    return info(key).defaultValue;
}

bool ClientSettings::isLocked(Key key) const
{
    return m_policy && m_policy->contains(keyName(key));
}

QVariant ClientSettings::value(Key key) const
{
    const KeyInfo& i = info(key);
    const QString name = QString::fromLatin1(i.name);
    if (m_policy && m_policy->contains(name))
        return typed(m_policy->value(name), i.defaultValue);
    if (m_user->contains(name))
        return typed(m_user->value(name), i.defaultValue);
    return i.defaultValue;
}

bool ClientSettings::setValue(Key key, const QVariant& v)
{
    if (isLocked(key)) {
        qCInfo(lcClientSettings) << keyName(key) << "is set by the administrator's policy; not changed";
        return false;
    }
    const QVariant before = value(key);
    // URLs are stored as text so that the file stays readable and editable.
    const QVariant stored = v.metaType().id() == QMetaType::QUrl ? QVariant(v.toUrl().toString()) : v;
    m_user->setValue(keyName(key), stored);
    if (value(key) != before)
        Q_EMIT changed(key);
    return true;
}

void ClientSettings::reset(Key key)
{
    const QVariant before = value(key);
    m_user->remove(keyName(key));
    if (value(key) != before)
        Q_EMIT changed(key);
}

bool ClientSettings::sync()
{
    m_user->sync();
    return m_user->status() == QSettings::NoError;
}

QString ClientSettings::fileName() const
{
    return m_user->fileName();
}
