#pragma once
#include <QString>

/// Checks a fax number as a person types it, with the dial plan the server announces
/// (GET /api/v1/fax/settings), through the shared FaxNumber::normalize (common/fax), so that the tray
/// and the server agree on every number (docs/fax.md, "Numbers").
class FaxNumberCheck
{
public:
    /// The outcome for one typed number.
    struct Result
    {
        bool ok = false;
        QString dialString; ///< what the gateway dials (outside prefix included)
        QString display;    ///< the grouped Korean form, e.g. 02-123-4567
        QString errorCode;  ///< a FaxNumber error code (docs/fax.md) when !ok
    };

    /// Returns the check of `typed` under the outside-line prefix `outsidePrefix` (may be empty)
    /// and internal extensions of `extensionDigits` digits.
    static Result check(const QString& typed, const QString& outsidePrefix = {}, int extensionDigits = 4);
};
