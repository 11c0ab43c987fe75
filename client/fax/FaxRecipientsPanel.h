#pragma once
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class ApiClient;
class FaxContactModel;
class FaxRecipientModel;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableView;

/// Who a fax goes to: a name and a number typed in (the number checked as it is typed, with a
/// sentence for every FaxNumber error and the form it will be dialled in), the recipient list, and
/// the phone book (search, personal and department entries marked, add/change/delete, "Add to
/// phone book" from a recipient). Shared by the fax dialog and the forward dialog.
class FaxRecipientsPanel : public QWidget
{
    Q_OBJECT
public:
    /// Creates the panel; the phone book is searched through `api` (which must outlive it).
    explicit FaxRecipientsPanel(ApiClient* api, QWidget* parent = nullptr);
    ~FaxRecipientsPanel() override;

    /// Sets the dial plan used to check numbers (from GET /api/v1/fax/settings).
    void setDialPlan(const QString& outsidePrefix, int extensionDigits);
    /// Sets the most recipients a fax may have (0: no limit known).
    void setMaxRecipients(int max);
    /// Sets my department's name: department entries can be added to its shared book.
    void setDepartmentName(const QString& name);

    /// Returns the recipients.
    FaxRecipientModel* recipients() const { return m_recipients; }
    /// Returns the phone book search results.
    FaxContactModel* contacts() const { return m_contacts; }
    /// Returns the sentence under the number field (the check of what is typed).
    QString numberHint() const;
    /// Returns the phone book search field.
    QLineEdit* searchField() const { return m_search; }
    /// Returns the phone book list.
    QListView* contactView() const { return m_contactView; }

public Q_SLOTS:
    /// Adds what is typed in the name and number fields as a recipient, if the number is valid;
    /// returns whether it was added.
    bool addTyped();
    /// Adds the phone book entry in `row` as a recipient.
    void addContact(int row);
    /// Searches the phone book for `text` now.
    void search(const QString& text);
    /// Marks `number` (as the server named it) as the wrong one: selected and explained.
    void markInvalid(const QString& number, const QString& sentence);

Q_SIGNALS:
    /// The recipient list changed.
    void recipientsChanged();
    /// Something to tell the person in the dialog's status line.
    void message(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void checkTyped();
    void updateButtons();
    void editContact(const QJsonObject& contact);
    void saveRecipientAsContact();
    void deleteSelectedContact();

    ApiClient* m_api;
    FaxRecipientModel* m_recipients;
    FaxContactModel* m_contacts;
    QLineEdit* m_name;
    QLineEdit* m_number;
    QLabel* m_nameLabel;
    QLabel* m_numberLabel;
    QLabel* m_hint;
    QPushButton* m_add;
    QTableView* m_recipientView;
    QLabel* m_recipientsLabel;
    QPushButton* m_remove;
    QPushButton* m_saveContact;
    QLabel* m_bookLabel;
    QLineEdit* m_search;
    QListView* m_contactView;
    QLabel* m_bookEmpty;
    QPushButton* m_useContact;
    QPushButton* m_newContact;
    QPushButton* m_editContact;
    QPushButton* m_deleteContact;
    QTimer m_searchTimer;
    QString m_outsidePrefix;
    int m_extensionDigits = 4;
    int m_maxRecipients = 0;
    QString m_departmentName;
    bool m_hintIsError = false;
};
