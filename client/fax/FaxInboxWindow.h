#pragma once
#include <QJsonObject>
#include <QMainWindow>

class ApiClient;
class FaxInboxModel;
class FaxPagePreview;
class QAction;
class QLabel;
class QStackedWidget;
class QToolBar;
class QTreeView;

/// "Fax inbox": faxes received for me and for my departments, newest first, unread in bold, partial
/// receptions marked; the selected fax's pages (thumbnails and a zoomable page) and what can be done
/// with it: save as PDF, print (a held job released at any MFP), forward, add the sender to the phone
/// book, block the sender, delete.
/// Opening a fax marks it read. Closing the window only hides it.
class FaxInboxWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Creates the window over `model`, acting through `api`; neither is owned, both must outlive it.
    FaxInboxWindow(FaxInboxModel* model, ApiClient* api, QWidget* parent = nullptr);

    /// Returns the list.
    QTreeView* view() const { return m_view; }
    /// Returns the preview of the selected fax.
    FaxPagePreview* preview() const { return m_preview; }
    /// Returns the action named "savePdf", "print", "forward", "addContact", "block", "delete" or "refresh".
    QAction* action(const QString& name) const;
    /// Returns the status bar's message.
    QString statusText() const;
    /// Returns the fax selected (empty when none).
    QJsonObject selectedFax() const;
    /// Selects the fax `id` (shows it and marks it read).
    void selectFax(qint64 id);

public Q_SLOTS:
    /// Fetches the inbox and brings the window to the front.
    void showAndRaise();
    /// Asks where, then saves the selected fax as PDF.
    void saveSelected();
    /// Saves the selected fax as PDF at `path` without asking.
    void saveSelectedTo(const QString& path);
    /// Makes the selected fax a held print job.
    void printSelected();
    /// Opens the forward dialog for the selected fax.
    void forwardSelected();
    /// Opens a new phone book entry with the selected fax's sender (name and number).
    void addSenderToPhoneBook();
    /// Asks, then blocks the selected fax's sender.
    void blockSelected();
    /// Asks, then deletes the selected fax.
    void deleteSelected();

Q_SIGNALS:
    /// A fax was forwarded (the Sent faxes list follows through the push channel).
    void forwarded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onCurrentChanged();
    void updateActions();
    void updateEmptyState();
    void showStatus(const QString& text);
    QString senderOf(const QJsonObject& fax) const;

    FaxInboxModel* m_model;
    ApiClient* m_api;
    QTreeView* m_view;
    FaxPagePreview* m_preview;
    QLabel* m_header;
    QLabel* m_empty;
    QStackedWidget* m_stack;
    QLabel* m_message;
    QToolBar* m_toolBar;
    QAction* m_save;
    QAction* m_print;
    QAction* m_forward;
    QAction* m_addContact;
    QAction* m_block;
    QAction* m_delete;
    QAction* m_refresh;
    qint64 m_shownId = 0;
};
