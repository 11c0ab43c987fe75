// Fuzzes common/fax/FaxNumber::normalize (numbers as people type them, shared by the tray app and the
// server). Input: an optional dial plan line "prefix,digits\n" then the typed number. Checks that
// every answer is either ok with a dial string and display form, or !ok with an error code, and that
// a normalised display form normalises to the same dial string.
#include "FaxNumber.h"
#include "FuzzSupport.h"

#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray in = FuzzSupport::bytes(data, size);
    QByteArray planLine, typed;
    FaxDialPlan plan;
    if (FuzzSupport::split(in, "\n", &planLine, &typed)) {
        const QList<QByteArray> parts = planLine.split(',');
        plan.outsidePrefix = QString::fromUtf8(parts.value(0)).left(8);
        plan.extensionDigits = parts.value(1).toInt() % 12;
    } else {
        typed = in;
    }
    const FaxNumberResult r = FaxNumber::normalize(QString::fromUtf8(typed), plan);
    if (r.ok) {
        if (r.dialString.isEmpty() || r.display.isEmpty() || !r.errorCode.isEmpty())
            abort();
        // The display form is something a person could type back in: it must mean the same number.
        const FaxNumberResult again = FaxNumber::normalize(r.display, plan);
        if (!again.ok || again.dialString != r.dialString)
            abort();
    } else if (r.errorCode.isEmpty()) {
        abort();
    }
    return 0;
}
