// ClientSettings: typed keys, defaults, persistence, change signals and admin policy, on temp files.
#include "ClientSettings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestClientSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        auto s = ClientSettings::createTempFileInstance();
        QVERIFY(s->serverUrl().isEmpty());
        QVERIFY(s->certificateFingerprint().isEmpty());
        QVERIFY(s->username().isEmpty());
        QVERIFY(s->language().isEmpty());
        QCOMPARE(s->showNotifications(), true);
        QVERIFY(QFile::exists(s->fileName()));
    }

    void keyNamesAreUnique()
    {
        const QMetaEnum e = QMetaEnum::fromType<ClientSettings::Key>();
        QSet<QString> names;
        for (int i = 0; i < e.keyCount(); ++i) {
            const QString name = ClientSettings::keyName(static_cast<ClientSettings::Key>(e.value(i)));
            QVERIFY2(!name.isEmpty(), e.key(i));
            QVERIFY2(!names.contains(name), qPrintable(name));
            // Secrets never go here: the token lives in the keychain.
            QVERIFY(!name.contains(QLatin1String("token"), Qt::CaseInsensitive));
            QVERIFY(!name.contains(QLatin1String("password"), Qt::CaseInsensitive));
            names.insert(name);
        }
    }

    void typedValuesPersist()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("client.conf"));
        {
            ClientSettings s(file, QString());
            s.setServerUrl(QUrl(QStringLiteral("https://print.example.org:8631")));
            s.setCertificateFingerprint(QStringLiteral("AB:CD"));
            s.setUsername(QStringLiteral("kim"));
            s.setValue(ClientSettings::Key::ShowNotifications, false);
            s.setValue(ClientSettings::Key::LastPrinter, QStringLiteral("3F-East"));
            QVERIFY(s.sync());
        }
        ClientSettings again(file, QString());
        QCOMPARE(again.serverUrl(), QUrl(QStringLiteral("https://print.example.org:8631")));
        QCOMPARE(again.serverUrl().port(), 8631);
        QCOMPARE(again.certificateFingerprint(), QStringLiteral("AB:CD"));
        QCOMPARE(again.username(), QStringLiteral("kim"));
        QCOMPARE(again.showNotifications(), false);
        QCOMPARE(again.lastPrinter(), QStringLiteral("3F-East"));
    }

    void changedSignalOnlyOnChange()
    {
        auto s = ClientSettings::createTempFileInstance();
        QSignalSpy spy(s.get(), &ClientSettings::changed);
        s->setUsername(QStringLiteral("kim"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<ClientSettings::Key>(), ClientSettings::Key::Username);
        s->setUsername(QStringLiteral("kim"));
        QCOMPARE(spy.count(), 1);
        s->reset(ClientSettings::Key::Username);
        QCOMPARE(spy.count(), 2);
        QVERIFY(s->username().isEmpty());
        s->reset(ClientSettings::Key::Username);
        QCOMPARE(spy.count(), 2);
    }

    void policyWins()
    {
        QTemporaryDir dir;
        const QString policy = dir.filePath(QStringLiteral("policy.conf"));
        {
            QSettings p(policy, QSettings::IniFormat);
            p.setValue(ClientSettings::keyName(ClientSettings::Key::ServerUrl),
                       QStringLiteral("https://mps.city.go.kr:8631"));
            p.setValue(ClientSettings::keyName(ClientSettings::Key::ShowNotifications), false);
        }
        auto s = ClientSettings::createTempFileInstance(policy);
        QVERIFY(s->isLocked(ClientSettings::Key::ServerUrl));
        QVERIFY(!s->isLocked(ClientSettings::Key::Username));
        QCOMPARE(s->serverUrl(), QUrl(QStringLiteral("https://mps.city.go.kr:8631")));
        QCOMPARE(s->showNotifications(), false);
        QSignalSpy spy(s.get(), &ClientSettings::changed);
        QVERIFY(!s->setValue(ClientSettings::Key::ServerUrl, QUrl(QStringLiteral("https://evil.example"))));
        QCOMPARE(s->serverUrl(), QUrl(QStringLiteral("https://mps.city.go.kr:8631")));
        QCOMPARE(spy.count(), 0);
        QVERIFY(s->setValue(ClientSettings::Key::Username, QStringLiteral("lee")));
        QCOMPARE(s->username(), QStringLiteral("lee"));
    }

    void tempInstancesAreSeparate()
    {
        auto a = ClientSettings::createTempFileInstance();
        auto b = ClientSettings::createTempFileInstance();
        QVERIFY(a->fileName() != b->fileName());
        a->setUsername(QStringLiteral("kim"));
        QVERIFY(b->username().isEmpty());
        const QString file = a->fileName();
        a.reset();
        QVERIFY(!QFile::exists(file));
    }
};

QTEST_GUILESS_MAIN(TestClientSettings)
#include "TestClientSettings.moc"
