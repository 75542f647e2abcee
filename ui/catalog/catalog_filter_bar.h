#pragma once
// The catalog screen's filters: merchant, product kind, rule, and "flagged products only".
#include "items/catalog_products.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QToolButton;

namespace reconsole::ui {

class CatalogFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit CatalogFilterBar(QWidget* parent = nullptr);

    items::CatalogFilter filter() const { return filter_; }
    // Shows `filter` in the widgets and applies it.
    void setFilter(const items::CatalogFilter& filter);
    // The merchants and kinds to choose from (after each load); keeps the current choice.
    void setChoices(const std::vector<items::CatalogChoice>& merchants, const std::vector<std::string>& kinds);

signals:
    void filterChanged(const reconsole::items::CatalogFilter& filter);

private:
    void readWidgets();
    void showFilter();

    items::CatalogFilter filter_;
    QComboBox* merchant_;
    QComboBox* kind_;
    QComboBox* rule_;
    QCheckBox* flagged_;
    QToolButton* clear_;
    bool showing_ = false;
};

}  // namespace reconsole::ui
