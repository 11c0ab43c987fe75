#include "Database.h"

#include "Log.h"

#include <QFile>
#include <cstring>
#include <mutex>
#include <string>
#include <unordered_map>
#include <sodium.h>
#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>

/// Prepared statements of one connection that no Statement uses at the moment, by their SQL text (a
/// query built at run time is found again as well as a string literal).
struct StatementCache
{
    static constexpr std::size_t MaxStatements = 256;
    std::mutex mutex;
    std::unordered_map<std::string, sqlite3_stmt*> idle;
    bool closed = false; // the connection is gone: statements ending now are finalized

    void finalizeAll()
    {
        std::lock_guard lock(mutex);
        for (auto& [sql, stmt] : idle)
            sqlite3_finalize(stmt);
        idle.clear();
        closed = true;
    }
};

namespace {
std::mutex g_cachesMutex;
std::unordered_map<sqlite3*, std::shared_ptr<StatementCache>> g_caches;

std::shared_ptr<StatementCache> cacheOf(sqlite3* db)
{
    std::lock_guard lock(g_cachesMutex);
    const auto it = g_caches.find(db);
    return it == g_caches.end() ? nullptr : it->second;
}
} // namespace

Statement::Statement(sqlite3* db, const char* sql) : m_db(db), m_cache(cacheOf(db))
{
    if (m_cache) {
        // Its own copy of the text: `sql` may be a temporary that is gone before this Statement ends.
        m_sql = sql;
        std::lock_guard lock(m_cache->mutex);
        const auto it = m_cache->idle.find(m_sql);
        if (it != m_cache->idle.end()) {
            m_stmt = it->second;
            m_cache->idle.erase(it);
            return;
        }
    }
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        qCWarning(lcStore) << "prepare failed:" << sqlite3_errmsg(db) << "in" << sql;
        m_stmt = nullptr;
    }
}

Statement::~Statement()
{
    if (!m_stmt)
        return;
    if (m_cache) {
        // Reset: no read transaction stays open, and no bound value (a wrapped key, a hash) stays behind.
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        std::lock_guard lock(m_cache->mutex);
        // One idle statement per text: when another with the same SQL is already back, this one goes.
        if (!m_cache->closed && m_cache->idle.size() < StatementCache::MaxStatements &&
            m_cache->idle.try_emplace(std::move(m_sql), m_stmt).second)
            return;
    }
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int i, qint64 v)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, i, v);
    return *this;
}

Statement& Statement::bind(int i, const QString& v)
{
    if (m_stmt) {
        const QByteArray u = v.toUtf8();
        sqlite3_bind_text(m_stmt, i, u.constData(), static_cast<int>(u.size()), SQLITE_TRANSIENT);
    }
    return *this;
}

Statement& Statement::bind(int i, const QByteArray& blob)
{
    if (m_stmt) {
        if (blob.isNull())
            sqlite3_bind_null(m_stmt, i);
        else
            sqlite3_bind_blob(m_stmt, i, blob.constData(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    }
    return *this;
}

Statement& Statement::bindNull(int i)
{
    if (m_stmt)
        sqlite3_bind_null(m_stmt, i);
    return *this;
}

bool Statement::next()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_error = true;
        qCWarning(lcStore) << "step failed:" << sqlite3_errmsg(m_db);
    }
    return false;
}

bool Statement::exec()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        m_error = true;
        qCWarning(lcStore) << "exec failed:" << sqlite3_errmsg(m_db);
        return false;
    }
    return true;
}

void Statement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_error = false;
}

qint64 Statement::integer(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}

QString Statement::text(int col) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col)) : QString();
}

QByteArray Statement::blob(int col) const
{
    const void* p = sqlite3_column_blob(m_stmt, col);
    return p ? QByteArray(static_cast<const char*>(p), sqlite3_column_bytes(m_stmt, col)) : QByteArray();
}

bool Statement::isNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

QString Statement::errorString() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

Database::Database() = default;

Database::~Database()
{
    if (m_cache) {
        {
            std::lock_guard lock(g_cachesMutex);
            g_caches.erase(m_db);
        }
        m_cache->finalizeAll();
    }
    sqlite3_close_v2(m_db);
}

bool Database::open(const QString& path, const SecretKey& key)
{
    const QByteArray p = QFile::encodeName(path);
    if (sqlite3_open_v2(p.constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        m_error =
            QStringLiteral("cannot open database %1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(m_db)));
        return false;
    }
    // The raw key goes straight to SQLCipher (no passphrase KDF needed: it is already 256 random bits).
    QByteArray pragma = "PRAGMA key = \"x'" + key.toHex() + "'\";";
    const int rc = sqlite3_exec(m_db, pragma.constData(), nullptr, nullptr, nullptr);
    sodium_memzero(pragma.data(), static_cast<size_t>(pragma.size()));
    if (rc != SQLITE_OK) {
        m_error = QStringLiteral("cannot key database %1").arg(path);
        return false;
    }
    // Another process (mps-admin beside the server) may hold a write lock: wait for it, also here.
    sqlite3_busy_timeout(m_db, 5000);
    if (sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_master;", nullptr, nullptr, nullptr) != SQLITE_OK) {
        m_error = QStringLiteral(
                      "database %1 cannot be read with this master key (wrong key or not an MPS database)")
                      .arg(path);
        return false;
    }
    if (!exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
              "PRAGMA secure_delete=ON;"))
        return false;
    m_cache = std::make_shared<StatementCache>();
    std::lock_guard lock(g_cachesMutex);
    g_caches[m_db] = m_cache;
    return true;
}

bool Database::exec(const char* sql)
{
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        m_error = QString::fromUtf8(err ? err : "unknown error");
        qCWarning(lcStore) << "sql failed:" << m_error;
        sqlite3_free(err);
        return false;
    }
    return true;
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

QString Database::errorString() const
{
    return m_error.isEmpty() ? QString::fromUtf8(sqlite3_errmsg(m_db)) : m_error;
}

Transaction::Transaction(Database& db) : m_db(db)
{
    if (!m_db.exec("BEGIN IMMEDIATE;"))
        m_done = true;
}

Transaction::~Transaction()
{
    if (!m_done)
        (void)m_db.exec("ROLLBACK;");
}

bool Transaction::commit()
{
    if (m_done)
        return false;
    m_done = true;
    return m_db.exec("COMMIT;");
}
