#include "SaneDevice.h"

#include "KioskLog.h"

#include <sane/sane.h>
#include <sane/saneopts.h>

#include <cstring>

namespace {
bool isFeeder(const QString& s)
{
    return s.contains(QLatin1String("ADF"), Qt::CaseInsensitive) ||
           s.contains(QLatin1String("Feeder"), Qt::CaseInsensitive);
}
bool isDuplex(const QString& s)
{
    return s.contains(QLatin1String("Duplex"), Qt::CaseInsensitive);
}
} // namespace

SaneDevice::SaneDevice(const QString& name, const std::atomic<bool>* cancel) : m_name(name), m_cancel(cancel)
{
}

SaneDevice::~SaneDevice()
{
    close();
    if (m_initialised)
        sane_exit();
}

void SaneDevice::close()
{
    if (m_handle) {
        sane_close(static_cast<SANE_Handle>(m_handle));
        m_handle = nullptr;
    }
}

bool SaneDevice::open()
{
    if (m_handle)
        return true;
    if (!m_initialised) {
        SANE_Int version = 0;
        if (sane_init(&version, nullptr) != SANE_STATUS_GOOD) {
            qCWarning(lcKioskScan) << "sane_init failed";
            m_errorCode = QStringLiteral("scanner-unavailable");
            return false;
        }
        m_initialised = true;
    }
    SANE_Handle handle = nullptr;
    const SANE_Status status = sane_open(m_name.toUtf8().constData(), &handle);
    if (status != SANE_STATUS_GOOD) {
        qCWarning(lcKioskScan).noquote() << "cannot open scanner" << m_name << ":" << sane_strstatus(status);
        m_errorCode = status == SANE_STATUS_DEVICE_BUSY ? QStringLiteral("busy")
                                                        : QStringLiteral("scanner-unavailable");
        return false;
    }
    m_handle = handle;
    qCInfo(lcKioskScan).noquote() << "scanner" << m_name << "open";
    return true;
}

int SaneDevice::optionIndex(const char* name) const
{
    auto* h = static_cast<SANE_Handle>(m_handle);
    SANE_Int count = 0;
    if (!h || sane_control_option(h, 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD)
        return -1;
    for (SANE_Int i = 1; i < count; ++i) {
        const SANE_Option_Descriptor* d = sane_get_option_descriptor(h, i);
        if (d && d->name && std::strcmp(d->name, name) == 0 && SANE_OPTION_IS_ACTIVE(d->cap))
            return i;
    }
    return -1;
}

QStringList SaneDevice::stringList(const char* name) const
{
    QStringList values;
    const int i = optionIndex(name);
    if (i < 0)
        return values;
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(static_cast<SANE_Handle>(m_handle), i);
    if (d->type == SANE_TYPE_STRING && d->constraint_type == SANE_CONSTRAINT_STRING_LIST)
        for (const SANE_String_Const* s = d->constraint.string_list; *s; ++s)
            values << QString::fromUtf8(*s);
    return values;
}

bool SaneDevice::setOption(const char* name, const QString& value)
{
    const int i = optionIndex(name);
    if (i < 0)
        return false;
    auto* h = static_cast<SANE_Handle>(m_handle);
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(h, i);
    if (!SANE_OPTION_IS_SETTABLE(d->cap))
        return false;
    SANE_Status status = SANE_STATUS_INVAL;
    switch (d->type) {
    case SANE_TYPE_STRING: {
        QByteArray buffer = value.toUtf8();
        buffer.resize(qMax<qsizetype>(d->size, buffer.size() + 1), '\0');
        status = sane_control_option(h, i, SANE_ACTION_SET_VALUE, buffer.data(), nullptr);
        break;
    }
    case SANE_TYPE_INT: {
        SANE_Int v = value.toInt();
        status = sane_control_option(h, i, SANE_ACTION_SET_VALUE, &v, nullptr);
        break;
    }
    case SANE_TYPE_FIXED: {
        SANE_Fixed v = SANE_FIX(value.toDouble());
        status = sane_control_option(h, i, SANE_ACTION_SET_VALUE, &v, nullptr);
        break;
    }
    case SANE_TYPE_BOOL: {
        SANE_Bool v =
            (value == QLatin1String("yes") || value == QLatin1String("true") || value == QLatin1String("1"))
                ? SANE_TRUE
                : SANE_FALSE;
        status = sane_control_option(h, i, SANE_ACTION_SET_VALUE, &v, nullptr);
        break;
    }
    default:
        break;
    }
    if (status != SANE_STATUS_GOOD)
        qCWarning(lcKioskScan).noquote() << "option" << name << "refused:" << sane_strstatus(status);
    return status == SANE_STATUS_GOOD;
}

QList<SaneScanner::Source> SaneDevice::sources() const
{
    QList<SaneScanner::Source> sources;
    const QStringList names = stringList(SANE_NAME_SCAN_SOURCE);
    for (const QString& s : names) {
        const SaneScanner::Source source = isDuplex(s)   ? SaneScanner::Source::FeederDuplex
                                           : isFeeder(s) ? SaneScanner::Source::Feeder
                                                         : SaneScanner::Source::Flatbed;
        // Front-only or back-only feeder variants ("ADF Back") add nothing a person would choose.
        if (!sources.contains(source))
            sources << source;
    }
    if (sources.isEmpty())
        sources << SaneScanner::Source::Flatbed;
    return sources;
}

QString SaneDevice::sourceName(SaneScanner::Source source) const
{
    const QStringList names = stringList(SANE_NAME_SCAN_SOURCE);
    for (const QString& s : names) {
        const bool match = source == SaneScanner::Source::FeederDuplex ? isDuplex(s)
                           : source == SaneScanner::Source::Feeder     ? isFeeder(s) && !isDuplex(s)
                                                                       : !isFeeder(s) && !isDuplex(s);
        if (match)
            return s;
    }
    return {};
}

QString SaneDevice::codeFor(int status)
{
    switch (status) {
    case SANE_STATUS_JAMMED:
        return QStringLiteral("jammed");
    case SANE_STATUS_NO_DOCS:
        return QStringLiteral("feeder-empty");
    case SANE_STATUS_COVER_OPEN:
        return QStringLiteral("cover-open");
    case SANE_STATUS_DEVICE_BUSY:
        return QStringLiteral("busy");
    case SANE_STATUS_CANCELLED:
        return QStringLiteral("cancelled");
    default:
        return QStringLiteral("scanner-unavailable");
    }
}

int SaneDevice::readPage(QImage* image)
{
    auto* h = static_cast<SANE_Handle>(m_handle);
    SANE_Parameters p{};
    SANE_Status status = sane_get_parameters(h, &p);
    if (status != SANE_STATUS_GOOD)
        return status;
    if ((p.format != SANE_FRAME_GRAY && p.format != SANE_FRAME_RGB) ||
        (p.depth != 1 && p.depth != 8 && p.depth != 16)) {
        qCWarning(lcKioskScan) << "unsupported frame format" << p.format << "depth" << p.depth;
        return SANE_STATUS_UNSUPPORTED;
    }
    // The whole page in memory (never on disk); a scanner that does not know the height grows it.
    QByteArray raw;
    if (p.lines > 0)
        raw.reserve(qsizetype(p.bytes_per_line) * p.lines);
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    for (;;) {
        if (m_cancel && m_cancel->load())
            return SANE_STATUS_CANCELLED;
        SANE_Int length = 0;
        status = sane_read(h, reinterpret_cast<SANE_Byte*>(buffer.data()), SANE_Int(buffer.size()), &length);
        if (status == SANE_STATUS_EOF)
            break;
        if (status != SANE_STATUS_GOOD)
            return status;
        raw.append(buffer.constData(), length);
    }
    const int width = p.pixels_per_line;
    const int lines = p.bytes_per_line > 0 ? int(raw.size() / p.bytes_per_line) : 0;
    if (width <= 0 || lines <= 0)
        return SANE_STATUS_IO_ERROR;
    const bool rgb = p.format == SANE_FRAME_RGB;
    QImage out(width, lines,
               p.depth == 1 ? QImage::Format_Mono
               : rgb        ? QImage::Format_RGB888
                            : QImage::Format_Grayscale8);
    if (p.depth == 1)
        out.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)}); // SANE: 1 is black
    for (int y = 0; y < lines; ++y) {
        const auto* src = reinterpret_cast<const uchar*>(raw.constData()) + qsizetype(y) * p.bytes_per_line;
        uchar* dst = out.scanLine(y);
        if (p.depth == 16) {
            // Host byte order; the high byte is enough for an 8-bit image.
            const int samples = width * (rgb ? 3 : 1);
            for (int i = 0; i < samples; ++i) {
                quint16 v;
                std::memcpy(&v, src + 2 * i, 2);
                dst[i] = uchar(v >> 8);
            }
        } else {
            std::memcpy(dst, src, size_t(qMin<qsizetype>(p.bytes_per_line, out.bytesPerLine())));
        }
    }
    *image = out;
    return SANE_STATUS_EOF;
}

bool SaneDevice::scan(const SaneScanner::Request& request,
                      const std::function<void(const QImage& image, int resolution)>& onPage)
{
    m_errorCode.clear();
    if (!open())
        return false;
    auto* h = static_cast<SANE_Handle>(m_handle);
    const QString source = sourceName(request.source);
    if (!source.isEmpty())
        setOption(SANE_NAME_SCAN_SOURCE, source);
    // Black-and-white: the scanner's line-art mode where it has one, else grey thresholded later.
    const QStringList modes = stringList(SANE_NAME_SCAN_MODE);
    QString mode =
        request.mode == SaneScanner::Mode::Color ? QStringLiteral("Color") : QStringLiteral("Gray");
    if (request.mode == SaneScanner::Mode::Lineart)
        for (const QString& m : modes)
            if (m.compare(QLatin1String("Lineart"), Qt::CaseInsensitive) == 0 ||
                m.compare(QLatin1String("Binary"), Qt::CaseInsensitive) == 0)
                mode = m;
    setOption(SANE_NAME_SCAN_MODE, mode);
    setOption(SANE_NAME_BIT_DEPTH, mode.compare(QLatin1String("Lineart"), Qt::CaseInsensitive) == 0 ||
                                           mode.compare(QLatin1String("Binary"), Qt::CaseInsensitive) == 0
                                       ? QStringLiteral("1")
                                       : QStringLiteral("8"));
    setOption(SANE_NAME_SCAN_RESOLUTION, QString::number(request.resolution));
    for (const SaneScanner::DeviceOption& o : request.deviceOptions)
        setOption(o.first.constData(), o.second);
    const bool feeder = request.source != SaneScanner::Source::Flatbed;
    int pages = 0;
    for (;;) {
        if (request.maxPages > 0 && pages >= request.maxPages)
            break;
        if (m_cancel && m_cancel->load()) {
            m_errorCode = QStringLiteral("cancelled");
            break;
        }
        for (const SaneScanner::DeviceOption& o : request.beforePage.value(pages + 1))
            setOption(o.first.constData(), o.second);
        qCDebug(lcKioskScan) << "sane_start, page" << pages + 1;
        SANE_Status status = sane_start(h);
        QImage image;
        if (status == SANE_STATUS_GOOD)
            status = SANE_Status(readPage(&image));
        qCDebug(lcKioskScan).noquote() << "page" << pages + 1 << "read:" << sane_strstatus(status);
        if (status != SANE_STATUS_EOF) {
            // A feeder that runs out after at least one page has simply scanned the whole stack.
            if (!(status == SANE_STATUS_NO_DOCS && feeder && pages > 0))
                m_errorCode = (m_cancel && m_cancel->load()) ? QStringLiteral("cancelled") : codeFor(status);
            qCInfo(lcKioskScan).noquote()
                << "scan ended after" << pages << "page(s):" << sane_strstatus(status);
            break;
        }
        ++pages;
        onPage(image, request.resolution);
        if (!feeder)
            break;
    }
    return m_errorCode.isEmpty();
}

void SaneDevice::endScan()
{
    qCDebug(lcKioskScan) << "sane_cancel";
    if (m_handle)
        sane_cancel(static_cast<SANE_Handle>(m_handle));
    // After a device error the handle may be stale: open again for the next scan.
    if (m_errorCode == QLatin1String("scanner-unavailable"))
        close();
}
