#pragma once
// "규칙 설정…" (admins): every catalog rule on or off and its thresholds, as the operations store
// has them (CatalogRuleSettings::toEntries). Saved through changeCatalogRules (admin only,
// audited, refusals shown: a non-admin, bounds out of order); after a change the window rechecks
// the mirror's findings in the background with the new settings.
#include "catalog/catalog_settings.h"

#include <QDialog>
#include <QMap>

#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class CatalogRulesDialog : public QDialog {
    Q_OBJECT
public:
    explicit CatalogRulesDialog(items::OpsSession* session, QWidget* parent = nullptr);

    bool isLoaded() const { return loaded_.has_value(); }
    QCheckBox* switchFor(const QString& key) const { return switches_.value(key); }
    QSpinBox* numberFor(const QString& key) const { return numbers_.value(key); }
    QPushButton* saveButton() const { return save_; }
    QString statusText() const;
    // The entries that differ from the settings loaded.
    catalog::CatalogRuleSettings::Entries changes() const;

public slots:
    void save();

signals:
    void settingsLoaded();
    void submitted(bool ok);
    void rulesChanged();   // saved: the findings must be checked again

private:
    void build(const catalog::CatalogRuleSettings& settings, const QString& who);
    void showProblem(const QString& text);

    items::OpsSession* session_;
    std::optional<catalog::CatalogRuleSettings> loaded_;
    QMap<QString, QCheckBox*> switches_;
    QMap<QString, QSpinBox*> numbers_;
    QLabel* intro_;
    QWidget* grid_;
    QLabel* status_;
    QPushButton* save_;
};

}  // namespace reconsole::ui
