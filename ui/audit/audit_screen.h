#pragma once
// The Audit log screen: every recorded action newest first (refused attempts too), filters on
// operator, action, target and refused only, the selected entry's values before and after,
// and "검증", which checks the SHA-256 chain on the ops worker and reports it intact (entries,
// head) or names the first broken entry. Nothing here can change the log.
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace reconsole::items {
class AuditLogModel;
class OpsSession;
}

namespace reconsole::ui {

class AuditScreen : public QWidget {
    Q_OBJECT
public:
    explicit AuditScreen(items::OpsSession* session, QWidget* parent = nullptr);

    items::AuditLogModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    bool isLoaded() const;
    QString verdictText() const;
    bool lastVerdictIntact() const { return intact_; }
    QString beforeText() const;
    QString afterText() const;

public slots:
    void reload();
    void verify();

signals:
    void loaded();
    void verified(bool intact);

private:
    QWidget* buildFilters();
    void applyFilters();
    void showEntry();

    items::OpsSession* session_;
    items::AuditLogModel* model_;
    QLineEdit* actor_;
    QLineEdit* action_;
    QLineEdit* target_;
    QCheckBox* refused_;
    QTimer* typing_;
    QPushButton* verify_;
    QLabel* verdict_;
    QLabel* notice_;
    QTableView* view_;
    QPlainTextEdit* before_;
    QPlainTextEdit* after_;
    bool intact_ = false;
};

}  // namespace reconsole::ui
