#pragma once
#include <QIcon>

/// Draws the tray icon: a printer with the number of held jobs on a badge.
class TrayIconPainter
{
public:
    /// What the icon should say besides the count.
    enum class Status {
        SignedIn, ///< connected and live
        Offline,  ///< signed in, but the server cannot be reached right now
        SignedOut ///< nobody is signed in
    };

    /// Returns the icon for `heldJobs` held jobs (no badge at 0, "99+" above 99) in `status`.
    static QIcon icon(int heldJobs, Status status);
    /// Returns one rendering of the icon, `size` pixels square.
    static QPixmap pixmap(int heldJobs, Status status, int size);
};
