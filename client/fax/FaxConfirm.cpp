#include "FaxConfirm.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

QMessageBox* FaxConfirm::ask(QWidget* parent, const QString& objectName, const QString& title,
                             const QString& text, const QString& action,
                             const std::function<void()>& onConfirm)
{
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(action, QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirm"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    cancel->setText(QCoreApplication::translate("FaxConfirm", "Cancel"));
    box->setDefaultButton(cancel);
    QObject::connect(yes, &QPushButton::clicked, box, [onConfirm] { onConfirm(); });
    box->open();
    return box;
}
