#pragma once
#include "FaxController.h"

#include <QDialog>
#include <QJsonObject>
#include <QTimer>

class ApiClient;
class FaxPagePreview;
class FaxRecipientsPanel;
class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;

/// "Send fax": the document (a file the person chose, uploaded as a draft with progress while it is
/// sent and converted, or a document printed to "MPS Fax"), who it goes to (FaxRecipientsPanel),
/// an optional cover page drawn here in the person's language (FaxCoverPage) and added to the draft,
/// a preview of every page, and Send. Errors are shown in the status line in the person's words.
/// Closing without sending deletes the draft, after asking.
///
/// For tests and headless agents, the parts have object names: "recipientName", "recipientNumber",
/// "addRecipient", "send", "faxStatus" (the status line), "coverGroup", "coverSubject", "coverNote",
/// "coverFrom", "coverTo", "faxPreview".
class FaxDialog : public QDialog
{
    Q_OBJECT
public:
    /// Opens the dialog on the existing draft `draftId` (printed to "MPS Fax") through `api` (which must
    /// outlive it). `me` is the signed-in user ({displayName, department, ...}) for the cover page's
    /// "From"; may be empty.
    FaxDialog(ApiClient* api, qint64 draftId, const QJsonObject& me = {}, QWidget* parent = nullptr);
    /// Opens the dialog with no document yet; call uploadFile() next.
    explicit FaxDialog(ApiClient* api, const QJsonObject& me = {}, QWidget* parent = nullptr);
    ~FaxDialog() override;

    /// Uploads the file at `path` as the fax's document (progress in the dialog).
    void uploadFile(const QString& path);

    /// Returns the controller (draft, settings, send).
    FaxController* controller() const { return m_controller; }
    /// Returns the recipient part.
    FaxRecipientsPanel* recipientsPanel() const { return m_recipients; }
    /// Returns the preview.
    FaxPagePreview* preview() const { return m_preview; }
    /// Returns the text of the status line.
    QString statusText() const;
    /// Returns the cover page fields as they are now (also when the cover is off).
    QJsonObject coverFields() const;
    /// Returns the tabs ("recipients", "cover").
    QTabWidget* tabs() const { return m_tabs; }

public Q_SLOTS:
    /// Turns the cover page on or off.
    void setCoverEnabled(bool on);
    /// Sends the fax to the recipients (a valid number still in the fields is added first).
    void send();
    /// Closes; asks first, then deletes the draft, when the fax was not sent.
    void reject() override;

Q_SIGNALS:
    /// The fax went out: one queued fax per recipient.
    void faxSent(const QJsonArray& faxes);

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();
    void retranslate();
    void onStateChanged(FaxController::State state);
    void onDraftChanged();
    void updateCoverSoon();
    void uploadCover();
    void updateSend();
    void setStatus(const QString& text, bool error = false);

    FaxController* m_controller;
    QJsonObject m_me;
    FaxRecipientsPanel* m_recipients = nullptr;
    FaxPagePreview* m_preview = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_document = nullptr;
    QProgressBar* m_progress = nullptr;
    QGroupBox* m_cover = nullptr;
    QLineEdit* m_coverTo = nullptr;
    QLineEdit* m_coverFrom = nullptr;
    QLineEdit* m_coverSubject = nullptr;
    QPlainTextEdit* m_coverNote = nullptr;
    QLabel* m_coverPages = nullptr;
    QLabel* m_coverToLabel = nullptr;
    QLabel* m_coverFromLabel = nullptr;
    QLabel* m_coverSubjectLabel = nullptr;
    QLabel* m_coverNoteLabel = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_close = nullptr;
    QTimer m_coverTimer;
    bool m_coverToEdited = false;
    bool m_sendAfterCover = false;
    bool m_closing = false;
    bool m_statusIsError = false;
};
