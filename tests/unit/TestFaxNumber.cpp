// Korean fax number normalisation (docs/fax.md "Numbers"): known-answer rows for every form and error.
#include "FaxNumber.h"

#include <QTest>

class TestFaxNumber : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("extensionDigits");
        QTest::addColumn<QString>("dial");    // expected dialString ("" when refused)
        QTest::addColumn<QString>("display"); // expected display
        QTest::addColumn<QString>("error");   // expected errorCode ("" when ok)
        auto ok = [](const char* name, const char* typed, const char* prefix, int ext, const char* dial,
                     const char* display) {
            QTest::newRow(name) << QString::fromUtf8(typed) << QString::fromLatin1(prefix) << ext
                                << QString::fromLatin1(dial) << QString::fromLatin1(display) << QString();
        };
        auto bad = [](const char* name, const char* typed, int ext, const char* error) {
            QTest::newRow(name) << QString::fromUtf8(typed) << QString() << ext << QString() << QString()
                                << QString::fromLatin1(error);
        };
        // Seoul 02: 7- and 8-digit subscriber numbers, in every way people write them.
        ok("seoul 9 dashes", "02-123-4567", "", 4, "021234567", "02-123-4567");
        ok("seoul 10 dashes", "02-1234-5678", "", 4, "0212345678", "02-1234-5678");
        ok("seoul parentheses", "(02) 123-4567", "", 4, "021234567", "02-123-4567");
        ok("seoul dots", "02.1234.5678", "", 4, "0212345678", "02-1234-5678");
        ok("seoul plain digits", "0212345678", "", 4, "0212345678", "02-1234-5678");
        ok("seoul spaces around", "  02 123 4567  ", "", 4, "021234567", "02-123-4567");
        ok("seoul outside prefix", "02-123-4567", "9", 4, "9021234567", "02-123-4567");
        ok("seoul outside prefix 0", "02-1234-5678", "0", 4, "00212345678", "02-1234-5678");
        // Provincial area codes 031-064.
        ok("gyeonggi 031 10", "(031) 123-4567", "", 4, "0311234567", "031-123-4567");
        ok("gyeonggi 031 11", "031-1234-5678", "", 4, "03112345678", "031-1234-5678");
        ok("incheon 032", "032-123-4567", "", 4, "0321234567", "032-123-4567");
        ok("gangwon 033", "033 1234 5678", "", 4, "03312345678", "033-1234-5678");
        ok("chungnam 041", "041-123-4567", "", 4, "0411234567", "041-123-4567");
        ok("daejeon 042", "042-1234-5678", "", 4, "04212345678", "042-1234-5678");
        ok("chungbuk 043", "043-123-4567", "", 4, "0431234567", "043-123-4567");
        ok("sejong 044", "044-300-1234", "", 4, "0443001234", "044-300-1234");
        ok("busan 051", "051-123-4567", "", 4, "0511234567", "051-123-4567");
        ok("ulsan 052", "052-1234-5678", "", 4, "05212345678", "052-1234-5678");
        ok("daegu 053", "053-123-4567", "", 4, "0531234567", "053-123-4567");
        ok("gyeongbuk 054", "054-123-4567", "", 4, "0541234567", "054-123-4567");
        ok("gyeongnam 055", "055-123-4567", "", 4, "0551234567", "055-123-4567");
        ok("jeonnam 061", "061-123-4567", "", 4, "0611234567", "061-123-4567");
        ok("gwangju 062", "062-1234-5678", "", 4, "06212345678", "062-1234-5678");
        ok("jeonbuk 063", "063-123-4567", "", 4, "0631234567", "063-123-4567");
        ok("jeju 064", "064-123-4567", "", 4, "0641234567", "064-123-4567");
        ok("area with prefix", "031-123-4567", "9", 4, "90311234567", "031-123-4567");
        // Mobiles: 010 always 8 subscriber digits; the old 011, 016-019 7 or 8.
        ok("mobile 010", "010-1234-5678", "", 4, "01012345678", "010-1234-5678");
        ok("mobile 010 digits", "01012345678", "9", 4, "901012345678", "010-1234-5678");
        ok("mobile 011 10", "011-123-4567", "", 4, "0111234567", "011-123-4567");
        ok("mobile 011 11", "011-1234-5678", "", 4, "01112345678", "011-1234-5678");
        ok("mobile 016", "016-123-4567", "", 4, "0161234567", "016-123-4567");
        ok("mobile 017", "017-1234-5678", "", 4, "01712345678", "017-1234-5678");
        ok("mobile 018", "018-123-4567", "", 4, "0181234567", "018-123-4567");
        ok("mobile 019", "019-123-4567", "", 4, "0191234567", "019-123-4567");
        // Internet phones and free calls.
        ok("voip 070", "070-1234-5678", "", 4, "07012345678", "070-1234-5678");
        ok("free call 080", "080-123-4567", "", 4, "0801234567", "080-123-4567");
        // 15xx, 16xx, 18xx: 8 digits, no area code.
        ok("1588", "1588-1234", "", 4, "15881234", "1588-1234");
        ok("1544 digits", "15441234", "", 4, "15441234", "1544-1234");
        ok("1661", "1661-1234", "9", 4, "916611234", "1661-1234");
        ok("1899", "1899 0000", "", 4, "18990000", "1899-0000");
        // +82 and 82: the country code becomes the trunk 0.
        ok("+82 seoul", "+82 2 123 4567", "", 4, "021234567", "02-123-4567");
        ok("+82 seoul dashes", "+82-2-1234-5678", "", 4, "0212345678", "02-1234-5678");
        ok("82 seoul", "82-2-123-4567", "", 4, "021234567", "02-123-4567");
        ok("+82 mobile", "+82 10 1234 5678", "", 4, "01012345678", "010-1234-5678");
        ok("+82 (0)31", "+82 (0)31 123 4567", "", 4, "0311234567", "031-123-4567");
        ok("+82 1588", "+82 1588 1234", "", 4, "15881234", "1588-1234");
        ok("+82 1688", "+82-1688-1234", "", 4, "16881234", "1688-1234");
        ok("+82 016 mobile", "+82 16 123 4567", "", 4, "0161234567", "016-123-4567");
        ok("0082 seoul", "0082 2 123 4567", "", 4, "021234567", "02-123-4567");
        ok("00182 seoul", "001-82-2-123-4567", "", 4, "021234567", "02-123-4567");
        ok("00700 carrier", "00700-82-2-123-4567", "9", 4, "9021234567", "02-123-4567");
        ok("+82 with prefix", "+82 2 123 4567", "9", 4, "9021234567", "02-123-4567");
        // T.30 sub-address after '#'.
        ok("subaddress", "02-123-4567#77", "", 4, "021234567#77", "02-123-4567#77");
        ok("subaddress with prefix", "02-123-4567#77", "9", 4, "9021234567#77", "02-123-4567#77");
        ok("subaddress 20 digits", "031-123-4567#12345678901234567890", "", 4,
           "0311234567#12345678901234567890", "031-123-4567#12345678901234567890");
        ok("subaddress spaces", "02 123 4567 # 77", "", 4, "021234567#77", "02-123-4567#77");
        // Internal extensions dial as they are, never with the outside prefix.
        ok("extension", "3101", "9", 4, "3101", "3101");
        ok("extension dashed", "31-01", "9", 4, "3101", "3101");
        ok("extension subaddress", "3101#5", "9", 4, "3101#5", "3101#5");
        ok("extension 3 digits", "310", "9", 3, "310", "310");
        ok("extension 5 digits", "83101", "9", 5, "83101", "83101");
        ok("extension beginning 82", "8201", "9", 4, "8201", "8201");
        ok("8-digit extensions win", "1588-1234", "9", 8, "15881234", "15881234");

        // Every error code.
        bad("empty", "", 4, "empty");
        bad("blank", "   ", 4, "empty");
        bad("only dashes", "--", 4, "empty");
        bad("letters", "02-123-ABCD", 4, "invalid-characters");
        bad("star", "02*123*4567", 4, "invalid-characters");
        bad("plus in the middle", "02+123+4567", 4, "invalid-characters");
        bad("slash", "02/123/4567", 4, "invalid-characters");
        bad("seoul 8 digits", "02-123-456", 4, "too-short");
        bad("seoul 11 digits", "02-1234-56789", 4, "too-long");
        bad("area 9 digits", "031-123-456", 4, "too-short");
        bad("area 12 digits", "031-1234-56789", 4, "too-long");
        bad("010 10 digits", "010-123-4567", 4, "too-short");
        bad("010 12 digits", "010-1234-56789", 4, "too-long");
        bad("070 10 digits", "070-123-4567", 4, "too-short");
        bad("1588 7 digits", "1588-123", 4, "too-short");
        bad("1588 9 digits", "1588-12345", 4, "too-long");
        bad("two digits", "02", 4, "too-short");
        bad("one digit", "7", 4, "too-short");
        bad("plus only", "+", 4, "too-short");
        bad("no extension here", "3101", 0, "too-short");
        bad("area 099", "099-123-4567", 4, "bad-area-code");
        bad("area 035", "035-123-4567", 4, "bad-area-code");
        bad("area 060", "060-123-4567", 4, "bad-area-code");
        bad("local without area", "123-4567", 4, "bad-area-code");
        bad("emergency 119", "119", 2, "bad-area-code");
        bad("1400", "1400-1234", 4, "bad-area-code");
        bad("usa", "+1 212 555 0100", 4, "international-unsupported");
        bad("japan 00", "001-81-3-1234-5678", 4, "international-unsupported");
        bad("japan plus", "+81-3-1234-5678", 4, "international-unsupported");
        bad("subaddress letters", "02-123-4567#7A", 4, "bad-subaddress");
        bad("subaddress empty", "02-123-4567#", 4, "bad-subaddress");
        bad("subaddress 21 digits", "02-123-4567#123456789012345678901", 4, "bad-subaddress");
        bad("two hashes", "02-123-4567#7#7", 4, "bad-subaddress");
        bad("subaddress dashed", "02-123-4567#7-7", 4, "bad-subaddress");
        bad("bad number before subaddress", "02-12#77", 4, "too-short");
    }
    void normalize()
    {
        QFETCH(QString, typed);
        QFETCH(QString, prefix);
        QFETCH(int, extensionDigits);
        QFETCH(QString, dial);
        QFETCH(QString, display);
        QFETCH(QString, error);
        FaxDialPlan plan;
        plan.outsidePrefix = prefix;
        plan.extensionDigits = extensionDigits;
        const FaxNumberResult r = FaxNumber::normalize(typed, plan);
        QCOMPARE(r.errorCode, error);
        QCOMPARE(r.ok, error.isEmpty());
        QCOMPARE(r.dialString, dial);
        QCOMPARE(r.display, display);
    }

    // Normalising the display form again gives the same number (the apps store and show display).
    void displayRoundTrips()
    {
        const FaxDialPlan plan{QStringLiteral("9"), 4};
        for (const char* typed : {"02-123-4567", "+82 10 1234 5678", "(031) 1234-5678", "1588-1234",
                                  "070.1234.5678", "02-123-4567#77"}) {
            const FaxNumberResult first = FaxNumber::normalize(QString::fromLatin1(typed), plan);
            QVERIFY2(first.ok, typed);
            const FaxNumberResult again = FaxNumber::normalize(first.display, plan);
            QVERIFY2(again.ok, typed);
            QCOMPARE(again.display, first.display);
            QCOMPARE(again.dialString, first.dialString);
        }
    }
};

QTEST_GUILESS_MAIN(TestFaxNumber)
#include "TestFaxNumber.moc"
