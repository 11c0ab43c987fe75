// Issue 13 §2: every code the server sends is said in the kiosk's own words, in Korean and English.
// The codes come from docs/api.md itself (the stateReasonCode table, the upload refusal table,
// "`409 wrong-state`" answers and "error": "..." examples) plus the issue 13 contract's codes, so a
// code documented later without a kiosk sentence fails here.
#include "KioskText.h"
#include "KioskTranslations.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

class TestKioskText : public QObject
{
    Q_OBJECT
private:
    static QStringList documentedCodes(int* reasonCount)
    {
        QFile f(QStringLiteral(MPS_SOURCE_DIR "/docs/api.md"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QString api = QString::fromUtf8(f.readAll());
        // The fax routes answer a kiosk session 403 forbidden (docs/fax.md) and the kiosk calls none of
        // them: their codes are the tray's to say (TestClientText), not the kiosk's.
        const qsizetype fax = api.indexOf(QLatin1String("\n## Fax"));
        if (fax >= 0) {
            const qsizetype next = api.indexOf(QLatin1String("\n## "), fax + 1);
            api.remove(fax, next < 0 ? api.size() - fax : next - fax);
        }
        QStringList codes;
        bool inReasonTable = false;
        static const QRegularExpression code(QStringLiteral("`([a-z][a-z0-9-]+)`"));
        for (const QString& line : api.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("| `stateReasonCode`"))) {
                inReasonTable = true;
                continue;
            }
            if (!line.startsWith(QLatin1Char('|')))
                inReasonTable = false;
            if (inReasonTable && !line.startsWith(QLatin1String("|---"))) {
                auto it = code.globalMatch(line.section(QLatin1Char('|'), 1, 1));
                while (it.hasNext())
                    codes << it.next().captured(1);
            }
        }
        *reasonCount = static_cast<int>(codes.size());
        static const QRegularExpression answer(QStringLiteral("`[1-5][0-9][0-9] ([a-z][a-z0-9-]+)"));
        static const QRegularExpression field(QStringLiteral("\"error\": ?\"([a-z][a-z0-9-]+)\""));
        static const QRegularExpression tableRow(
            QStringLiteral("^\\| [1-5][0-9][0-9] \\| `([a-z][a-z0-9-]+)`"),
            QRegularExpression::MultilineOption);
        for (const QRegularExpression* re : {&answer, &field, &tableRow}) {
            auto it = re->globalMatch(api);
            while (it.hasNext())
                codes << it.next().captured(1);
        }
        return codes;
    }

private Q_SLOTS:
    void everyServerCodeIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("ko") << QStringLiteral("ko");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void everyServerCodeIsTranslated()
    {
        QFETCH(QString, language);
        int reasonCount = 0;
        QStringList codes = documentedCodes(&reasonCount);
        QVERIFY2(reasonCount >= 10, "the stateReasonCode table of docs/api.md was not found");
        QVERIFY2(codes.size() > reasonCount + 15, "the error codes of docs/api.md were not found");
        // The issue 13 contract's codes (the server may document them later), the sign-in codes and
        // the transport's own.
        codes << QStringLiteral("option-unsupported") << QStringLiteral("unsupported-format")
              << QStringLiteral("hwp-unsupported") << QStringLiteral("encrypted-document")
              << QStringLiteral("bad-document") << QStringLiteral("conversion-failed")
              << QStringLiteral("converter-busy") << QStringLiteral("too-large")
              << QStringLiteral("quota-exceeded") << QStringLiteral("consent-required")
              << QStringLiteral("unknown-card") << QStringLiteral("invalid-credentials")
              << QStringLiteral("locked") << QStringLiteral("missing-credentials")
              << QStringLiteral("unknown-kiosk") << QStringLiteral("invalid-session")
              << QStringLiteral("unauthenticated") << QStringLiteral("unreachable")
              << QStringLiteral("timeout");
        codes.removeDuplicates();

        KioskTranslations translations;
        QVERIFY(translations.setLanguage(language));
        static const QRegularExpression hangul(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"));
        const QString fallback = QStringLiteral("English from the server.");
        const QJsonObject args{{QStringLiteral("printer"), QStringLiteral("3F-East")},
                               {QStringLiteral("faults"), QJsonArray{QStringLiteral("media-jam")}},
                               {QStringLiteral("option"), QStringLiteral("sides")},
                               {QStringLiteral("value"), QStringLiteral("two-sided-long-edge")},
                               {QStringLiteral("supported"), QJsonArray{QStringLiteral("one-sided")}}};
        const QDateTime now = QDateTime::currentDateTime();
        QStringList missing;
        for (int i = 0; i < codes.size(); ++i) {
            const QString& code = codes[i];
            // As an error answer: with its fields, and with none.
            QStringList texts{KioskText::forError(code, fallback, args, now),
                              KioskText::forError(code, fallback, {}, now)};
            // As a job's reason (the table's codes).
            if (i < reasonCount)
                texts << KioskText::stateReason(code, args, fallback);
            for (const QString& text : std::as_const(texts)) {
                if (text.isEmpty() || text == fallback || text.contains(QLatin1String("English")) ||
                    (language == QLatin1String("ko") && !text.contains(hangul))) {
                    missing << code;
                    break;
                }
            }
        }
        QVERIFY2(
            missing.isEmpty(),
            qPrintable(QStringLiteral("no %1 kiosk sentence for: %2").arg(language, missing.join(u", "))));
    }

    // A release refused with 400 option-unsupported says which option, never the printer's English.
    void optionUnsupportedSaysWhichOption_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QJsonValue>("supported");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("korean");
        QTest::newRow("sides") << "sides" << QJsonValue(QStringLiteral("two-sided-long-edge"))
                               << QJsonValue(QJsonArray{QStringLiteral("one-sided")})
                               << "mfp-simplex cannot print double-sided"
                               << "양면";
        QTest::newRow("colour") << "colorMode" << QJsonValue(QStringLiteral("color"))
                                << QJsonValue(QJsonArray{QStringLiteral("monochrome")})
                                << "mfp-simplex prints only in black and white"
                                << "흑백으로만";
        QTest::newRow("copies") << "copies" << QJsonValue(150) << QJsonValue(99)
                                << "mfp-simplex prints at most 99 copies at a time"
                                << "99부";
    }

    void optionUnsupportedSaysWhichOption()
    {
        QFETCH(QString, option);
        QFETCH(QJsonValue, value);
        QFETCH(QJsonValue, supported);
        QFETCH(QString, english);
        QFETCH(QString, korean);
        const QJsonObject body{{QStringLiteral("error"), QStringLiteral("option-unsupported")},
                               {QStringLiteral("message"), QStringLiteral("Unsupported sides keyword value")},
                               {QStringLiteral("option"), option},
                               {QStringLiteral("value"), value},
                               {QStringLiteral("printer"), QStringLiteral("mfp-simplex")},
                               {QStringLiteral("supported"), supported}};
        KioskTranslations translations;
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(translations.setLanguage(QStringLiteral("en")));
        QString text = KioskText::forError(QStringLiteral("option-unsupported"),
                                           body.value(QLatin1String("message")).toString(), body, now);
        QVERIFY2(text.startsWith(english), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("still held")));
        QVERIFY(translations.setLanguage(QStringLiteral("ko")));
        text = KioskText::forError(QStringLiteral("option-unsupported"),
                                   body.value(QLatin1String("message")).toString(), body, now);
        QVERIFY2(text.contains(korean) && text.contains(QLatin1String("mfp-simplex")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("Unsupported")), qPrintable(text));
        static const QRegularExpression latinWord(QStringLiteral("\\b[a-z]{4,}\\b"));
        QVERIFY2(!QString(text).remove(QLatin1String("mfp-simplex")).contains(latinWord), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestKioskText)
#include "TestKioskText.moc"
