// Server-sent events parsing: whole events out, whatever pieces the bytes arrive in.
#include "SseParser.h"

#include <QTest>

namespace {
QStringList render(const QList<SseParser::Event>& events)
{
    QStringList out;
    for (const auto& e : events)
        out << e.type + QLatin1Char('|') + QString::fromUtf8(e.data) + QLatin1Char('|') + e.id;
    return out;
}
} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("server format") << QByteArray(": connected\n\nevent: job-held\ndata: {\"id\":1}\n\n")
                                       << QStringList{"job-held|{\"id\":1}|"};
        QTest::newRow("keep-alive only") << QByteArray(": keep-alive\n\n: keep-alive\n\n") << QStringList{};
        QTest::newRow("no event field") << QByteArray("data: x\n\n") << QStringList{"message|x|"};
        QTest::newRow("multi-line data")
            << QByteArray("event: a\ndata: 1\ndata: 2\n\n") << QStringList{"a|1\n2|"};
        QTest::newRow("crlf") << QByteArray("event: a\r\ndata: 1\r\n\r\n") << QStringList{"a|1|"};
        QTest::newRow("cr only") << QByteArray("event: a\rdata: 1\r\r") << QStringList{"a|1|"};
        QTest::newRow("no space after colon") << QByteArray("event:a\ndata:1\n\n") << QStringList{"a|1|"};
        QTest::newRow("two spaces keep one") << QByteArray("data:  1\n\n") << QStringList{"message| 1|"};
        QTest::newRow("id persists") << QByteArray("id: 7\ndata: a\n\ndata: b\n\n")
                                     << QStringList{"message|a|7", "message|b|7"};
        QTest::newRow("event without data is dropped")
            << QByteArray("event: a\n\ndata: b\n\n") << QStringList{"message|b|"};
        QTest::newRow("type does not leak")
            << QByteArray("event: a\ndata: 1\n\ndata: 2\n\n") << QStringList{"a|1|", "message|2|"};
        QTest::newRow("unfinished event waits") << QByteArray("event: a\ndata: 1\n") << QStringList{};
        QTest::newRow("unknown fields ignored")
            << QByteArray("retry: 10\nfoo: bar\ndata: 1\n\n") << QStringList{"message|1|"};
        QTest::newRow("empty data field") << QByteArray("data\n\n") << QStringList{"message||"};
    }
    void parse()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QStringList, expected);
        SseParser whole;
        QCOMPARE(render(whole.feed(stream)), expected);
        // Split at every position, and byte by byte: the same events.
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            SseParser p;
            QList<SseParser::Event> events = p.feed(stream.left(cut));
            events += p.feed(stream.mid(cut));
            QCOMPARE(render(events), expected);
        }
        SseParser bytewise;
        QList<SseParser::Event> events;
        for (const char c : stream)
            events += bytewise.feed(QByteArray(1, c));
        QCOMPARE(render(events), expected);
    }

    void overlongLineIsDroppedAndParsingRecovers()
    {
        SseParser p;
        QByteArray huge = "data: " + QByteArray(SseParser::MaxLineBytes + 10, 'x');
        QVERIFY(p.feed(huge).isEmpty());
        QVERIFY(p.feed(QByteArray(1000, 'y')).isEmpty());
        QCOMPARE(render(p.feed("\n\nevent: a\ndata: ok\n\n")), QStringList{"a|ok|"});
        QCOMPARE(p.droppedCount(), 1);
    }

    void resetForgetsPartialEvent()
    {
        SseParser p;
        QVERIFY(p.feed("event: a\ndata: par").isEmpty());
        p.reset();
        QCOMPARE(render(p.feed("tial\n\ndata: b\n\n")), QStringList{"message|b|"});
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "TestSseParser.moc"
