#include "UsageController.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "ClientLog.h"
#include "MemberUsageModel.h"
#include "PrinterUsageModel.h"
#include "QuotaText.h"
#include "TrendModel.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

namespace {

QList<UsageRow> rowsOf(const QJsonObject& answer, const char* key)
{
    QList<UsageRow> rows;
    for (const QJsonValue& v : answer.value(QLatin1String(key)).toArray())
        rows << UsageRow::fromJson(v.toObject());
    return rows;
}

} // namespace

UsageController::UsageController(ApiClient* api, QObject* parent)
    : QObject(parent), m_api(api), m_myTrend(new TrendModel(this)), m_departmentTrend(new TrendModel(this)),
      m_members(new MemberUsageModel(this)), m_printers(new PrinterUsageModel(this))
{
}

UsageController::~UsageController()
{
    // Deleting a pending reply cancels its call; its answer must not reach a dead controller.
    for (const QPointer<ApiReply>& r : std::as_const(m_pending))
        delete r.data();
    delete m_export.data();
}

void UsageController::setUser(const QJsonObject& user)
{
    m_username = user.value(QLatin1String("name")).toString();
    if (m_username.isEmpty())
        m_username = user.value(QLatin1String("username")).toString();
    m_role = user.value(QLatin1String("role")).toString();
    m_ownDepartment = user.value(QLatin1String("department")).toString();
}

bool UsageController::canReportOnDepartments() const
{
    return m_role == QLatin1String("dept-head") || isAdmin();
}

bool UsageController::isAdmin() const
{
    return m_role == QLatin1String("admin");
}

QString UsageController::departmentName(const QString& code) const
{
    for (const Department& d : m_departments) {
        if (d.code == code)
            return d.name.isEmpty() ? d.code : d.name;
    }
    return code;
}

QString UsageController::shiftLabel(const QString& label, int months)
{
    const QDate d = QDate::fromString(label + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    return d.isValid() ? d.addMonths(months).toString(QStringLiteral("yyyy-MM")) : QString();
}

QStringList UsageController::periods() const
{
    QStringList labels;
    if (m_currentPeriod.isEmpty())
        return labels;
    for (int i = 0; i < TrendMonths; ++i)
        labels << shiftLabel(m_currentPeriod, -i);
    return labels;
}

QString UsageController::savingsBaseline() const
{
    return shiftLabel(m_period.isEmpty() ? m_currentPeriod : m_period, -(TrendMonths - 1));
}

void UsageController::fetch(Part part, ApiReply* reply, const std::function<void(const QJsonObject&)>& onOk)
{
    // A newer question replaces an older one still on its way (another department or period).
    delete m_pending.value(part).data();
    m_pending.insert(part, reply);
    Q_EMIT stateChanged();
    connect(reply, &ApiReply::finished, this, [this, part, reply, onOk] {
        reply->deleteLater();
        if (m_pending.value(part) == reply)
            m_pending.remove(part);
        if (reply->ok()) {
            m_errors.remove(part);
            onOk(reply->json());
        } else {
            qCInfo(lcClientUsage) << "usage" << part << "not fetched:" << reply->errorCode();
            QString why = reply->errorMessage();
            if (reply->errorCode() == QLatin1String("forbidden"))
                why = tr("You may not see this report. Department heads see their own departments; ask the "
                         "print admin if you need more.");
            else if (reply->errorCode() == QLatin1String("not-found") && reply->httpStatus() == 404)
                why = tr("This print server does not report usage yet. Ask the print admin to update it.");
            m_errors.insert(part, why);
        }
        Q_EMIT stateChanged();
    });
}

void UsageController::refresh()
{
    if (!m_api)
        return;
    refreshQuota();
    fetch(Part::MyTrend, m_api->usageTrend(TrendMonths), [this](const QJsonObject& answer) {
        const QString currency = answer.value(QLatin1String("currency")).toString();
        if (!currency.isEmpty())
            m_currency = currency;
        m_myTrend->setRows(rowsOf(answer, "periods"), m_currency);
        Q_EMIT mineChanged();
    });
    if (!canReportOnDepartments())
        return;
    fetch(Part::Departments, m_api->departments(), [this](const QJsonObject& answer) {
        m_departments.clear();
        for (const QJsonValue& v : answer.value(QLatin1String("departments")).toArray()) {
            const QJsonObject o = v.toObject();
            m_departments.append({o.value(QLatin1String("code")).toString(),
                                  o.value(QLatin1String("name")).toString(),
                                  o.value(QLatin1String("parent")).toString()});
        }
        std::sort(m_departments.begin(), m_departments.end(), [](const Department& a, const Department& b) {
            return a.name.localeAwareCompare(b.name) < 0;
        });
        m_departmentsKnown = true;
        bool known = false;
        for (const Department& d : std::as_const(m_departments))
            known = known || d.code == m_department;
        // My own department first, else the first I may see.
        if (!known) {
            m_department.clear();
            for (const Department& d : std::as_const(m_departments)) {
                if (d.code == m_ownDepartment || d.name == m_ownDepartment)
                    m_department = d.code;
            }
            if (m_department.isEmpty() && !m_departments.isEmpty())
                m_department = m_departments.first().code;
        }
        Q_EMIT departmentsChanged();
        onMyFirstAnswers();
    });
}

void UsageController::refreshQuota()
{
    if (!m_api)
        return;
    fetch(Part::Quota, m_api->usageQuota(), [this](const QJsonObject& answer) {
        const QString currency = answer.value(QLatin1String("currency")).toString();
        if (!currency.isEmpty())
            m_currency = currency;
        m_currentPeriod =
            answer.value(QLatin1String("period")).toObject().value(QLatin1String("label")).toString();
        m_quotas.clear();
        for (const QJsonValue& v : answer.value(QLatin1String("quotas")).toArray())
            m_quotas << QuotaState::fromJson(v.toObject());
        Q_EMIT mineChanged();
        onMyFirstAnswers();
    });
}

void UsageController::onMyFirstAnswers()
{
    // The department part needs both the department to show and the current period's label.
    if (!canReportOnDepartments() || !m_departmentsKnown || m_currentPeriod.isEmpty())
        return;
    if (m_period.isEmpty())
        m_period = m_currentPeriod;
    if (!m_department.isEmpty())
        refreshDepartment();
    else
        Q_EMIT departmentDataChanged();
}

void UsageController::setDepartment(const QString& code)
{
    if (code == m_department)
        return;
    m_department = code;
    refreshDepartment();
}

void UsageController::setPeriod(const QString& label)
{
    if (label == m_period)
        return;
    m_period = label;
    refreshDepartment();
}

void UsageController::refreshDepartment()
{
    if (!m_api || !canReportOnDepartments() || m_department.isEmpty())
        return;
    const QString dept = m_department;
    const QString period = m_period;
    fetch(Part::Members, m_api->usageReport(QStringLiteral("user"), period, dept),
          [this](const QJsonObject& answer) {
              const QString currency = answer.value(QLatin1String("currency")).toString();
              if (!currency.isEmpty())
                  m_currency = currency;
              m_members->setRows(rowsOf(answer, "rows"), m_currency);
              m_departmentTotals = UsageRow::fromJson(answer.value(QLatin1String("totals")).toObject());
              Q_EMIT departmentDataChanged();
          });
    fetch(Part::DepartmentQuota, m_api->usageReport(QStringLiteral("department"), period, dept),
          [this, dept](const QJsonObject& answer) {
              m_departmentQuota.reset();
              for (const UsageRow& r : rowsOf(answer, "rows")) {
                  if (r.key == dept && r.quota && r.quota->limit)
                      m_departmentQuota = r.quota;
              }
              Q_EMIT departmentDataChanged();
          });
    fetch(Part::Printers, m_api->usageReport(QStringLiteral("printer"), period, dept),
          [this, dept](const QJsonObject& answer) {
              QHash<QString, QString> names;
              for (const Department& d : std::as_const(m_departments))
                  names.insert(d.code, d.name);
              m_printers->setRows(rowsOf(answer, "rows"), m_currency, dept, names);
              Q_EMIT departmentDataChanged();
          });
    fetch(Part::DepartmentTrend, m_api->usageTrend(TrendMonths, dept), [this](const QJsonObject& answer) {
        m_departmentTrend->setRows(rowsOf(answer, "periods"), m_currency);
        Q_EMIT departmentDataChanged();
    });
    const QString baseline = savingsBaseline();
    if (!baseline.isEmpty() && !period.isEmpty()) {
        fetch(Part::Savings, m_api->usageSavings(baseline, period, dept), [this](const QJsonObject& answer) {
            m_savings = answer;
            Q_EMIT departmentDataChanged();
        });
    }
    Q_EMIT departmentDataChanged();
}

void UsageController::exportCsv(const QString& path)
{
    if (!m_api || m_department.isEmpty()) {
        Q_EMIT exportFinished(false, tr("Choose a department first."));
        return;
    }
    delete m_export.data();
    ApiReply* reply = m_api->usageReportCsv(QStringLiteral("user"), m_period, m_department);
    m_export = reply;
    Q_EMIT stateChanged();
    connect(reply, &ApiReply::finished, this, [this, reply, path] {
        reply->deleteLater();
        if (!reply->ok()) {
            qCInfo(lcClientUsage) << "CSV export failed:" << reply->errorCode();
            Q_EMIT exportFinished(false, tr("The report was not exported: %1").arg(reply->errorMessage()));
            return;
        }
        // The server's bytes as they are (UTF-8 with a BOM, so that spreadsheets read Hangul).
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(reply->data()) != reply->data().size() ||
            !file.commit()) {
            qCWarning(lcClientUsage) << "CSV export not written:" << file.errorString();
            Q_EMIT exportFinished(false,
                                  tr("The report could not be saved as %1 (%2). Choose another folder.")
                                      .arg(QDir::toNativeSeparators(path), file.errorString()));
            return;
        }
        qCInfo(lcClientUsage) << "CSV export saved," << reply->data().size() << "bytes";
        Q_EMIT exportFinished(true, tr("Saved %1.").arg(QFileInfo(path).fileName()));
    });
}

void UsageController::clear()
{
    for (const QPointer<ApiReply>& r : std::as_const(m_pending))
        delete r.data();
    m_pending.clear();
    m_errors.clear();
    m_quotas.clear();
    m_departments.clear();
    m_departmentsKnown = false;
    m_department.clear();
    m_period.clear();
    m_currentPeriod.clear();
    m_departmentQuota.reset();
    m_departmentTotals = {};
    m_savings = {};
    m_myTrend->setRows({}, m_currency);
    m_departmentTrend->setRows({}, m_currency);
    m_members->setRows({}, m_currency);
    m_printers->setRows({}, m_currency, {}, {});
    Q_EMIT mineChanged();
    Q_EMIT departmentsChanged();
    Q_EMIT departmentDataChanged();
    Q_EMIT stateChanged();
}
