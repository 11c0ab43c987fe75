#include "FaxNumberCheck.h"

#include "fax/FaxNumber.h"

FaxNumberCheck::Result FaxNumberCheck::check(const QString& typed, const QString& outsidePrefix,
                                             int extensionDigits)
{
    FaxDialPlan plan;
    plan.outsidePrefix = outsidePrefix;
    plan.extensionDigits = extensionDigits;
    const FaxNumberResult shared = FaxNumber::normalize(typed, plan);
    Result r;
    r.ok = shared.ok;
    r.dialString = shared.dialString;
    r.display = shared.display;
    r.errorCode = shared.errorCode;
    return r;
}
