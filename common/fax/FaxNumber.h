#pragma once
#include <QString>

/// How this office dials out: the outside-line prefix and the length of internal extensions
/// (fax_settings 'outside-prefix' and 'extension-digits', set with `mps-admin fax settings`).
struct FaxDialPlan
{
    QString
        outsidePrefix; ///< digits added before every number that is not an extension (e.g. "9"); may be empty
    int extensionDigits = 4; ///< an internal extension has exactly this many digits (0: no extensions)
};

/// The outcome of FaxNumber::normalize.
struct FaxNumberResult
{
    bool ok = false;
    QString dialString; ///< what the gateway dials: outside prefix + national number (+ "#subaddress")
    QString display;    ///< the grouped Korean form people read: "02-123-4567", "010-1234-5678" (+ "#77")
    QString errorCode;  ///< !ok: empty, invalid-characters, too-short, too-long, bad-area-code,
                        ///< international-unsupported, bad-subaddress (docs/fax.md "Numbers")
};

/// Korean fax number normalisation and validation, shared by the tray app and the server (docs/fax.md).
/// Pure: no I/O, no translation (the apps turn each error code into their own sentence).
class FaxNumber
{
public:
    /// Normalises a number as a person typed it (spaces, dashes, dots and parentheses allowed; "+82" or
    /// "82" for Korea; "#" then a T.30 sub-address of up to 20 digits). Returns ok with the dial string
    /// and display form, or !ok with one error code.
    static FaxNumberResult normalize(const QString& typed, const FaxDialPlan& plan);

private:
    /// Checks a national number (leading 0, or a 15xx/16xx/18xx number) and groups it for display;
    /// returns an empty string with `errorCode` set when it is not a Korean fax number.
    static QString groupNational(const QString& digits, QString* errorCode);
};
