#pragma once
// The selected product's catalog fixes (newest first) with their state, what each sets against
// what it expected, who asked and who approved; approve, reject and cancel where the service's
// FixRow allows (never one's own approval), and record that the platform refused a sent fix
// (its report says why). Reject and a failure need a note; every refusal is shown in words.
#include "items/catalog_ops.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class CatalogFixPanel : public QWidget {
    Q_OBJECT
public:
    explicit CatalogFixPanel(QWidget* parent = nullptr);

    void setSession(items::OpsSession* session) { session_ = session; }
    void showProduct(const items::ProductOps& product);

    QTableWidget* table() const { return table_; }
    QPushButton* approveButton() const { return approve_; }
    QPushButton* rejectButton() const { return reject_; }
    QPushButton* cancelButton() const { return cancel_; }
    QPushButton* failedButton() const { return failed_; }
    QLineEdit* noteEdit() const { return note_; }
    QString statusText() const;
    void selectFix(const QString& fixId);

public slots:
    void approveSelected();
    void rejectSelected();
    void cancelSelected();
    void recordFailureOfSelected();

signals:
    void acted(bool ok);

private:
    enum class Action { Approve, Reject, Cancel, RecordFailure };
    void act(Action action);
    const ops::FixRow* selected() const;
    void updateButtons();

    items::OpsSession* session_ = nullptr;
    std::string productId_;
    std::vector<ops::FixRow> rows_;
    QTableWidget* table_;
    QLineEdit* note_;
    QPushButton* approve_;
    QPushButton* reject_;
    QPushButton* cancel_;
    QPushButton* failed_;
    QLabel* status_;
};

}  // namespace reconsole::ui
