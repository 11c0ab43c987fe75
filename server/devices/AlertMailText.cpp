#include "AlertMailText.h"

#include <QDateTime>

namespace {

QString localTime(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

/// `"3F-East" (3층 동쪽)` or `"3F-East"`.
QString printerLabel(const AlertMailText::Item& item)
{
    QString label = QStringLiteral("\"%1\"").arg(item.printer);
    if (!item.location.isEmpty())
        label += QStringLiteral(" (%1)").arg(item.location);
    return label;
}

QString noticeKorean(AlertMailText::Notice notice)
{
    switch (notice) {
    case AlertMailText::Notice::Opened:
        return QStringLiteral("발생");
    case AlertMailText::Notice::Reminder:
        return QStringLiteral("다시 알림");
    case AlertMailText::Notice::Cleared:
        return QStringLiteral("해결");
    }
    return {};
}

QString noticeEnglish(AlertMailText::Notice notice)
{
    switch (notice) {
    case AlertMailText::Notice::Opened:
        return QStringLiteral("new");
    case AlertMailText::Notice::Reminder:
        return QStringLiteral("reminder");
    case AlertMailText::Notice::Cleared:
        return QStringLiteral("all clear");
    }
    return {};
}

const QString Signature = QStringLiteral("\n-- \nMPS 프린터 관리 / MPS print management\n");

} // namespace

QString AlertMailText::faultKorean(const QString& keyword)
{
    if (keyword == QLatin1String("media-jam"))
        return QStringLiteral("용지 걸림");
    if (keyword == QLatin1String("media-empty"))
        return QStringLiteral("용지 없음");
    if (keyword == QLatin1String("toner-empty"))
        return QStringLiteral("토너 없음");
    if (keyword == QLatin1String("marker-supply-empty"))
        return QStringLiteral("소모품 없음");
    if (keyword == QLatin1String("door-open") || keyword == QLatin1String("cover-open"))
        return QStringLiteral("덮개 열림");
    if (keyword == QLatin1String("offline"))
        return QStringLiteral("오프라인");
    if (keyword == QLatin1String("input-tray-missing"))
        return QStringLiteral("용지함 빠짐");
    if (keyword == QLatin1String("output-area-full"))
        return QStringLiteral("출력함 가득 참");
    if (keyword == QLatin1String("stopped"))
        return QStringLiteral("인쇄 중지됨");
    return keyword;
}

QString AlertMailText::faultEnglish(const QString& keyword)
{
    if (keyword == QLatin1String("media-jam"))
        return QStringLiteral("paper jam");
    if (keyword == QLatin1String("media-empty"))
        return QStringLiteral("out of paper");
    if (keyword == QLatin1String("toner-empty"))
        return QStringLiteral("out of toner");
    if (keyword == QLatin1String("marker-supply-empty"))
        return QStringLiteral("supply empty");
    if (keyword == QLatin1String("door-open") || keyword == QLatin1String("cover-open"))
        return QStringLiteral("door or cover open");
    if (keyword == QLatin1String("offline"))
        return QStringLiteral("offline");
    if (keyword == QLatin1String("input-tray-missing"))
        return QStringLiteral("paper tray missing");
    if (keyword == QLatin1String("output-area-full"))
        return QStringLiteral("output tray full");
    if (keyword == QLatin1String("stopped"))
        return QStringLiteral("stopped");
    return keyword;
}

QString AlertMailText::conditionKorean(const AlertRecord& a)
{
    if (a.kind == QLatin1String("fault"))
        return QStringLiteral("장애: %1").arg(faultKorean(a.subject));
    if (a.kind == QLatin1String("supply-low"))
        return a.level >= 0 ? QStringLiteral("소모품 부족: %1 (남은 양 %2%)").arg(a.subject).arg(a.level)
                            : QStringLiteral("소모품 부족: %1").arg(a.subject);
    if (a.kind == QLatin1String("supply-forecast"))
        return a.daysLeft >= 0
                   ? QStringLiteral("소모품 곧 소진: %1 (약 %2일 남음)").arg(a.subject).arg(a.daysLeft)
                   : QStringLiteral("소모품 곧 소진: %1").arg(a.subject);
    if (a.kind == QLatin1String("unreachable"))
        return QStringLiteral("응답 없음 (네트워크 연결이나 전원을 확인하세요)");
    return a.condition;
}

QString AlertMailText::conditionEnglish(const AlertRecord& a)
{
    if (a.kind == QLatin1String("fault"))
        return QStringLiteral("Fault: %1").arg(faultEnglish(a.subject));
    if (a.kind == QLatin1String("supply-low"))
        return a.level >= 0 ? QStringLiteral("Supply low: %1 (%2% left)").arg(a.subject).arg(a.level)
                            : QStringLiteral("Supply low: %1").arg(a.subject);
    if (a.kind == QLatin1String("supply-forecast"))
        return a.daysLeft >= 0 ? QStringLiteral("Supply running out: %1 (about %2 days left)")
                                     .arg(a.subject)
                                     .arg(a.daysLeft)
                               : QStringLiteral("Supply running out: %1").arg(a.subject);
    if (a.kind == QLatin1String("unreachable"))
        return QStringLiteral("Not responding (check its network connection and power)");
    return a.condition;
}

MailMessage AlertMailText::single(const Item& item)
{
    const AlertRecord& a = item.alert;
    const QString ko = conditionKorean(a);
    const QString en = conditionEnglish(a);
    MailMessage m;
    QString koIntro, enIntro, koPrefix, enPrefix;
    switch (item.notice) {
    case Notice::Opened:
        koIntro = QStringLiteral("프린터 %1에 조치가 필요합니다.").arg(printerLabel(item));
        enIntro = QStringLiteral("Printer %1 needs attention.").arg(printerLabel(item));
        break;
    case Notice::Reminder:
        koPrefix = QStringLiteral("다시 알림 - ");
        enPrefix = QStringLiteral("Reminder - ");
        koIntro = QStringLiteral("프린터 %1의 문제가 아직 해결되지 않았습니다 (%2번째 다시 알림).")
                      .arg(printerLabel(item))
                      .arg(a.reminders);
        enIntro = QStringLiteral("Printer %1 still needs attention (reminder %2).")
                      .arg(printerLabel(item))
                      .arg(a.reminders);
        break;
    case Notice::Cleared:
        koPrefix = QStringLiteral("해결됨 - ");
        enPrefix = QStringLiteral("All clear - ");
        koIntro = QStringLiteral("프린터 %1의 문제가 해결되었습니다.").arg(printerLabel(item));
        enIntro = QStringLiteral("All clear on printer %1.").arg(printerLabel(item));
        break;
    }
    m.subject = QStringLiteral("[MPS] %1%2: %3 / %4%2: %5").arg(koPrefix, item.printer, ko, enPrefix, en);
    QString koTimes = QStringLiteral("발생: %1").arg(localTime(a.opened));
    QString enTimes = QStringLiteral("Since: %1").arg(localTime(a.opened));
    if (item.notice == Notice::Cleared && a.cleared > 0) {
        koTimes += QStringLiteral(", 해결: %1").arg(localTime(a.cleared));
        enTimes = QStringLiteral("From %1 to %2").arg(localTime(a.opened), localTime(a.cleared));
    }
    m.text = koIntro + QStringLiteral("\n  ") + ko + QStringLiteral("\n  ") + koTimes +
             QStringLiteral("\n\n") + enIntro + QStringLiteral("\n  ") + en + QStringLiteral("\n  ") +
             enTimes + QStringLiteral("\n") + Signature;
    return m;
}

MailMessage AlertMailText::digest(const QList<Item>& items)
{
    MailMessage m;
    m.subject = QStringLiteral("[MPS] 야간 프린터 알림 %1건 / %1 printer alert(s) during quiet hours")
                    .arg(items.size());
    QString ko = QStringLiteral("알림을 보내지 않는 시간 동안 있었던 프린터 알림입니다.\n");
    QString en = QStringLiteral("Printer alerts from the quiet hours:\n");
    for (const Item& item : items) {
        ko += QStringLiteral("- [%1] %2 %3: %4\n")
                  .arg(noticeKorean(item.notice), localTime(item.at), printerLabel(item),
                       conditionKorean(item.alert));
        en += QStringLiteral("- [%1] %2 %3: %4\n")
                  .arg(noticeEnglish(item.notice), localTime(item.at), printerLabel(item),
                       conditionEnglish(item.alert));
    }
    m.text = ko + QStringLiteral("\n") + en + Signature;
    return m;
}

MailMessage AlertMailText::test()
{
    MailMessage m;
    m.subject = QStringLiteral("[MPS] 메일 설정 확인 / Mail settings test");
    m.text = QStringLiteral(
                 "MPS 서버의 메일 설정이 올바릅니다. 이 메일은 mps-admin mail test로 보냈습니다.\n\n"
                 "The MPS server's mail settings work. This message was sent by mps-admin mail test.\n") +
             Signature;
    return m;
}
