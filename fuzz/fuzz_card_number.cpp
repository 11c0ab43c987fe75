// Fuzzes common/CardNumber::normalize, which turns what a card reader (or a person) typed into the
// stored card ID, with every input mode and byte order. Checks what must hold for any input: the
// result is empty or uppercase hex, and normalising a result again as hex gives the same result.
#include "CardNumber.h"
#include "FuzzSupport.h"

#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::quietQt();
    return 0;
}

namespace {
bool isUpperHex(const QString& s)
{
    for (const QChar c : s)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('A') && c <= QLatin1Char('F'))))
            return false;
    return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString raw = QString::fromUtf8(FuzzSupport::bytes(data, size));
    for (const auto input : {CardNumber::Input::Auto, CardNumber::Input::Hex, CardNumber::Input::Decimal}) {
        for (const auto order : {CardNumber::ByteOrder::AsRead, CardNumber::ByteOrder::Reversed}) {
            const QString id = CardNumber::normalize(raw, input, order);
            if (id.isEmpty())
                continue;
            if (!isUpperHex(id))
                abort();
            if (CardNumber::normalize(id, CardNumber::Input::Hex) != id)
                abort();
        }
    }
    return 0;
}
