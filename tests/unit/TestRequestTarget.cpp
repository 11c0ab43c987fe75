// RequestTarget: the request target split and decoded before routing (server/http/RequestTarget).
#include "HttpLimits.h"
#include "RequestTarget.h"

#include <QTest>
#include <string>

class TestRequestTarget : public QObject
{
    Q_OBJECT
private slots:
    void splitsPathAndQuery()
    {
        const auto t = RequestTarget::parse("/api/v1/jobs?limit=5&x=%20");
        QVERIFY(t.isValid());
        QCOMPARE(t.path(), QStringLiteral("/api/v1/jobs"));
        QCOMPARE(t.query(), QByteArray("limit=5&x=%20"));
    }
    void decodesPathAsUtf8()
    {
        const auto t = RequestTarget::parse("/files/%ED%95%9C%20a?");
        QVERIFY(t.isValid());
        QCOMPARE(t.path(), QStringLiteral("/files/\uD55C a"));
        QCOMPARE(t.query(), QByteArray());
    }
    void onlyTheFirstQuestionMarkSplits()
    {
        const auto t = RequestTarget::parse("/a%3Fb?c?d");
        QVERIFY(t.isValid());
        QCOMPARE(t.path(), QStringLiteral("/a?b"));
        QCOMPARE(t.query(), QByteArray("c?d"));
    }
    void asteriskForm()
    {
        const auto t = RequestTarget::parse("*");
        QVERIFY(t.isValid());
        QCOMPARE(t.path(), QStringLiteral("*"));
    }
    void refusals_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("status");
        using E = RequestTarget::Error;
        QTest::newRow("empty") << QByteArray() << int(E::Empty) << 400;
        QTest::newRow("absolute-form") << QByteArray("http://h/ipp/print") << int(E::NotOriginForm) << 400;
        QTest::newRow("authority") << QByteArray("h:631") << int(E::NotOriginForm) << 400;
        QTest::newRow("nul") << QByteArray("/a%00b") << int(E::NulInPath) << 400;
        QTest::newRow("truncated escape") << QByteArray("/a%4") << int(E::BadPercentEncoding) << 400;
        QTest::newRow("lone percent") << QByteArray("/a%") << int(E::BadPercentEncoding) << 400;
        QTest::newRow("not hex") << QByteArray("/a%zz") << int(E::BadPercentEncoding) << 400;
        QTest::newRow("too long") << QByteArray("/" + QByteArray(int(HttpLimits::TargetBytes), 'a'))
                                  << int(E::TooLong) << 414;
    }
    void refusals()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, error);
        QFETCH(int, status);
        const auto t = RequestTarget::parse(std::string_view(target.constData(), std::size_t(target.size())));
        QVERIFY(!t.isValid());
        QCOMPARE(int(t.error()), error);
        QCOMPARE(t.status(), status);
    }
    void escapeInQueryIsLeftAlone()
    {
        // The query stays encoded for the handler (QUrlQuery decodes it); a bad escape there is theirs.
        const auto t = RequestTarget::parse("/a?b=%zz");
        QVERIFY(t.isValid());
        QCOMPARE(t.query(), QByteArray("b=%zz"));
    }
    void longestAcceptedTarget()
    {
        const std::string s = "/" + std::string(HttpLimits::TargetBytes - 1, 'a');
        QVERIFY(RequestTarget::parse(s).isValid());
    }
};

QTEST_GUILESS_MAIN(TestRequestTarget)
#include "TestRequestTarget.moc"
