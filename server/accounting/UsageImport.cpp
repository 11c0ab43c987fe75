#include "UsageImport.h"

#include "RateTable.h"
#include "UsageCounts.h"

#include <QDate>
#include <QFile>
#include <QHash>
#include <map>

namespace {

bool digits(const char* p, int n, int* out)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return true;
}

// Splits one CSV line; fields may be quoted ("a, b" and "" for a quote).
bool splitCsv(const QByteArray& line, QList<QByteArray>* fields)
{
    fields->clear();
    QByteArray cur;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line.at(i + 1) == '"') {
                cur += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == '"' && cur.isEmpty()) {
            quoted = true;
        } else if (c == ',') {
            fields->append(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    fields->append(cur);
    return !quoted;
}

// Rate tables by printer (0: default), oldest first, as LedgerStore::ratesAt chooses them.
class RateCache
{
public:
    explicit RateCache(const QList<RateTableRecord>& records)
    {
        for (const RateTableRecord& r : records)
            if (auto t = RateTable::fromJson(r.rates))
                m_tables[r.printerId].emplace(r.effectiveFrom, *t);
    }
    RateTable at(qint64 printerId, qint64 secs) const
    {
        // In force: the printer's, then the default; before every table: the earliest one.
        for (qint64 id : {printerId, qint64(0)}) {
            auto it = m_tables.find(id);
            if (it == m_tables.end())
                continue;
            auto t = it->second.upper_bound(secs);
            if (t != it->second.begin())
                return std::prev(t)->second;
        }
        const RateTable* earliest = nullptr;
        qint64 from = 0;
        for (qint64 id : {printerId, qint64(0)}) {
            auto it = m_tables.find(id);
            if (it != m_tables.end() && !it->second.empty() &&
                (!earliest || it->second.begin()->first < from)) {
                earliest = &it->second.begin()->second;
                from = it->second.begin()->first;
            }
        }
        return earliest ? *earliest : RateTable::defaults();
    }

private:
    std::map<qint64, std::multimap<qint64, RateTable>> m_tables;
};

} // namespace

bool UsageImport::parseTime(const QByteArray& t, qint64* utcSecs)
{
    // YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)
    int y, mo, d, h, mi, s;
    if (t.size() < 20 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ') || t[13] != ':' ||
        t[16] != ':' || !digits(t.constData(), 4, &y) || !digits(t.constData() + 5, 2, &mo) ||
        !digits(t.constData() + 8, 2, &d) || !digits(t.constData() + 11, 2, &h) ||
        !digits(t.constData() + 14, 2, &mi) || !digits(t.constData() + 17, 2, &s))
        return false;
    qsizetype i = 19;
    if (i < t.size() && t[i] == '.') {
        ++i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9')
            ++i;
    }
    int offset = 0;
    if (i < t.size() && t[i] == 'Z' && i + 1 == t.size()) {
        offset = 0;
    } else if (i + 6 == t.size() && (t[i] == '+' || t[i] == '-') && t[i + 3] == ':') {
        int oh, om;
        if (!digits(t.constData() + i + 1, 2, &oh) || !digits(t.constData() + i + 4, 2, &om) || oh > 23 ||
            om > 59)
            return false;
        offset = (oh * 3600 + om * 60) * (t[i] == '-' ? -1 : 1);
    } else {
        return false;
    }
    const QDate date(y, mo, d);
    if (!date.isValid() || h > 23 || mi > 59 || s > 60)
        return false;
    *utcSecs = (date.toJulianDay() - 2440588) * 86400 + h * 3600 + mi * 60 + s - offset;
    return true;
}

qint64 UsageImport::run(Store& store, const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return -1;
    }
    QHash<QByteArray, std::pair<qint64, QString>> users; // name -> id, department code
    for (const UserRecord& u : store.users())
        users.insert(u.name.toUtf8(), {u.id, u.department});
    QHash<QByteArray, qint64> printers;
    for (const PrinterRecord& p : store.printers())
        printers.insert(p.name.toUtf8(), p.id);
    const RateCache rates(store.ledger().rateTables());

    static const QList<QByteArray> Header = {"at",     "user",   "printer", "kind", "pages",
                                             "copies", "duplex", "color",   "size"};
    qint64 lineNo = 0;
    QList<QByteArray> fields;
    QString why;
    auto fail = [&](const QString& text) {
        why = QStringLiteral("%1 line %2: %3").arg(path).arg(lineNo).arg(text);
        return -1;
    };
    auto readLine = [&](QByteArray* line) {
        if (f.atEnd())
            return false;
        *line = f.readLine();
        ++lineNo;
        while (line->endsWith('\n') || line->endsWith('\r'))
            line->chop(1);
        return true;
    };
    QByteArray line;
    if (!readLine(&line)) {
        *error = QStringLiteral("%1 is empty: it needs the header line %2")
                     .arg(path, QString::fromLatin1(Header.join(',')));
        return -1;
    }
    if (line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    splitCsv(line.trimmed(), &fields);
    for (QByteArray& h : fields)
        h = h.trimmed();
    if (fields != Header) {
        *error = QStringLiteral("%1 line 1: the header must be %2")
                     .arg(path, QString::fromLatin1(Header.join(',')));
        return -1;
    }
    // Large files (about 50,000 rows and more) go in with the indexes built once at the end.
    const bool bulk = f.size() > 4 * 1024 * 1024;
    const qint64 n = store.ledger().importRows(
        [&](UsageRecord* r) {
            do {
                if (!readLine(&line))
                    return 0;
            } while (line.trimmed().isEmpty());
            if (!splitCsv(line, &fields))
                return fail(QStringLiteral("a quoted field is not closed"));
            if (fields.size() != Header.size())
                return fail(QStringLiteral("%1 fields instead of %2").arg(fields.size()).arg(Header.size()));
            if (!parseTime(fields[0].trimmed(), &r->at))
                return fail(
                    QStringLiteral("'%1' is not an ISO 8601 time with a zone (2026-09-14T10:32:00+09:00)")
                        .arg(QString::fromUtf8(fields[0])));
            const auto user = users.constFind(fields[1]);
            if (user == users.constEnd())
                return fail(QStringLiteral("there is no user named '%1'").arg(QString::fromUtf8(fields[1])));
            r->userId = user->first;
            r->department = user->second;
            const QByteArray& kind = fields[3];
            if (kind != "printed" && kind != "deleted" && kind != "expired")
                return fail(QStringLiteral("kind must be printed, deleted or expired, not '%1'")
                                .arg(QString::fromUtf8(kind)));
            r->kind = QString::fromLatin1(kind);
            if (!fields[2].isEmpty()) {
                const auto printer = printers.constFind(fields[2]);
                if (printer == printers.constEnd())
                    return fail(
                        QStringLiteral("there is no printer named '%1'").arg(QString::fromUtf8(fields[2])));
                r->printerId = *printer;
                r->printer = QString::fromUtf8(fields[2]);
            } else if (kind == "printed") {
                return fail(QStringLiteral("a printed row needs its printer"));
            }
            bool ok1 = false, ok2 = false;
            const int pages = fields[4].toInt(&ok1);
            const int copies = fields[5].toInt(&ok2);
            if (!ok1 || !ok2 || pages <= 0 || copies <= 0)
                return fail(QStringLiteral("pages and copies must be positive whole numbers"));
            if ((fields[6] != "0" && fields[6] != "1") || (fields[7] != "0" && fields[7] != "1"))
                return fail(QStringLiteral("duplex and color must be 0 or 1"));
            const auto size = sizeClassFromName(QString::fromLatin1(fields[8]));
            if (!size || fields[8] != fields[8].toLower())
                return fail(QStringLiteral("size must be a4, a3 or other, not '%1'")
                                .arg(QString::fromUtf8(fields[8])));
            const bool duplex = fields[6] == "1", color = fields[7] == "1";
            const UsageCounts c = UsageCounts::forJob(pages, copies, duplex, color, *size);
            const RateTable table = rates.at(r->printerId, r->at);
            r->pages = c.pages * c.copies;
            r->copies = copies;
            r->sheets = c.sheets;
            r->color = color;
            r->duplex = duplex;
            r->sizeClass = sizeClassName(*size);
            r->source = QStringLiteral("import");
            if (kind == "printed") {
                r->impressions = c.impressions;
                r->colorImpressions = c.colorImpressions;
                r->cost = costOf(c, table);
                const Savings saved = savingsOf(c, color, table);
                r->savedSheets = saved.sheets;
                r->savedCost = saved.cost;
            } else {
                r->savedSheets = c.sheets;
                r->savedCost = costOf(c, table);
            }
            return 1;
        },
        bulk, error);
    if (n < 0 && !why.isEmpty())
        *error = why;
    return n;
}
