#pragma once
// "연결…": one more thing the case is about: a debit (ledger id), an order, a refund request
// or a catalog fix. A debit held by another case moves to this one.
#include <QDialog>

#include <string>

class QComboBox;
class QLineEdit;

namespace reconsole::ui {

class CaseLinkDialog : public QDialog {
    Q_OBJECT
public:
    explicit CaseLinkDialog(const QString& caseId, QWidget* parent = nullptr);

    std::string kind() const;     // ledger, order, request, fix
    std::string target() const;
    QComboBox* kindBox() const { return kind_; }
    QLineEdit* targetEdit() const { return target_; }

private:
    QComboBox* kind_;
    QLineEdit* target_;
};

}  // namespace reconsole::ui
