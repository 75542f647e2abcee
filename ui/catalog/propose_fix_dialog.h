#pragma once
// "수정 제안…": the product's current values and the version the operator is looking at, fields
// for the corrected price, list price, discount (in %, stored in basis points) and cash-receipt
// flag, a reason code and a note, and the unit price the corrected values give. Submitted with
// the version seen, so a product that changed meanwhile is refused; one operation id per dialog,
// so a double click or a retry files one fix.
#include "ops/catalog_fix_service.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class ProposeFixDialog : public QDialog {
    Q_OBJECT
public:
    ProposeFixDialog(items::OpsSession* session, const QString& productId, QWidget* parent = nullptr);

    QString operationId() const { return opId_; }
    bool isQuoteLoaded() const { return quote_.has_value(); }
    std::int64_t seenSeq() const { return quote_ ? quote_->productSeq : 0; }
    QLineEdit* priceEdit() const { return price_; }
    QLineEdit* listPriceEdit() const { return listPrice_; }
    QDoubleSpinBox* discountBox() const { return discount_; }
    QCheckBox* receiptBox() const { return receipt_; }
    QComboBox* reasonBox() const { return reason_; }
    QPushButton* confirmButton() const { return confirm_; }
    QString previewText() const;
    QString statusText() const;
    QString madeFixId() const { return madeFixId_; }
    // The values that differ from the current ones (what `set` will carry).
    ops::CatalogValues changedValues() const;

public slots:
    void submit();

signals:
    void quoteLoaded();
    void submitted(bool ok);
    void proposed(const QString& fixId);

private:
    void buildForm();
    void showQuote(const ops::FixQuote& quote);
    void updatePreview();
    void showProblem(const QString& text);

    items::OpsSession* session_;
    QString productId_, opId_, madeFixId_;
    std::optional<ops::FixQuote> quote_;
    QLabel* title_;
    QLabel* current_;
    QLineEdit* price_;
    QLineEdit* listPrice_;
    QDoubleSpinBox* discount_;
    QCheckBox* receipt_;
    QComboBox* reason_;
    QLineEdit* note_;
    QLabel* preview_;
    QLabel* status_;
    QPushButton* confirm_;
};

}  // namespace reconsole::ui
