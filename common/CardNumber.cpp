#include "CardNumber.h"

#include <QByteArray>
#include <QRegularExpression>

namespace CardNumber {

QString normalize(const QString& raw, Input input, ByteOrder order)
{
    // Compiled once, not per call: compiling the pattern dominated the cost of a call.
    static const QRegularExpression separators(QStringLiteral("[\\s:\\-]"));
    QString s = raw.trimmed();
    s.remove(separators);
    if (s.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        s = s.mid(2), input = Input::Hex;
    if (s.isEmpty() || s.size() > 40)
        return {};
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    static const QRegularExpression hexDigits(QStringLiteral("^[0-9A-Fa-f]+$"));
    // Keyboard-wedge readers type decimal numbers; PC/SC gives hex bytes. Auto treats all-digit
    // input of 10 or more characters as decimal (the usual wedge format), anything else as hex.
    if (input == Input::Auto)
        input = (digits.match(s).hasMatch() && s.size() >= 10) ? Input::Decimal : Input::Hex;
    QByteArray bytes;
    if (input == Input::Decimal) {
        if (!digits.match(s).hasMatch() || s.size() > 20)
            return {};
        bool ok = false;
        quint64 v = s.toULongLong(&ok);
        if (!ok)
            return {};
        while (v > 0) {
            bytes.prepend(static_cast<char>(v & 0xff));
            v >>= 8;
        }
        if (bytes.isEmpty())
            bytes.append('\0');
    } else {
        if (!hexDigits.match(s).hasMatch())
            return {};
        if (s.size() % 2)
            s.prepend(QLatin1Char('0'));
        bytes = QByteArray::fromHex(s.toLatin1());
    }
    if (order == ByteOrder::Reversed)
        std::reverse(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toHex().toUpper());
}

} // namespace CardNumber
