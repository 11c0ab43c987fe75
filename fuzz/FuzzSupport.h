#pragma once
#include <QByteArray>
#include <QLoggingCategory>
#include <QString>
#include <cstddef>
#include <cstdint>

/// Shared helpers for the harnesses (header-only so that each harness stays one file of its own).
namespace FuzzSupport {

/// Silences Qt logging: the code under test logs every refusal, which would drown the fuzzer's output
/// and slow it down. Fatal messages still abort.
inline void quietQt()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& msg) {
        if (type == QtFatalMsg) {
            fprintf(stderr, "Qt fatal: %s\n", qPrintable(msg));
            abort();
        }
    });
}

/// The fuzz input as a QByteArray (a deep copy: the input buffer is not ours to keep).
inline QByteArray bytes(const std::uint8_t* data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

/// Splits `input` at the first occurrence of `sep`: the part before goes to *head, the rest to *tail.
/// Returns false (head = input, tail empty) when there is no separator.
inline bool split(const QByteArray& input, const QByteArray& sep, QByteArray* head, QByteArray* tail)
{
    const qsizetype at = input.indexOf(sep);
    if (at < 0) {
        *head = input;
        tail->clear();
        return false;
    }
    *head = input.left(at);
    *tail = input.mid(at + sep.size());
    return true;
}

} // namespace FuzzSupport
