#include "ScanProtocol.h"

#include "FdIo.h"

#include <QtEndian>

namespace ScanProtocol {

QByteArray frame(Message message, const std::function<void(QDataStream&)>& fields)
{
    QByteArray out(4, '\0');
    {
        QDataStream s(&out, QIODevice::WriteOnly | QIODevice::Append);
        s.setVersion(QDataStream::Qt_6_4);
        s << quint8(message);
        if (fields)
            fields(s);
    }
    qToBigEndian(quint32(out.size() - 4), out.data());
    return out;
}

bool write(int fd, const QByteArray& frame)
{
    return FdIo::writeAll(fd, frame.constData(), size_t(frame.size()));
}

bool takeFrames(QByteArray* buffer, QList<QByteArray>* frames)
{
    qsizetype at = 0;
    while (buffer->size() - at >= 4) {
        const quint32 length = qFromBigEndian<quint32>(buffer->constData() + at);
        if (length > MaxFrameBytes || length == 0)
            return false;
        if (buffer->size() - at - 4 < qsizetype(length))
            break;
        frames->append(buffer->mid(at + 4, length));
        at += 4 + length;
    }
    buffer->remove(0, at);
    return true;
}

Message readMessage(QDataStream& in)
{
    in.setVersion(QDataStream::Qt_6_4);
    quint8 m = 0;
    in >> m;
    return Message(m);
}

QList<int> toInts(const QList<SaneScanner::Source>& sources)
{
    QList<int> out;
    for (SaneScanner::Source s : sources)
        out << int(s);
    return out;
}

QList<SaneScanner::Source> toSources(const QList<int>& ints)
{
    QList<SaneScanner::Source> out;
    for (int i : ints)
        if (i >= int(SaneScanner::Source::Flatbed) && i <= int(SaneScanner::Source::FeederDuplex))
            out << SaneScanner::Source(i);
    return out;
}

} // namespace ScanProtocol

QDataStream& operator<<(QDataStream& out, const SaneScanner::Request& r)
{
    return out << qint32(r.source) << qint32(r.mode) << qint32(r.resolution) << qint32(r.maxPages)
               << r.deviceOptions << r.beforePage;
}

QDataStream& operator>>(QDataStream& in, SaneScanner::Request& r)
{
    qint32 source = 0, mode = 0, resolution = 0, maxPages = 0;
    in >> source >> mode >> resolution >> maxPages >> r.deviceOptions >> r.beforePage;
    r.source = SaneScanner::Source(qBound(0, int(source), int(SaneScanner::Source::FeederDuplex)));
    r.mode = SaneScanner::Mode(qBound(0, int(mode), int(SaneScanner::Mode::Lineart)));
    r.resolution = resolution;
    r.maxPages = maxPages;
    return in;
}

QDataStream& operator<<(QDataStream& out, const ScannedPage& p)
{
    return out << p.data << p.mimeType << p.thumbnail << p.pixels << qint32(p.resolution);
}

QDataStream& operator>>(QDataStream& in, ScannedPage& p)
{
    qint32 resolution = 0;
    in >> p.data >> p.mimeType >> p.thumbnail >> p.pixels >> resolution;
    p.resolution = resolution;
    return in;
}
