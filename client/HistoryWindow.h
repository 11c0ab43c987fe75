#pragma once
#include <QDialog>
#include <QPointer>

class ApiClient;
class ApiReply;
class HistoryModel;
class QLabel;
class QStackedWidget;
class QTreeView;

/// What became of my jobs in the last 90 days: printed (where, when, pages, cost), deleted, expired.
/// Fetched when shown and on Refresh; says what to do when there is nothing yet.
class HistoryWindow : public QDialog
{
    Q_OBJECT
public:
    /// Creates the window over `api` (which must outlive it).
    explicit HistoryWindow(ApiClient* api, QWidget* parent = nullptr);
    ~HistoryWindow() override;

    /// Fetches the history again.
    void refresh();
    /// Returns the rows shown.
    HistoryModel* model() const { return m_model; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateState();

    QPointer<ApiClient> m_api;
    QPointer<ApiReply> m_reply;
    HistoryModel* m_model;
    QTreeView* m_view;
    QLabel* m_empty;
    QLabel* m_intro;
    QStackedWidget* m_stack;
    QString m_error;
    bool m_loading = false;
};
