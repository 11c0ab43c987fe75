#include "JobUploader.h"

#include "ServerErrorText.h"

#include "ApiClient.h"
#include "ClientLog.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QImage>
#include <QImageReader>
#include <QMimeDatabase>
#include <QPainter>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

namespace {

// Runs on a worker thread: decodes the image and writes it as JPEG on a white background.
bool convertToJpeg(const QString& from, const QString& to)
{
    QImageReader reader(from);
    reader.setAutoTransform(true);
    const QImage img = reader.read();
    if (img.isNull())
        return false;
    QImage flat(img.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter p(&flat);
    p.drawImage(0, 0, img);
    p.end();
    return flat.save(to, "JPEG", 92);
}

} // namespace

JobUploader::JobUploader(ApiClient* api, QObject* parent) : QObject(parent), m_api(api) {}

JobUploader::~JobUploader()
{
    delete m_current.data();
}

JobUploader::Kind JobUploader::kindOf(const QString& path)
{
    const QFileInfo fi(path);
    if (!fi.isFile() || !fi.isReadable())
        return Kind::Unsupported;
    const QMimeType mime = QMimeDatabase().mimeTypeForFile(path);
    if (mime.inherits(QStringLiteral("application/pdf")) || mime.inherits(QStringLiteral("image/jpeg")))
        return Kind::Direct;
    if (serverConverts(mime, fi.suffix()))
        return Kind::Direct;
    if (mime.name().startsWith(QLatin1String("image/")) &&
        QImageReader::supportedMimeTypes().contains(mime.name().toLatin1()))
        return Kind::Convert;
    return Kind::Unsupported;
}

bool JobUploader::serverConverts(const QMimeType& mime, const QString& suffix)
{
    // The server recognises these by content and converts them to PDF (it refuses, with a sentence,
    // the versions it cannot read, such as HWP 5 and HWPX).
    static const QStringList types = {
        QStringLiteral("text/plain"),
        QStringLiteral("application/rtf"),
        QStringLiteral("application/msword"),
        QStringLiteral("application/vnd.ms-excel"),
        QStringLiteral("application/vnd.ms-powerpoint"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        QStringLiteral("application/vnd.oasis.opendocument.text"),
        QStringLiteral("application/vnd.oasis.opendocument.spreadsheet"),
        QStringLiteral("application/vnd.oasis.opendocument.presentation"),
    };
    for (const QString& type : types)
        if (mime.inherits(type))
            return true;
    return suffix.compare(QLatin1String("hwp"), Qt::CaseInsensitive) == 0 ||
           suffix.compare(QLatin1String("hwpx"), Qt::CaseInsensitive) == 0;
}

void JobUploader::enqueue(const QStringList& paths)
{
    if (!isBusy()) {
        m_index = 0;
        m_count = 0;
        m_uploaded = 0;
        m_errors.clear();
    }
    for (const QString& p : paths) {
        m_queue.enqueue(p);
        ++m_count;
    }
    if (!m_current && !m_converting && !m_nextScheduled)
        next();
}

void JobUploader::cancel()
{
    // The current upload ends with a "cancelled" answer, which finishes the run.
    m_queue.clear();
    if (m_current)
        m_current->abort();
}

void JobUploader::next()
{
    if (m_queue.isEmpty()) {
        if (m_count > 0)
            Q_EMIT finished(m_uploaded, m_errors);
        m_count = 0;
        return;
    }
    const QString path = m_queue.dequeue();
    ++m_index;
    const QString name = QFileInfo(path).fileName();
    switch (kindOf(path)) {
    case Kind::Unsupported:
        done(name, false,
             tr("%1 cannot be printed from here. Drop PDF, office documents, text files or pictures, or "
                "print it from its application.")
                 .arg(name));
        return;
    case Kind::Direct:
        send(path, name, {});
        return;
    case Kind::Convert:
        break;
    }
    if (!m_tempDir)
        m_tempDir = std::make_unique<QTemporaryDir>();
    const QString jpeg = m_tempDir->filePath(QStringLiteral("convert-%1.jpg").arg(m_index));
    m_converting = true;
    Q_EMIT progress(name, m_index, m_count, 0, -1);
    auto* watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, jpeg, name] {
        watcher->deleteLater();
        m_converting = false;
        if (!watcher->result()) {
            QFile::remove(jpeg);
            done(name, false, tr("%1 could not be read as a picture.").arg(name));
            return;
        }
        send(jpeg, name, QStringLiteral("image/jpeg"));
    });
    watcher->setFuture(QtConcurrent::run(convertToJpeg, path, jpeg));
}

void JobUploader::send(const QString& path, const QString& name, const QString& mimeType)
{
    if (!m_api)
        return done(name, false, tr("You are not signed in. Sign in and try again."));
    ApiReply* reply = m_api->uploadJob(path, name, mimeType);
    m_current = reply;
    const int index = m_index;
    Q_EMIT progress(name, index, m_count, 0, -1);
    connect(reply, &ApiReply::uploadProgress, this, [this, name, index](qint64 sent, qint64 total) {
        Q_EMIT progress(name, index, m_count, sent, total);
    });
    const bool temporary = !mimeType.isEmpty();
    connect(reply, &ApiReply::finished, this, [this, reply, name, path, temporary] {
        reply->deleteLater();
        m_current = nullptr;
        if (temporary)
            QFile::remove(path);
        if (reply->ok()) {
            qCInfo(lcClientJobs) << "uploaded a document as job"
                                 << reply->json()
                                        .value(QLatin1String("job"))
                                        .toObject()
                                        .value(QLatin1String("id"))
                                        .toInteger();
            done(name, true, {});
        } else {
            // Upload refusals (a format, an HWP version, a password) say how to print it after all.
            QString why = ServerErrorText::sentence(reply->errorCode(), reply->json());
            if (why.isEmpty())
                why = reply->errorMessage();
            done(name, false, tr("%1: %2").arg(name, why));
        }
    });
}

void JobUploader::done(const QString& name, bool ok, const QString& error)
{
    if (ok)
        ++m_uploaded;
    else
        m_errors.append(error);
    Q_EMIT fileFinished(name, ok, error);
    // Let the signal's receivers finish before the next file starts.
    m_nextScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_nextScheduled = false;
            next();
        },
        Qt::QueuedConnection);
}
