#pragma once
// "의도된 것으로 확인…": one of the product's open findings, and why it is intended (a promotion,
// a price the merchant really asks). Acknowledged through CatalogAckService (ops or admin,
// audited); it holds until the product changes again. A refusal is shown here in words.
#include "catalog/catalog_query.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class AcknowledgeDialog : public QDialog {
    Q_OBJECT
public:
    AcknowledgeDialog(items::OpsSession* session, const QString& productId,
                      std::vector<catalog::AnomalyRow> openFindings, QWidget* parent = nullptr);

    QComboBox* findingBox() const { return finding_; }
    QLineEdit* reasonEdit() const { return reason_; }
    QPushButton* confirmButton() const { return confirm_; }
    QString statusText() const;

public slots:
    void submit();

signals:
    void submitted(bool ok);
    void acknowledged();

private:
    void updateEnabled();
    void showProblem(const QString& text);

    items::OpsSession* session_;
    QString productId_;
    std::vector<catalog::AnomalyRow> findings_;
    QComboBox* finding_;
    QLineEdit* reason_;
    QLabel* status_;
    QPushButton* confirm_;
    bool done_ = false;
};

}  // namespace reconsole::ui
