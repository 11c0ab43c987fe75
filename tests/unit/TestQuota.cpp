// Quotas: limit arithmetic, JSON, and the release rule (hard refusal, soft warnings, thresholds).
#include "Quota.h"

#include <QTest>

#include <limits>

Q_DECLARE_METATYPE(QuotaState)

namespace {

QuotaState quota(const char* scope, const char* subject, std::optional<qint64> limit, QuotaPolicy policy,
                 qint64 spent, qint64 allowance = 0)
{
    QuotaState q;
    q.scope = QString::fromLatin1(scope);
    q.subject = QString::fromLatin1(subject);
    q.subjectName = q.subject.toUpper();
    q.limit = limit;
    q.policy = policy;
    q.spent = spent;
    q.allowance = allowance;
    return q;
}

QuotaState user(std::optional<qint64> limit, QuotaPolicy policy, qint64 spent, qint64 allowance = 0)
{
    return quota("user", "kim", limit, policy, spent, allowance);
}

QuotaState dept(const char* code, std::optional<qint64> limit, QuotaPolicy policy, qint64 spent)
{
    return quota("department", code, limit, policy, spent);
}

constexpr QuotaPolicy Hard = QuotaPolicy::Hard;
constexpr QuotaPolicy Soft = QuotaPolicy::Soft;
constexpr qint64 Max = std::numeric_limits<qint64>::max();

} // namespace

class TestQuota : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void policyNames()
    {
        QCOMPARE(quotaPolicyName(Hard), QStringLiteral("hard"));
        QCOMPARE(quotaPolicyName(Soft), QStringLiteral("soft"));
        QCOMPARE(quotaPolicyFromName(QStringLiteral("hard")), std::optional<QuotaPolicy>(Hard));
        QCOMPARE(quotaPolicyFromName(QStringLiteral(" Soft ")), std::optional<QuotaPolicy>(Soft));
        QVERIFY(!quotaPolicyFromName(QStringLiteral("strict")));
        QVERIFY(!quotaPolicyFromName(QString()));
    }

    void arithmetic_data()
    {
        QTest::addColumn<QuotaState>("state");
        QTest::addColumn<qint64>("effectiveLimit");
        QTest::addColumn<bool>("hasRemaining");
        QTest::addColumn<qint64>("remaining");
        QTest::addColumn<int>("percent");
        QTest::newRow("plain") << user(50000, Hard, 49000) << qint64(50000) << true << qint64(1000) << 98;
        QTest::newRow("allowance") << user(50000, Hard, 49000, 10000) << qint64(60000) << true
                                   << qint64(11000) << 81;
        QTest::newRow("soft overspent")
            << user(1000, Soft, 1500) << qint64(1000) << true << qint64(-500) << 150;
        QTest::newRow("79.9 % rounds down")
            << user(1000, Soft, 799) << qint64(1000) << true << qint64(201) << 79;
        QTest::newRow("exactly 80 %") << user(1000, Soft, 800) << qint64(1000) << true << qint64(200) << 80;
        QTest::newRow("nothing spent") << user(1000, Hard, 0) << qint64(1000) << true << qint64(1000) << 0;
        QTest::newRow("limit zero") << user(0, Hard, 0) << qint64(0) << true << qint64(0) << 0;
        QTest::newRow("limit zero spent") << user(0, Soft, 10) << qint64(0) << true << qint64(-10) << 100;
        QTest::newRow("no limit") << user(std::nullopt, Soft, 7000) << qint64(0) << false << qint64(0) << 0;
        QTest::newRow("huge") << user(qint64(4e18), Soft, qint64(2e18)) << qint64(4e18) << true
                              << qint64(2e18) << 50;
    }
    void arithmetic()
    {
        QFETCH(QuotaState, state);
        QFETCH(qint64, effectiveLimit);
        QFETCH(bool, hasRemaining);
        QFETCH(qint64, remaining);
        QFETCH(int, percent);
        QCOMPARE(state.effectiveLimit(), effectiveLimit);
        QCOMPARE(state.remaining().has_value(), hasRemaining);
        if (hasRemaining)
            QCOMPARE(*state.remaining(), remaining);
        QCOMPARE(state.percentUsed(), percent);
    }

    void json()
    {
        const QuotaState q = quota("department", "FIN", 50000, Hard, 49000, 2000);
        const QJsonObject o = q.toJson();
        QCOMPARE(o.value(QStringLiteral("scope")).toString(), QStringLiteral("department"));
        QCOMPARE(o.value(QStringLiteral("subject")).toString(), QStringLiteral("FIN"));
        QCOMPARE(o.value(QStringLiteral("subjectName")).toString(), QStringLiteral("FIN"));
        QCOMPARE(o.value(QStringLiteral("limit")).toInteger(), qint64(50000));
        QCOMPARE(o.value(QStringLiteral("policy")).toString(), QStringLiteral("hard"));
        QCOMPARE(o.value(QStringLiteral("allowance")).toInteger(), qint64(2000));
        QCOMPARE(o.value(QStringLiteral("spent")).toInteger(), qint64(49000));
        QCOMPARE(o.value(QStringLiteral("remaining")).toInteger(), qint64(3000));
        QCOMPARE(o.value(QStringLiteral("percentUsed")).toInt(), 94);
        QCOMPARE(QuotaState::fromJson(o), q);

        const QuotaState none = user(std::nullopt, Soft, 300);
        const QJsonObject n = none.toJson();
        QVERIFY(!n.contains(QStringLiteral("limit")));
        QVERIFY(!n.contains(QStringLiteral("remaining")));
        QCOMPARE(n.value(QStringLiteral("policy")).toString(), QStringLiteral("soft"));
        QCOMPARE(n.value(QStringLiteral("percentUsed")).toInt(), 0);
        QCOMPARE(QuotaState::fromJson(n), none);

        QJsonObject odd = o;
        odd.insert(QStringLiteral("policy"), QStringLiteral("strict"));
        QCOMPARE(QuotaState::fromJson(odd).policy, Soft);
        QCOMPARE(QuotaState::fromJson(QJsonObject()), QuotaState());
    }

    void decideRelease_data()
    {
        QTest::addColumn<qint64>("cost");
        QTest::addColumn<QList<QuotaState>>("quotas");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("refusedBy");
        QTest::addColumn<QStringList>("warnings"); // "subject:threshold" in order

        QTest::newRow("no quotas") << qint64(500) << QList<QuotaState>{} << true << "" << QStringList{};
        QTest::newRow("no limit ignored")
            << qint64(500) << QList<QuotaState>{user(std::nullopt, Hard, Max - 1)} << true << ""
            << QStringList{};
        QTest::newRow("hard: over by one")
            << qint64(201) << QList<QuotaState>{user(1000, Hard, 800)} << false << "kim" << QStringList{};
        QTest::newRow("hard: exactly at limit") << qint64(200) << QList<QuotaState>{user(1000, Hard, 800)}
                                                << true << "" << QStringList{"kim:100"};
        QTest::newRow("hard: zero cost when overspent")
            << qint64(0) << QList<QuotaState>{user(1000, Hard, 1200)} << true << "" << QStringList{};
        QTest::newRow("hard: zero cost at limit zero")
            << qint64(0) << QList<QuotaState>{user(0, Hard, 0)} << true << "" << QStringList{};
        QTest::newRow("hard: negative cost is free")
            << qint64(-5) << QList<QuotaState>{user(0, Hard, 0)} << true << "" << QStringList{};
        QTest::newRow("hard: limit zero refuses")
            << qint64(1) << QList<QuotaState>{user(0, Hard, 0)} << false << "kim" << QStringList{};
        QTest::newRow("hard: allowance gives room")
            << qint64(100) << QList<QuotaState>{user(1000, Hard, 1400, 500)} << true << ""
            << QStringList{"kim:100"};
        QTest::newRow("hard: no overflow near max")
            << qint64(100) << QList<QuotaState>{user(Max - 10, Hard, Max - 20)} << false << "kim"
            << QStringList{};
        QTest::newRow("soft: over allowed, warns 100")
            << qint64(500) << QList<QuotaState>{user(1000, Soft, 900)} << true << ""
            << QStringList{"kim:100"};
        QTest::newRow("soft: already over, no new warning")
            << qint64(100) << QList<QuotaState>{user(1000, Soft, 1100)} << true << "" << QStringList{};
        QTest::newRow("crosses 80 and 100 at once") << qint64(400) << QList<QuotaState>{user(1000, Soft, 700)}
                                                    << true << "" << QStringList{"kim:80", "kim:100"};
        QTest::newRow("crosses 80 only")
            << qint64(150) << QList<QuotaState>{user(1000, Hard, 700)} << true << "" << QStringList{"kim:80"};
        QTest::newRow("just below 80")
            << qint64(799) << QList<QuotaState>{user(1000, Hard, 0)} << true << "" << QStringList{};
        QTest::newRow("exactly 80") << qint64(800) << QList<QuotaState>{user(1000, Hard, 0)} << true << ""
                                    << QStringList{"kim:80"};
        QTest::newRow("80 already reached")
            << qint64(10) << QList<QuotaState>{user(1000, Hard, 800)} << true << "" << QStringList{};
        QTest::newRow("soft limit zero warns both") << qint64(1) << QList<QuotaState>{user(0, Soft, 0)}
                                                    << true << "" << QStringList{"kim:80", "kim:100"};
        QTest::newRow("department refuses while user has room")
            << qint64(200) << QList<QuotaState>{user(50000, Hard, 0), dept("FIN", 100000, Hard, 99900)}
            << false << "FIN" << QStringList{};
        QTest::newRow("first refusing quota reported")
            << qint64(20)
            << QList<QuotaState>{user(1000, Soft, 5000), dept("FIN", 1000, Hard, 990),
                                 dept("HQ", 1000, Hard, 995)}
            << false << "FIN" << QStringList{};
        QTest::newRow("parent refuses, child soft")
            << qint64(20)
            << QList<QuotaState>{user(1000, Hard, 0), dept("FIN", 1000, Soft, 990),
                                 dept("HQ", 1000, Hard, 995)}
            << false << "HQ" << QStringList{};
        QTest::newRow("user and department both warn, in order")
            << qint64(100) << QList<QuotaState>{user(1000, Soft, 750), dept("FIN", 10000, Hard, 7950)} << true
            << "" << QStringList{"kim:80", "FIN:80"};
        QTest::newRow("soft department over, user fine")
            << qint64(100) << QList<QuotaState>{user(100000, Hard, 0), dept("FIN", 1000, Soft, 950)} << true
            << "" << QStringList{"FIN:100"};
    }
    void decideRelease()
    {
        QFETCH(qint64, cost);
        QFETCH(QList<QuotaState>, quotas);
        QFETCH(bool, allowed);
        QFETCH(QString, refusedBy);
        QFETCH(QStringList, warnings);
        const ReleaseDecision d = ::decideRelease(cost, quotas);
        QCOMPARE(d.allowed, allowed);
        QCOMPARE(d.cost, cost);
        QCOMPARE(d.refusedBy.has_value(), !refusedBy.isEmpty());
        if (d.refusedBy) {
            QCOMPARE(d.refusedBy->subject, refusedBy);
            QVERIFY(quotas.contains(*d.refusedBy)); // the state before the release, unchanged
        }
        QStringList got;
        for (const auto& [state, threshold] : d.warnings) {
            got << QStringLiteral("%1:%2").arg(state.subject).arg(threshold);
            QVERIFY(quotas.contains(state));
        }
        QCOMPARE(got, warnings);
    }
};

QTEST_GUILESS_MAIN(TestQuota)
#include "TestQuota.moc"
