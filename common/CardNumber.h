#pragma once
#include <QString>

/// Normalises staff card numbers so one card gives one ID whatever the reader reports.
/// Card IDs are stored as uppercase hex of the UID bytes in the reader's (PC/SC) byte order.
namespace CardNumber {
enum class Input { Auto, Hex, Decimal };
enum class ByteOrder { AsRead, Reversed };

/// Returns the canonical form of `raw` (hex like "04A1B2C3" or a decimal wedge number like "3283370500"),
/// or an empty string when it is not a card number. Decimal input is converted to the hex of its
/// big-endian bytes; `order` reverses the bytes for readers that report the UID backwards.
QString normalize(const QString& raw, Input input = Input::Auto, ByteOrder order = ByteOrder::AsRead);
} // namespace CardNumber
