// TokenStore against a real Secret Service (gnome-keyring in a private D-Bus session; see
// tests/run-with-keyring.sh): store, read back, replace, delete, and an absent token is empty.
#include "TokenStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

class TestTokenStore : public QObject
{
    Q_OBJECT

    // Each run uses its own service name, so a test never sees another run's entries.
    const QString m_service =
        QStringLiteral("mps-client-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    QString load(TokenStore& store, const QString& account)
    {
        QSignalSpy loaded(&store, &TokenStore::loaded);
        QSignalSpy failed(&store, &TokenStore::failed);
        store.load(account);
        if (!QTest::qWaitFor([&] { return loaded.count() + failed.count() > 0; }, 20000))
            return QStringLiteral("<timeout>");
        if (!failed.isEmpty())
            return QStringLiteral("<failed: %1>").arg(failed.first().at(2).toString());
        return loaded.first().at(1).toString();
    }

private Q_SLOTS:
    void accountNames()
    {
        QCOMPARE(TokenStore::accountFor(QUrl(QStringLiteral("https://print.example.org:8631")),
                                        QStringLiteral("kim")),
                 QStringLiteral("kim@print.example.org:8631"));
        QCOMPARE(
            TokenStore::accountFor(QUrl(QStringLiteral("https://print.example.org")), QStringLiteral("kim")),
            QStringLiteral("kim@print.example.org:443"));
    }

    void roundTrip()
    {
        TokenStore store(m_service);
        const QString account = QStringLiteral("kim@127.0.0.1:8631");
        QCOMPARE(load(store, account), QString()); // nothing yet: empty, not an error

        QSignalSpy saved(&store, &TokenStore::saved);
        store.save(account, QStringLiteral("token-1"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20000);
        QCOMPARE(load(store, account), QStringLiteral("token-1"));

        store.save(account, QStringLiteral("token-2"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 20000);
        QCOMPARE(load(store, account), QStringLiteral("token-2"));
        QCOMPARE(load(store, QStringLiteral("lee@127.0.0.1:8631")), QString());

        QSignalSpy removed(&store, &TokenStore::removed);
        store.remove(account);
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 20000);
        QCOMPARE(load(store, account), QString());
        store.remove(account); // removing what is not there is fine
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 2, 20000);
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "TestTokenStore.moc"
