#pragma once
// Hands a case to another operator: the choices are the enabled operators who work on cases
// (read on the session's worker); the service checks again when the case is assigned.
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class CaseAssignDialog : public QDialog {
    Q_OBJECT
public:
    CaseAssignDialog(items::OpsSession* session, const QString& caseId, const QString& currentOwner,
                     QWidget* parent = nullptr);

    QString owner() const;      // the chosen operator's id
    QComboBox* choices() const { return choices_; }
    bool isLoaded() const { return loaded_; }

signals:
    void loaded();

private:
    QComboBox* choices_;
    QLabel* message_;
    QDialogButtonBox* buttons_;
    bool loaded_ = false;
};

}  // namespace reconsole::ui
