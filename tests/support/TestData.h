#pragma once
#include <QByteArray>
#include <QString>

/// Test data locations and helpers.
namespace TestData {
/// A real multi-page PDF shipped by CUPS (/usr/share/cups/data).
QString cupsPdf(const char* name = "default-testpage.pdf");
QByteArray readFile(const QString& path);
} // namespace TestData
