#include "ui/catalog/catalog_rules_dialog.h"

#include "catalog/catalog_rules.h"
#include "catalog/catalog_text.h"
#include "core/display.h"
#include "items/catalog_ops.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/catalog_rules_in_force.h"
#include "ops/permissions.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace reconsole::ui {
namespace {

// What a threshold's key means, after its rule ("price_far_from_list.min_pct" -> "최소 %").
QString thresholdLabel(const QString& setting)
{
    if (setting == QLatin1String("min_pct"))
        return CatalogRulesDialog::tr("정가의 최소 %");
    if (setting == QLatin1String("max_pct"))
        return CatalogRulesDialog::tr("정가의 최대 %");
    if (setting == QLatin1String("zero_slip_low_pct"))
        return CatalogRulesDialog::tr("0 하나 빠짐 (이하 %)");
    if (setting == QLatin1String("zero_slip_high_pct"))
        return CatalogRulesDialog::tr("0 하나 더 (이상 %)");
    if (setting == QLatin1String("pct"))
        return CatalogRulesDialog::tr("변화 한도 %");
    if (setting == QLatin1String("bp"))
        return CatalogRulesDialog::tr("변화 한도 (bp)");
    return setting;
}

}  // namespace

CatalogRulesDialog::CatalogRulesDialog(items::OpsSession* session, QWidget* parent)
    : QDialog(parent),
      session_(session),
      intro_(new QLabel),
      grid_(new QWidget),
      status_(new QLabel),
      save_(new QPushButton(tr("저장")))
{
    setObjectName(QStringLiteral("catalogRulesDialog"));
    setWindowTitle(tr("카탈로그 규칙 설정"));
    status_->setObjectName(QStringLiteral("rulesStatus"));
    save_->setObjectName(QStringLiteral("rulesSave"));
    intro_->setWordWrap(true);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    save_->setEnabled(false);
    intro_->setText(tr("설정을 읽는 중…"));
    auto* buttons = new QDialogButtonBox;
    buttons->addButton(save_, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addWidget(grid_);
    layout->addWidget(status_);
    layout->addStretch(1);
    layout->addWidget(buttons);
    connect(save_, &QPushButton::clicked, this, &CatalogRulesDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    items::readCatalogRules(session_, this, [this](const ops::CatalogRulesInForce& rules, const QString& error) {
        if (!error.isEmpty()) {
            intro_->setText(tr("운영 저장소의 설정을 읽지 못했습니다: %1").arg(error));
            emit settingsLoaded();
            return;
        }
        build(rules.settings, rules.record ? tr("%1이(가) %2에 바꾼 설정입니다.")
                                                 .arg(QString::fromStdString(rules.record->changedBy),
                                                      formatSeoul(rules.record->changedAt))
                                           : tr("기본값입니다 (관리자가 바꾼 적 없음)."));
        emit settingsLoaded();
    });
}

void CatalogRulesDialog::build(const catalog::CatalogRuleSettings& settings, const QString& who)
{
    loaded_ = settings;
    const auto& me = session_->actingOperator();
    const bool admin = me && ops::allows(*me, ops::Permission::ChangeCatalogRules);
    intro_->setText(who + QLatin1Char(' ')
                    + (admin ? tr("바꾸면 감사 기록에 남고, 미러의 카탈로그 이상을 새 설정으로 다시 점검합니다.")
                             : tr("관리자만 바꿀 수 있습니다.")));
    // One row per switch, its thresholds on the rows under it (indented): narrow enough for 1024 px.
    auto* grid = new QGridLayout(grid_);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnMinimumWidth(0, 24);
    int row = 0;
    for (const auto& [key, value] : settings.toEntries()) {
        const QString k = QString::fromStdString(key);
        const QString prefix = k.section(QLatin1Char('.'), 0, 0);
        const QString setting = k.section(QLatin1Char('.'), 1);
        if (setting == QLatin1String("enabled")) {
            const auto rule = catalog::ruleFromCode(prefix.toUpper().toStdString());
            auto* box = new QCheckBox(rule ? catalog::ruleLabel(*rule) : prefix);
            box->setObjectName(k);
            box->setChecked(value == "1");
            box->setToolTip(k);
            box->setEnabled(admin);
            switches_.insert(k, box);
            grid->addWidget(box, row++, 0, 1, 3);
            continue;
        }
        auto* spin = new QSpinBox;
        spin->setObjectName(k);
        spin->setRange(0, 1'000'000);
        spin->setValue(std::stoi(value));
        spin->setAlignment(Qt::AlignRight);
        spin->setToolTip(k);
        spin->setEnabled(admin);
        spin->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("1,000,000")) + 40);
        numbers_.insert(k, spin);
        grid->addWidget(new QLabel(thresholdLabel(setting)), row, 1);
        grid->addWidget(spin, row++, 2, Qt::AlignLeft);
    }
    grid->setColumnStretch(3, 1);
    save_->setEnabled(admin && session_->canAct());
    adjustSize();
}

catalog::CatalogRuleSettings::Entries CatalogRulesDialog::changes() const
{
    catalog::CatalogRuleSettings::Entries out;
    if (!loaded_)
        return out;
    for (const auto& [key, value] : loaded_->toEntries()) {
        const QString k = QString::fromStdString(key);
        std::string now = value;
        if (auto* box = switches_.value(k))
            now = std::to_string(box->isChecked() ? 1 : 0);   // switches are stored as 0/1
        else if (auto* spin = numbers_.value(k))
            now = std::to_string(spin->value());
        if (now != value)
            out.emplace_back(key, now);
    }
    return out;
}

void CatalogRulesDialog::save()
{
    const auto changed = changes();
    if (changed.empty()) {
        showProblem(tr("바뀐 설정이 없습니다."));
        emit submitted(false);
        return;
    }
    save_->setEnabled(false);
    status_->setStyleSheet({});
    status_->setText(tr("저장하는 중…"));
    session_->worker()->run(
        this,
        [actor = session_->actorId(), changed](ops::OpsContext& ctx) { return ops::changeCatalogRules(ctx, actor, changed); },
        [this](std::optional<ops::Result<catalog::CatalogRuleSettings>> r, const QString& error) {
            save_->setEnabled(session_->canAct());
            if (!r || !r->ok()) {
                showProblem(!r ? tr("운영 저장소에 쓰지 못했습니다: %1").arg(error) : items::refusalText(r->refusal()));
                emit submitted(false);
                return;
            }
            loaded_ = r->value();
            status_->setStyleSheet(QStringLiteral("color: #1e7b34;"));
            status_->setText(tr("저장했습니다. 카탈로그 이상을 새 설정으로 다시 점검합니다."));
            session_->notifyChanged();
            emit rulesChanged();
            emit submitted(true);
        });
}

void CatalogRulesDialog::showProblem(const QString& text)
{
    status_->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    status_->setText(text);
}

QString CatalogRulesDialog::statusText() const { return status_->text(); }

}  // namespace reconsole::ui
