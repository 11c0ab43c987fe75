#pragma once
#include <QString>

/// The job name a captured document gets on the server. Until the server stores capture ids itself
/// (docs/capture.md, "Server support"), the id travels at the end of the job name,
/// "report.pdf [mps-capture:<32 hex>]", so that after a crash the tray app can tell from the job list
/// whether an upload reached the server. Apps showing job names strip it with displayName().
namespace CaptureJobName {
/// The longest title kept, in characters, so that title and marker fit the server's 255.
constexpr int MaxTitleLength = 200;

/// Returns the server job name for `title` (cleaned of control characters, shortened, "Untitled"
/// when empty) carrying capture id `captureId`.
QString forUpload(const QString& title, const QString& captureId);
/// Returns the capture id carried by a server job name, or an empty string.
QString captureIdIn(const QString& jobName);
/// Returns the job name without a capture marker, for display.
QString displayName(const QString& jobName);
} // namespace CaptureJobName
