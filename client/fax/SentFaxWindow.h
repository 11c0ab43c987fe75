#pragma once
#include <QJsonObject>
#include <QMainWindow>

class ClientSettings;
class QAction;
class QLabel;
class QStackedWidget;
class QToolBar;
class QTreeView;
class SentFaxModel;

/// "Sent faxes": my faxes of the last 90 days with recipient, number, pages and their state as it
/// changes (waiting, dialling, sending page n of m, sent with pages, time and the receiver's ID, or not
/// sent with the reason in words). Resend a failed or cancelled fax, cancel one still under way.
/// Closing it only hides it.
class SentFaxWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Creates the window over `model` (not owned; must outlive it).
    explicit SentFaxWindow(SentFaxModel* model, QWidget* parent = nullptr);

    /// Returns the list.
    QTreeView* view() const { return m_view; }
    /// Returns the action named "resend", "cancel", "refresh" or "sendFax".
    QAction* action(const QString& name) const;
    /// Returns the text under the list (the selected fax's state in full) .
    QString detailText() const;
    /// Returns the status bar's message.
    QString statusText() const;

public Q_SLOTS:
    /// Fetches the list and brings the window to the front.
    void showAndRaise();
    /// Sends the selected fax again.
    void resendSelected();
    /// Cancels the selected fax.
    void cancelSelected();

Q_SIGNALS:
    /// The person wants to send a new fax.
    void sendFaxRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateActions();
    void updateEmptyState();
    QJsonObject selectedFax() const;

    SentFaxModel* m_model;
    QTreeView* m_view;
    QLabel* m_detail;
    QLabel* m_empty;
    QStackedWidget* m_stack;
    QLabel* m_message;
    QAction* m_resend;
    QAction* m_cancel;
    QAction* m_refresh;
    QAction* m_sendFax;
    QToolBar* m_toolBar;
};
