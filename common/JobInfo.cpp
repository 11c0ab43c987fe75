#include "JobInfo.h"

#include <QJsonValue>

namespace {
struct StateName
{
    JobState state;
    const char* name;
};
constexpr StateName StateNames[] = {
    {JobState::Receiving, "receiving"}, {JobState::Held, "held"},       {JobState::Releasing, "releasing"},
    {JobState::Printing, "printing"},   {JobState::Printed, "printed"}, {JobState::Deleted, "deleted"},
    {JobState::Expired, "expired"},
};
} // namespace

QString jobStateName(JobState s)
{
    for (const auto& n : StateNames)
        if (n.state == s)
            return QString::fromLatin1(n.name);
    return QStringLiteral("unknown");
}

JobState jobStateFromName(const QString& name, bool* ok)
{
    for (const auto& n : StateNames)
        if (name == QLatin1String(n.name)) {
            if (ok)
                *ok = true;
            return n.state;
        }
    if (ok)
        *ok = false;
    return JobState::Held;
}

QJsonObject PrintOptions::toJson() const
{
    return {{QStringLiteral("copies"), copies}, {QStringLiteral("sides"), sides},
            {QStringLiteral("colorMode"), colorMode}};
}

bool PrintOptions::mergeJson(const QJsonObject& o, QString* error)
{
    if (o.contains(QLatin1String("copies"))) {
        const int c = o.value(QLatin1String("copies")).toInt(-1);
        if (c < 1 || c > 999) {
            *error = QStringLiteral("copies must be between 1 and 999");
            return false;
        }
        copies = c;
    }
    if (o.contains(QLatin1String("sides"))) {
        const QString s = o.value(QLatin1String("sides")).toString();
        if (s != QLatin1String("one-sided") && s != QLatin1String("two-sided-long-edge")
            && s != QLatin1String("two-sided-short-edge")) {
            *error = QStringLiteral("sides must be one-sided, two-sided-long-edge or two-sided-short-edge");
            return false;
        }
        sides = s;
    }
    if (o.contains(QLatin1String("colorMode"))) {
        const QString m = o.value(QLatin1String("colorMode")).toString();
        if (m != QLatin1String("auto") && m != QLatin1String("color") && m != QLatin1String("monochrome")) {
            *error = QStringLiteral("colorMode must be auto, color or monochrome");
            return false;
        }
        colorMode = m;
    }
    return true;
}

int JobInfo::sheets() const
{
    const int perCopy = options.isDuplex() ? (pages + 1) / 2 : pages;
    return perCopy * options.copies;
}

QJsonObject JobInfo::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("owner"), owner},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("documentFormat"), documentFormat},
                  {QStringLiteral("size"), size},
                  {QStringLiteral("pages"), pages},
                  {QStringLiteral("color"), color},
                  {QStringLiteral("pageSize"), pageSize},
                  {QStringLiteral("options"), options.toJson()},
                  {QStringLiteral("sheets"), sheets()},
                  {QStringLiteral("state"), jobStateName(state)},
                  {QStringLiteral("stateReason"), stateReason},
                  {QStringLiteral("printer"), printer},
                  {QStringLiteral("submitted"), submitted.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("expires"), expires.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("impressionsCompleted"), impressionsCompleted}};
    return o;
}

JobInfo JobInfo::fromJson(const QJsonObject& o)
{
    JobInfo j;
    j.id = o.value(QLatin1String("id")).toInteger();
    j.owner = o.value(QLatin1String("owner")).toString();
    j.name = o.value(QLatin1String("name")).toString();
    j.documentFormat = o.value(QLatin1String("documentFormat")).toString();
    j.size = o.value(QLatin1String("size")).toInteger();
    j.pages = o.value(QLatin1String("pages")).toInt();
    j.color = o.value(QLatin1String("color")).toBool();
    j.pageSize = o.value(QLatin1String("pageSize")).toString();
    QString ignored;
    (void)j.options.mergeJson(o.value(QLatin1String("options")).toObject(), &ignored);
    j.state = jobStateFromName(o.value(QLatin1String("state")).toString());
    j.stateReason = o.value(QLatin1String("stateReason")).toString();
    j.printer = o.value(QLatin1String("printer")).toString();
    j.submitted = QDateTime::fromString(o.value(QLatin1String("submitted")).toString(), Qt::ISODate);
    j.expires = QDateTime::fromString(o.value(QLatin1String("expires")).toString(), Qt::ISODate);
    j.impressionsCompleted = o.value(QLatin1String("impressionsCompleted")).toInt();
    return j;
}
