#include "SnmpDevicePoller.h"

#include <QDateTime>
#include <QMap>
#include <QUrl>
#include <mutex>

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>

namespace {

struct Oid
{
    oid parts[MAX_OID_LEN];
    size_t len = 0;
};

Oid makeOid(std::initializer_list<oid> parts)
{
    Oid o;
    for (oid p : parts)
        o.parts[o.len++] = p;
    return o;
}

// hrPrinterStatus, hrPrinterDetectedErrorState, prtMarkerLifeCount (first marker)
const Oid HrPrinterStatus = makeOid({1, 3, 6, 1, 2, 1, 25, 3, 5, 1, 1, 1});
const Oid HrPrinterErrorState = makeOid({1, 3, 6, 1, 2, 1, 25, 3, 5, 1, 2, 1});
const Oid PrtMarkerLifeCount = makeOid({1, 3, 6, 1, 2, 1, 43, 10, 2, 1, 4, 1, 1});
// prtMarkerSuppliesEntry and prtMarkerColorantValue
const Oid SuppliesEntry = makeOid({1, 3, 6, 1, 2, 1, 43, 11, 1, 1});
const Oid ColorantValue = makeOid({1, 3, 6, 1, 2, 1, 43, 12, 1, 1, 4});

bool under(const oid* name, size_t len, const Oid& root)
{
    return len > root.len && snmp_oidtree_compare(root.parts, root.len, name, len) == 0;
}

QString varText(const netsnmp_variable_list* v)
{
    if (v->type == ASN_OCTET_STR && v->val.string)
        return QString::fromUtf8(reinterpret_cast<const char*>(v->val.string), static_cast<int>(v->val_len))
            .trimmed();
    return QString();
}

bool varInt(const netsnmp_variable_list* v, qint64* out)
{
    switch (v->type) {
    case ASN_INTEGER:
        *out = *v->val.integer;
        return true;
    case ASN_COUNTER:
    case ASN_GAUGE:
    case ASN_TIMETICKS:
        *out = static_cast<quint32>(*v->val.integer);
        return true;
    case ASN_COUNTER64:
        *out = (static_cast<qint64>(v->val.counter64->high) << 32) | v->val.counter64->low;
        return true;
    default:
        return false;
    }
}

/// One open single-session handle, closed on scope exit.
class Session
{
public:
    Session(const SnmpDevicePoller::Target& t, QString* error)
    {
        netsnmp_session s;
        snmp_sess_init(&s);
        s.version = SNMP_VERSION_2c;
        m_peer = QStringLiteral("udp:%1:%2").arg(t.host).arg(t.port).toUtf8();
        s.peername = m_peer.data();
        m_community = t.community.toUtf8();
        s.community = reinterpret_cast<u_char*>(m_community.data());
        s.community_len = static_cast<size_t>(m_community.size());
        s.timeout = static_cast<long>(t.timeoutMs) * 1000;
        s.retries = t.retries;
        m_handle = snmp_sess_open(&s);
        if (!m_handle)
            *error = QStringLiteral("cannot open an SNMP session to %1:%2").arg(t.host).arg(t.port);
    }
    ~Session()
    {
        if (m_handle)
            snmp_sess_close(m_handle);
    }
    bool ok() const { return m_handle != nullptr; }

    /// Sends `pdu` and waits for the answer; null with `error` on timeout or an error status.
    netsnmp_pdu* request(netsnmp_pdu* pdu, QString* error)
    {
        netsnmp_pdu* response = nullptr;
        const int status = snmp_sess_synch_response(m_handle, pdu, &response);
        if (status == STAT_SUCCESS && response && response->errstat == SNMP_ERR_NOERROR)
            return response;
        if (status == STAT_TIMEOUT)
            *error = QStringLiteral("no answer from the SNMP agent");
        else if (status == STAT_SUCCESS && response)
            *error =
                QStringLiteral("SNMP error: %1").arg(QString::fromLatin1(snmp_errstring(response->errstat)));
        else
            *error = QStringLiteral("SNMP request failed");
        if (response)
            snmp_free_pdu(response);
        return nullptr;
    }

private:
    void* m_handle = nullptr;
    QByteArray m_peer;
    QByteArray m_community;
};

} // namespace

void SnmpDevicePoller::initLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Numeric OIDs only: no MIB files to load, no user or system snmp.conf, nothing persisted.
        if (!qEnvironmentVariableIsSet("MIBS"))
            qputenv("MIBS", "");
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_QUICK_PRINT, 1);
        init_snmp("mps-server");
    });
}

bool SnmpDevicePoller::parseAddress(const QString& address, QString* host, quint16* port)
{
    const QString a = address.trimmed();
    if (a.isEmpty())
        return false;
    // "[v6]:port", "host:port", "host"
    const QUrl u(QStringLiteral("snmp://") + a);
    if (!u.isValid() || u.host().isEmpty())
        return false;
    *host = u.host();
    const int p = u.port(161);
    if (p <= 0 || p > 65535)
        return false;
    *port = static_cast<quint16>(p);
    return true;
}

QStringList SnmpDevicePoller::reasonsFromErrorState(const QByteArray& bits)
{
    QStringList out;
    const auto byte = [&](int i) { return i < bits.size() ? static_cast<quint8>(bits[i]) : quint8(0); };
    const quint8 b0 = byte(0), b1 = byte(1);
    // RFC 3805 hrPrinterDetectedErrorState, first octet from the most significant bit
    if (b0 & 0x80)
        out << QStringLiteral("media-low");
    if (b0 & 0x40)
        out << QStringLiteral("media-empty");
    if (b0 & 0x20)
        out << QStringLiteral("toner-low");
    if (b0 & 0x10)
        out << QStringLiteral("toner-empty");
    if (b0 & 0x08)
        out << QStringLiteral("door-open");
    if (b0 & 0x04)
        out << QStringLiteral("media-jam");
    if (b0 & 0x02)
        out << QStringLiteral("offline");
    if (b0 & 0x01)
        out << QStringLiteral("other");
    // Second octet: inputTrayMissing, outputTrayMissing, markerSupplyMissing, outputNearFull, outputFull,
    // inputTrayEmpty
    if (b1 & 0x40)
        out << QStringLiteral("input-tray-missing");
    if (b1 & 0x20)
        out << QStringLiteral("output-tray-missing");
    if (b1 & 0x10)
        out << QStringLiteral("marker-supply-missing");
    if (b1 & 0x08)
        out << QStringLiteral("output-area-almost-full");
    if (b1 & 0x04)
        out << QStringLiteral("output-area-full");
    if ((b1 & 0x02) && !out.contains(QStringLiteral("media-empty")))
        out << QStringLiteral("media-empty");
    return out;
}

QString SnmpDevicePoller::supplyType(int type)
{
    static const char* const names[] = {nullptr,
                                        nullptr,
                                        "other",
                                        "unknown",
                                        "toner",
                                        "waste-toner",
                                        "ink",
                                        "ink-cartridge",
                                        "ink-ribbon",
                                        "waste-ink",
                                        "opc",
                                        "developer",
                                        "fuser-oil",
                                        "solid-wax",
                                        "ribbon-wax",
                                        "waste-wax",
                                        "fuser",
                                        "corona-wire",
                                        "fuser-oil-wick",
                                        "cleaner-unit",
                                        "fuser-cleaning-pad",
                                        "transfer-unit",
                                        "toner-cartridge",
                                        "fuser-oiler",
                                        "water",
                                        "waste-water",
                                        "glue-water-additive",
                                        "waste-paper",
                                        "binding-supply",
                                        "banding-supply",
                                        "stitching-wire",
                                        "shrink-wrap",
                                        "paper-wrap",
                                        "staples",
                                        "inserts",
                                        "covers"};
    // The table is indexed by type + 1 (RFC 3805 PrtMarkerSuppliesTypeTC: other(1), unknown(2), toner(3)...)
    const int i = type + 1;
    if (i >= 2 && i < static_cast<int>(sizeof names / sizeof *names))
        return QString::fromLatin1(names[i]);
    return QStringLiteral("other");
}

int SnmpDevicePoller::percent(int level, int unit, int maxCapacity)
{
    if (level == -3)
        return -3;
    if (level < 0)
        return -1;
    if (unit == 19) // percent
        return std::min(level, 100);
    if (maxCapacity > 0)
        return std::min(100, static_cast<int>(static_cast<qint64>(level) * 100 / maxCapacity));
    return -1;
}

DeviceSnapshot SnmpDevicePoller::poll(qint64 printerId, const Target& target)
{
    DeviceSnapshot d;
    d.printerId = printerId;
    d.source = QStringLiteral("snmp");
    d.checkedAt = QDateTime::currentSecsSinceEpoch();
    QString error;
    Session session(target, &error);
    if (!session.ok()) {
        d.error = error;
        return d;
    }
    // The scalars in one GET.
    {
        netsnmp_pdu* pdu = snmp_pdu_create(SNMP_MSG_GET);
        for (const Oid* o : {&HrPrinterStatus, &HrPrinterErrorState, &PrtMarkerLifeCount})
            snmp_add_null_var(pdu, o->parts, o->len);
        netsnmp_pdu* resp = session.request(pdu, &error);
        if (!resp) {
            d.error = QStringLiteral("%1 at %2:%3").arg(error, target.host).arg(target.port);
            return d;
        }
        d.reachable = true;
        int status = 3;
        for (netsnmp_variable_list* v = resp->variables; v; v = v->next_variable) {
            qint64 n = 0;
            if (snmp_oid_compare(v->name, v->name_length, HrPrinterStatus.parts, HrPrinterStatus.len) == 0 &&
                varInt(v, &n))
                status = static_cast<int>(n);
            else if (snmp_oid_compare(v->name, v->name_length, HrPrinterErrorState.parts,
                                      HrPrinterErrorState.len) == 0 &&
                     v->type == ASN_OCTET_STR)
                d.reasons = reasonsFromErrorState(
                    QByteArray(reinterpret_cast<const char*>(v->val.string), static_cast<int>(v->val_len)));
            else if (snmp_oid_compare(v->name, v->name_length, PrtMarkerLifeCount.parts,
                                      PrtMarkerLifeCount.len) == 0 &&
                     varInt(v, &n))
                d.pageCount = n;
        }
        snmp_free_pdu(resp);
        // hrPrinterStatus: other(1) unknown(2) idle(3) printing(4) warmup(5); an offline printer is stopped.
        d.state = (status == 4 || status == 5) ? QStringLiteral("processing") : QStringLiteral("idle");
        if (d.reasons.contains(QStringLiteral("offline")))
            d.state = QStringLiteral("stopped");
    }
    // The supplies table and the colorant names, walked with GETBULK.
    struct Row
    {
        int colorant = 0, type = 0, unit = 0, max = 0, level = -2;
        QString description;
    };
    QMap<int, Row> rows;
    QMap<int, QString> colorants;
    for (const Oid* root : {&SuppliesEntry, &ColorantValue}) {
        Oid cursor = *root;
        for (int round = 0; round < 50; ++round) {
            netsnmp_pdu* pdu = snmp_pdu_create(SNMP_MSG_GETBULK);
            pdu->non_repeaters = 0;
            pdu->max_repetitions = 40;
            snmp_add_null_var(pdu, cursor.parts, cursor.len);
            netsnmp_pdu* resp = session.request(pdu, &error);
            if (!resp)
                break; // what was read so far stands; the scalars said the agent answers
            bool more = false;
            for (netsnmp_variable_list* v = resp->variables; v; v = v->next_variable) {
                if (v->type == SNMP_ENDOFMIBVIEW || v->type == SNMP_NOSUCHOBJECT ||
                    v->type == SNMP_NOSUCHINSTANCE || !under(v->name, v->name_length, *root)) {
                    more = false;
                    break;
                }
                more = true;
                cursor.len = v->name_length;
                std::copy(v->name, v->name + v->name_length, cursor.parts);
                qint64 n = 0;
                if (root == &ColorantValue) {
                    // ...43.12.1.1.4.<device>.<colorant index>
                    colorants.insert(static_cast<int>(v->name[v->name_length - 1]), varText(v));
                    continue;
                }
                // ...43.11.1.1.<column>.<device>.<supply index>
                if (v->name_length != root->len + 3)
                    continue;
                const int column = static_cast<int>(v->name[root->len]);
                const int index = static_cast<int>(v->name[root->len + 2]);
                Row& r = rows[index];
                switch (column) {
                case 3:
                    if (varInt(v, &n))
                        r.colorant = static_cast<int>(n);
                    break;
                case 5:
                    if (varInt(v, &n))
                        r.type = static_cast<int>(n);
                    break;
                case 6:
                    r.description = varText(v);
                    break;
                case 7:
                    if (varInt(v, &n))
                        r.unit = static_cast<int>(n);
                    break;
                case 8:
                    if (varInt(v, &n))
                        r.max = static_cast<int>(n);
                    break;
                case 9:
                    if (varInt(v, &n))
                        r.level = static_cast<int>(n);
                    break;
                default:
                    break;
                }
            }
            snmp_free_pdu(resp);
            if (!more)
                break;
        }
    }
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        SupplySnapshot s;
        s.key = QStringLiteral("snmp:%1").arg(it.key());
        s.description = it->description;
        s.type = supplyType(it->type);
        s.color = colorants.value(it->colorant);
        s.level = percent(it->level, it->unit, it->max);
        if (s.description.isEmpty())
            s.description = s.type;
        d.supplies.append(s);
    }
    return d;
}
