#include "ui/catalog/catalog_filter_bar.h"

#include "catalog/catalog_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QToolButton>

namespace reconsole::ui {

CatalogFilterBar::CatalogFilterBar(QWidget* parent)
    : QWidget(parent),
      merchant_(new QComboBox),
      kind_(new QComboBox),
      rule_(new QComboBox),
      flagged_(new QCheckBox(tr("이상 있는 상품만"))),
      clear_(new QToolButton)
{
    merchant_->setObjectName(QStringLiteral("catalogMerchantFilter"));
    kind_->setObjectName(QStringLiteral("catalogKindFilter"));
    rule_->setObjectName(QStringLiteral("catalogRuleFilter"));
    flagged_->setObjectName(QStringLiteral("catalogFlaggedFilter"));
    clear_->setObjectName(QStringLiteral("catalogClearFilter"));
    merchant_->setMinimumContentsLength(12);
    merchant_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    rule_->addItem(tr("모든 규칙"), QString());
    for (int r = 0; r < catalog::kRuleCount; ++r) {
        const auto rule = static_cast<catalog::Rule>(r);
        rule_->addItem(items::ruleShortLabel(rule), QString::fromLatin1(catalog::ruleCode(rule).data(),
                                                                         qsizetype(catalog::ruleCode(rule).size())));
        rule_->setItemData(rule_->count() - 1, catalog::ruleLabel(rule), Qt::ToolTipRole);
    }
    clear_->setText(tr("필터 초기화"));
    setChoices({}, {});

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(merchant_);
    layout->addWidget(kind_);
    layout->addWidget(rule_);
    layout->addWidget(flagged_);
    layout->addStretch(1);
    layout->addWidget(clear_);

    const auto read = [this] {
        if (!showing_)
            readWidgets();
    };
    connect(merchant_, &QComboBox::currentIndexChanged, this, read);
    connect(kind_, &QComboBox::currentIndexChanged, this, read);
    connect(rule_, &QComboBox::currentIndexChanged, this, read);
    connect(flagged_, &QCheckBox::toggled, this, read);
    connect(clear_, &QToolButton::clicked, this, [this] { setFilter({}); });
    showFilter();
}

void CatalogFilterBar::setChoices(const std::vector<items::CatalogChoice>& merchants, const std::vector<std::string>& kinds)
{
    showing_ = true;
    merchant_->clear();
    merchant_->addItem(tr("모든 가맹점"), QString());
    for (const auto& m : merchants)
        merchant_->addItem(QString::fromStdString(m.name.empty() ? m.id : m.name), QString::fromStdString(m.id));
    kind_->clear();
    kind_->addItem(tr("모든 종류"), QString());
    for (const auto& k : kinds)
        kind_->addItem(items::kindLabel(k), QString::fromStdString(k));
    showing_ = false;
    showFilter();
}

void CatalogFilterBar::setFilter(const items::CatalogFilter& filter)
{
    const bool changed = !(filter == filter_);
    filter_ = filter;
    showFilter();
    if (changed)
        emit filterChanged(filter_);
}

void CatalogFilterBar::readWidgets()
{
    items::CatalogFilter f;
    f.merchantId = merchant_->currentData().toString().toStdString();
    f.kind = kind_->currentData().toString().toStdString();
    f.rule = catalog::ruleFromCode(rule_->currentData().toString().toStdString());
    f.flaggedOnly = flagged_->isChecked();
    if (f == filter_)
        return;
    filter_ = f;
    showFilter();
    emit filterChanged(filter_);
}

void CatalogFilterBar::showFilter()
{
    showing_ = true;
    const auto pick = [](QComboBox* box, const QString& value) {
        int i = box->findData(value);
        if (i < 0 && !value.isEmpty()) {
            // Not in the list (yet): keep it chosen under its id.
            box->addItem(value, value);
            i = box->count() - 1;
        }
        box->setCurrentIndex(std::max(0, i));
    };
    pick(merchant_, QString::fromStdString(filter_.merchantId));
    pick(kind_, QString::fromStdString(filter_.kind));
    const int rule = filter_.rule ? int(*filter_.rule) + 1 : 0;
    rule_->setCurrentIndex(rule);
    flagged_->setChecked(filter_.flaggedOnly);
    clear_->setEnabled(!(filter_ == items::CatalogFilter{}));
    showing_ = false;
}

}  // namespace reconsole::ui
