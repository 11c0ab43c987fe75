#include "DepartmentStore.h"

namespace {
constexpr const char* Columns = "SELECT d.id, d.code, d.name, COALESCE(d.parent_id, 0), p.code, "
                                "(SELECT group_concat(name, char(10)) FROM (SELECT u.name FROM "
                                "department_heads h JOIN users u ON u.id = h.user_id "
                                "WHERE h.department_id = d.id ORDER BY u.name)) "
                                "FROM departments d LEFT JOIN departments p ON p.id = d.parent_id ";
} // namespace

QList<DepartmentRecord> DepartmentStore::query(const char* where, const QString& arg, qint64 id)
{
    QList<DepartmentRecord> out;
    Statement s(m_db.handle(), (QByteArray(Columns) + where).constData());
    if (!arg.isNull())
        s.bind(1, arg);
    else if (id)
        s.bind(1, id);
    while (s.next()) {
        DepartmentRecord d;
        d.id = s.integer(0);
        d.code = s.text(1);
        d.name = s.text(2);
        d.parentId = s.integer(3);
        d.parentCode = s.text(4);
        const QString heads = s.text(5);
        if (!heads.isEmpty())
            d.heads = heads.split(QLatin1Char('\n'));
        out.append(d);
    }
    return out;
}

bool DepartmentStore::add(DepartmentRecord* department, const QString& parentCode, QString* error)
{
    std::lock_guard lock(m_mutex);
    if (department->code.trimmed().isEmpty() || department->name.trimmed().isEmpty()) {
        *error = QStringLiteral("a department needs a code and a name");
        return false;
    }
    qint64 parentId = 0;
    if (!parentCode.isEmpty()) {
        Statement p(m_db.handle(), "SELECT id FROM departments WHERE code = ?");
        p.bind(1, parentCode);
        if (!p.next()) {
            *error = QStringLiteral("there is no department with the code %1").arg(parentCode);
            return false;
        }
        parentId = p.integer(0);
    }
    Statement s(m_db.handle(), "INSERT INTO departments(code, name, parent_id) VALUES(?,?,?)");
    s.bind(1, department->code.trimmed()).bind(2, department->name.trimmed());
    if (parentId)
        s.bind(3, parentId);
    else
        s.bindNull(3);
    if (!s.exec()) {
        *error = QStringLiteral("a department with the code %1 already exists").arg(department->code);
        return false;
    }
    department->id = m_db.lastInsertId();
    department->parentId = parentId;
    department->parentCode = parentCode;
    return true;
}

QList<DepartmentRecord> DepartmentStore::all()
{
    std::lock_guard lock(m_mutex);
    return query("ORDER BY d.code", QString(), 0);
}

std::optional<DepartmentRecord> DepartmentStore::byCode(const QString& code)
{
    std::lock_guard lock(m_mutex);
    const auto r = query("WHERE d.code = ?", code.isNull() ? QStringLiteral("") : code, 0);
    return r.isEmpty() ? std::nullopt : std::optional(r.first());
}

std::optional<DepartmentRecord> DepartmentStore::byId(qint64 id)
{
    std::lock_guard lock(m_mutex);
    const auto r = query("WHERE d.id = ?", QString(), id);
    return r.isEmpty() || !id ? std::nullopt : std::optional(r.first());
}

bool DepartmentStore::setHead(qint64 departmentId, qint64 userId, bool remove, QString* error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                remove ? "DELETE FROM department_heads WHERE department_id = ? AND user_id = ?"
                       : "INSERT OR IGNORE INTO department_heads(department_id, user_id) VALUES(?,?)");
    s.bind(1, departmentId).bind(2, userId);
    if (!s.exec()) {
        *error = s.errorString();
        return false;
    }
    return true;
}

QList<qint64> DepartmentStore::headedBy(qint64 userId)
{
    std::lock_guard lock(m_mutex);
    QList<qint64> out;
    Statement s(m_db.handle(),
                "SELECT department_id FROM department_heads WHERE user_id = ? ORDER BY department_id");
    s.bind(1, userId);
    while (s.next())
        out.append(s.integer(0));
    return out;
}

QList<qint64> DepartmentStore::subtreeLocked(Database& db, qint64 departmentId)
{
    QList<qint64> out;
    // UNION (not UNION ALL) stops at a cycle a careless edit could make.
    Statement s(db.handle(), "WITH RECURSIVE t(id) AS (SELECT ? UNION SELECT d.id FROM departments d JOIN t "
                             "ON d.parent_id = t.id) SELECT id FROM t");
    s.bind(1, departmentId);
    while (s.next())
        out.append(s.integer(0));
    return out;
}

QList<qint64> DepartmentStore::subtree(qint64 departmentId)
{
    std::lock_guard lock(m_mutex);
    return subtreeLocked(m_db, departmentId);
}

QList<qint64> DepartmentStore::chainLocked(Database& db, qint64 departmentId)
{
    QList<qint64> out;
    qint64 id = departmentId;
    while (id && !out.contains(id)) {
        out.append(id);
        Statement s(db.handle(), "SELECT COALESCE(parent_id, 0) FROM departments WHERE id = ?");
        s.bind(1, id);
        id = s.next() ? s.integer(0) : 0;
    }
    return out;
}

QList<qint64> DepartmentStore::chain(qint64 departmentId)
{
    std::lock_guard lock(m_mutex);
    return chainLocked(m_db, departmentId);
}

bool DepartmentStore::setUserDepartment(qint64 userId, qint64 departmentId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "UPDATE users SET department_id = ?1, department = (SELECT code FROM departments "
                "WHERE id = ?1) WHERE id = ?2");
    s.bind(1, departmentId).bind(2, userId);
    return s.exec() && m_db.changes() == 1;
}

bool DepartmentStore::setPrinterDepartment(qint64 printerId, qint64 departmentId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE printers SET department_id = ? WHERE id = ?");
    if (departmentId)
        s.bind(1, departmentId);
    else
        s.bindNull(1);
    s.bind(2, printerId);
    return s.exec() && m_db.changes() == 1;
}

qint64 DepartmentStore::printerDepartment(qint64 printerId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT COALESCE(department_id, 0) FROM printers WHERE id = ?");
    s.bind(1, printerId);
    return s.next() ? s.integer(0) : 0;
}

DepartmentMatch DepartmentStore::matchOrCreateLocked(Database& db, const QString& text)
{
    DepartmentMatch m;
    const QString t = text.trimmed();
    for (const char* sql : {"SELECT id, code FROM departments WHERE code = ?",
                            "SELECT id, code FROM departments WHERE name = ? ORDER BY id LIMIT 1"}) {
        Statement s(db.handle(), sql);
        s.bind(1, t);
        if (s.next()) {
            m.id = s.integer(0);
            m.code = s.text(1);
            return m;
        }
    }
    Statement ins(db.handle(), "INSERT INTO departments(code, name) VALUES(?, ?)");
    ins.bind(1, t).bind(2, t);
    if (!ins.exec())
        return m;
    m.id = db.lastInsertId();
    m.code = t;
    m.created = true;
    return m;
}

QList<std::tuple<qint64, QString, QString>> DepartmentStore::members(const QList<qint64>& departmentIds)
{
    std::lock_guard lock(m_mutex);
    QList<std::tuple<qint64, QString, QString>> out;
    if (departmentIds.isEmpty())
        return out;
    QByteArray ids;
    for (qint64 id : departmentIds)
        ids += (ids.isEmpty() ? "" : ",") + QByteArray::number(id);
    Statement s(m_db.handle(),
                ("SELECT u.id, u.name, d.code FROM users u JOIN departments d ON d.id = u.department_id "
                 "WHERE u.department_id IN (" +
                 ids + ") ORDER BY u.name")
                    .constData());
    while (s.next())
        out.append({s.integer(0), s.text(1), s.text(2)});
    return out;
}
