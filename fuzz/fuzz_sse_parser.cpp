// Fuzzes common/SseParser: the push channel's text/event-stream parser. The input is cut into the
// pieces a socket might deliver (sizes taken from the first bytes), so that lines and CR LF pairs
// split across feeds are exercised; the same bytes fed whole must give the same events.
#include "FuzzSupport.h"
#include "SseParser.h"

#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2)
        return 0;
    const int pieceA = data[0] % 64 + 1;
    const int pieceB = data[1] % 7 + 1;
    const QByteArray stream = FuzzSupport::bytes(data + 2, size - 2);

    SseParser whole;
    const QList<SseParser::Event> expected = whole.feed(stream);

    SseParser pieces;
    QList<SseParser::Event> got;
    qsizetype at = 0;
    for (int i = 0; at < stream.size(); ++i) {
        const qsizetype n = (i % 2 == 0) ? pieceA : pieceB;
        got += pieces.feed(stream.mid(at, n));
        at += n;
    }
    // Cutting the stream differently must not change what comes out.
    if (got.size() != expected.size() || pieces.droppedCount() != whole.droppedCount())
        abort();
    for (qsizetype i = 0; i < got.size(); ++i)
        if (got[i].type != expected[i].type || got[i].data != expected[i].data || got[i].id != expected[i].id)
            abort();
    pieces.reset();
    (void)pieces.feed(stream);
    return 0;
}
