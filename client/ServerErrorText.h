#pragma once
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

/// The sentence a person reads for an error code the server answers with (the "error" of an error
/// answer, docs/api.md) or a job's stateReasonCode that the shared StateReasonText does not cover:
/// option refusals ("option-unsupported"), upload refusals ("unsupported-format", "hwp-unsupported",
/// ...), quota and sign-in codes. Pure text in the app's language: what happened and what to do.
class ServerErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ServerErrorText)
public:
    /// Returns the sentence for `code` with the error answer's fields `answer` (extra fields such as
    /// "option", "value", "printer", "supported", "format", "version"), or empty for a code this build
    /// does not know (the caller then shows the server's English message).
    static QString sentence(const QString& code, const QJsonObject& answer = {});

    /// Returns the codes sentence() knows, for tests.
    static QStringList knownCodes();

    /// Returns a "sides" keyword, a "colorMode" keyword or a copies count the way people say it
    /// ("two-sided", "colour").
    static QString optionValue(const QString& option, const QJsonValue& value);
};
