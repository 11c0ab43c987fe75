#pragma once
#include "JobInfo.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

struct PrinterStatus;

/// Why a release was refused because the printer cannot do one of the job's options: the option
/// ("sides", "colorMode", "copies"), the asked value, the printer and what it supports.
struct OptionRefusal
{
    QString option;
    QJsonValue value;
    QString printer;
    QJsonValue supported; ///< the supported keywords (array), or copiesMax for copies
    QString message;      ///< English sentence

    /// The error object's fields besides "error" and "message" (docs/api.md, option-unsupported).
    QJsonObject fields() const;
    /// The job's stateReason for it (code option-unsupported with the same fields as arguments).
    StateReason reason() const;
};

/// Checks print options against what a printer says it can do (sides-supported,
/// print-color-mode-supported, copies-supported).
class OptionSupport
{
public:
    /// The first option `printer` cannot do, or nullopt when it can do them all or its capabilities are
    /// unknown (never reached): the check never refuses on what it does not know. Colour is checked
    /// only when `colourAsked` (the person chose it for this release): a job from a desktop queue says
    /// "color" by default, and a monochrome printer prints it in black and white.
    static std::optional<OptionRefusal> check(const PrintOptions& options, const PrinterStatus& status,
                                              const QString& printer, bool colourAsked = true);
    /// An OptionRefusal from a printer's refusal of a job (IPP client-error-attributes-or-values-not-
    /// supported): `unsupported` names the attributes of its unsupported-attributes group; nullopt when none
    /// of our options is named.
    static std::optional<OptionRefusal> fromUnsupported(const QStringList& unsupported,
                                                        const PrintOptions& options,
                                                        const PrinterStatus& status, const QString& printer);
};
