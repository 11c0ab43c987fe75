#pragma once
#include <QString>

#include <functional>

class QMessageBox;
class QWidget;

/// Asking before something that cannot be undone, the way My jobs asks before deleting: a window-modal
/// question with the action named on its button ("confirm") and Cancel as the default.
namespace FaxConfirm {

/// Opens the question `text` titled `title` over `parent` (object name `objectName`); `onConfirm` runs
/// when the person presses the `action` button. Returns the open box.
QMessageBox* ask(QWidget* parent, const QString& objectName, const QString& title, const QString& text,
                 const QString& action, const std::function<void()>& onConfirm);

} // namespace FaxConfirm
