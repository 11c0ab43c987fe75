#pragma once
#include "Database.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <mutex>
#include <optional>
#include <tuple>

/// A department: users belong to one, printers may belong to one (for charge-back).
struct DepartmentRecord
{
    qint64 id = 0;
    QString code; ///< unique, e.g. FIN
    QString name; ///< e.g. 재무과
    qint64 parentId = 0;
    QString parentCode;
    QStringList heads; ///< user names, sorted
};

/// What matchOrCreateLocked() found or made.
struct DepartmentMatch
{
    qint64 id = 0; ///< 0 on a database error
    QString code;
    bool created = false;
};

/// The departments tables (departments, department_heads) and the department columns of users and
/// printers, over the Store's connection and lock.
class DepartmentStore
{
public:
    DepartmentStore(Database& db, std::mutex& mutex) : m_db(db), m_mutex(mutex) {}

    /// Adds a department; `parentCode` may be empty. Returns false with a sentence in `error`.
    [[nodiscard]] bool add(DepartmentRecord* department, const QString& parentCode, QString* error);
    /// All departments with their heads, by code.
    QList<DepartmentRecord> all();
    std::optional<DepartmentRecord> byCode(const QString& code);
    std::optional<DepartmentRecord> byId(qint64 id);
    /// Makes `userId` a head of the department (or no longer one with `remove`). False on error.
    [[nodiscard]] bool setHead(qint64 departmentId, qint64 userId, bool remove, QString* error);
    /// The ids of the departments `userId` heads.
    QList<qint64> headedBy(qint64 userId);
    /// The department and all its sub-departments (any depth), the department first.
    QList<qint64> subtree(qint64 departmentId);
    /// The department and its parents up to the top, the department first (cycles are cut).
    QList<qint64> chain(qint64 departmentId);
    /// Users whose department is one of `departmentIds`: (id, name, department code), by name.
    QList<std::tuple<qint64, QString, QString>> members(const QList<qint64>& departmentIds);
    /// Moves a user to another department. False when no such user.
    [[nodiscard]] bool setUserDepartment(qint64 userId, qint64 departmentId);
    /// Sets (or with 0 clears) the department that owns a printer. False when no such printer.
    [[nodiscard]] bool setPrinterDepartment(qint64 printerId, qint64 departmentId);
    /// The department that owns a printer; 0 when none.
    qint64 printerDepartment(qint64 printerId);

    /// Finds a department by code, then by name, or creates one with code = name = `text`. Caller holds
    /// the store lock (used inside Store::addUser's transaction).
    static DepartmentMatch matchOrCreateLocked(Database& db, const QString& text);
    /// subtree() for a caller that holds the lock.
    static QList<qint64> subtreeLocked(Database& db, qint64 departmentId);
    /// chain() for a caller that holds the lock.
    static QList<qint64> chainLocked(Database& db, qint64 departmentId);

private:
    QList<DepartmentRecord> query(const char* where, const QString& arg, qint64 id);

    Database& m_db;
    std::mutex& m_mutex;
};
