#pragma once
#include "SecretKey.h"

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

struct StatementCache;

/// A prepared SQLCipher statement. Bind with 1-based indices, step, read columns. Statements of a
/// Database's connection are prepared once and reused (a cache per connection, keyed by the SQL text): when
/// one ends it is reset and its bindings cleared, and the next Statement with the same SQL takes it.
class Statement
{
public:
    Statement(sqlite3* db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    Statement& bind(int i, qint64 v);
    Statement& bind(int i, int v) { return bind(i, static_cast<qint64>(v)); }
    Statement& bind(int i, const QString& v);
    Statement& bind(int i, const QByteArray& blob);
    Statement& bindNull(int i);
    /// Advances; returns true while a row is available.
    bool next();
    /// Runs a statement that returns no rows; returns false on error.
    [[nodiscard]] bool exec();
    /// Makes the statement ready to run again with new bindings (bulk inserts reuse one statement).
    void reset();
    qint64 integer(int col) const;
    QString text(int col) const;
    QByteArray blob(int col) const;
    bool isNull(int col) const;
    QString errorString() const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_error = false;
    std::string m_sql; // the text it is cached under (empty when the connection has no cache)
    std::shared_ptr<StatementCache> m_cache;
};

/// An SQLCipher database connection, keyed with a raw 256-bit key.
class Database
{
public:
    Database();
    ~Database();

    /// Opens (creating) the encrypted database at `path`. Fails with a clear error when the key is wrong.
    [[nodiscard]] bool open(const QString& path, const SecretKey& key);
    /// Runs one or more statements that return no rows.
    [[nodiscard]] bool exec(const char* sql);
    sqlite3* handle() const { return m_db; }
    qint64 lastInsertId() const;
    int changes() const;
    QString errorString() const;

private:
    sqlite3* m_db = nullptr;
    QString m_error;
    std::shared_ptr<StatementCache> m_cache;
};

/// Runs BEGIN IMMEDIATE on construction and ROLLBACK unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    [[nodiscard]] bool commit();

private:
    Database& m_db;
    bool m_done = false;
};
