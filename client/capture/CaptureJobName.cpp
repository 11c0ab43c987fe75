#include "CaptureJobName.h"

#include <QRegularExpression>

namespace {

const QString MarkerPrefix = QStringLiteral(" [mps-capture:");

const QRegularExpression& markerPattern()
{
    static const QRegularExpression re(QStringLiteral(" \\[mps-capture:([0-9a-f]{32})\\]$"));
    return re;
}

} // namespace

QString CaptureJobName::forUpload(const QString& title, const QString& captureId)
{
    QString clean;
    clean.reserve(title.size());
    for (const QChar c : title)
        clean.append(c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
                         ? QLatin1Char(' ')
                         : c);
    clean = clean.simplified();
    if (clean.size() > MaxTitleLength) {
        clean.truncate(MaxTitleLength);
        // Do not leave half of a surrogate pair behind.
        if (!clean.isEmpty() && clean.back().isHighSurrogate())
            clean.chop(1);
    }
    if (clean.isEmpty())
        clean = QStringLiteral("Untitled");
    return clean + MarkerPrefix + captureId + QLatin1Char(']');
}

QString CaptureJobName::captureIdIn(const QString& jobName)
{
    const QRegularExpressionMatch m = markerPattern().match(jobName);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString CaptureJobName::displayName(const QString& jobName)
{
    const QRegularExpressionMatch m = markerPattern().match(jobName);
    return m.hasMatch() ? jobName.left(m.capturedStart()) : jobName;
}
