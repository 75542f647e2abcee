// The screenshot run's Catalog steps: the screen with a flagged product, then its dialogs.
#include "ui/shell/screenshot_await.h"

#include "items/catalog_history_model.h"
#include "items/catalog_ops_loader.h"
#include "items/catalog_product_model.h"
#include "ui/catalog/acknowledge_dialog.h"
#include "ui/catalog/catalog_rules_dialog.h"
#include "ui/catalog/catalog_screen.h"
#include "ui/catalog/impact_dialog.h"
#include "ui/catalog/propose_fix_dialog.h"
#include "ui/catalog/repair_batch_dialog.h"
#include "ui/catalog/repair_dialog.h"
#include "ui/catalog/undercharge_export_dialog.h"
#include "ui/main_window.h"
#include "ui/shell/mirror_screens.h"

#include <QPointer>
#include <QPushButton>
#include <QTabWidget>

namespace reconsole::ui {

void ScreenshotRunner::addCatalogSteps(const QString& suffix)
{
    CatalogScreen* catalog = window_->screens()->catalog();
    steps_ << [=, this](auto next) {
        window_->showScreen(ScreenId::Catalog);
        await(QStringLiteral("catalog"), [catalog] { return catalog->isLoaded(); }, catalog, &CatalogScreen::loaded,
              next, [catalog] { catalog->reload(); });
    };
    steps_ << [=, this](auto next) {
        // A flagged product with a history to show (a sudden price change; at 1024 the price far
        // from its list price); the first flagged one when there is none.
        const auto* model = catalog->model();
        const bool wide = suffix.isEmpty();
        const auto rule = wide ? catalog::Rule::SuddenPriceChange : catalog::Rule::PriceFarFromList;
        int pick = -1;
        for (int r = 0; r < model->rowCount() && pick < 0; ++r)
            if (model->rowAt(r)->openByRule[std::size_t(rule)] > 0)
                pick = r;
        const QString id = pick >= 0 ? model->index(pick, 0).data(items::CatalogProductModel::ProductIdRole).toString()
                                     : catalog->history()->productId();
        const auto loadedFor = [catalog, id] { return catalog->isDetailLoaded() && catalog->history()->productId() == id; };
        await(QStringLiteral("catalog product"), loadedFor, catalog, &CatalogScreen::detailLoaded, next,
              [catalog, id] { catalog->selectProduct(id); });
    };
    steps_ << [=, this](auto next) {
        // The chosen product's history is loaded, and its fixes and acknowledgements.
        await(
            QStringLiteral("catalog product history"), [catalog] { return catalog->isDetailLoaded(); }, catalog,
            &CatalogScreen::detailLoaded, next);
    };
    steps_ << [=, this](auto next) {
        const auto ready = [catalog] {
            return catalog->opsLoader()->isLoaded() && catalog->opsLoader()->productId() == catalog->selectedProductId();
        };
        await(QStringLiteral("catalog product operations"), ready, catalog, &CatalogScreen::opsLoaded,
              [this, next, suffix] {
                  save(QStringLiteral("04-catalog%1.png").arg(suffix));
                  next();
              });
    };
    addCatalogDialogSteps(suffix);
}

std::function<void()> ScreenshotRunner::shotThenClose(const QString& name, QDialog* dialog, std::function<void()> next)
{
    QPointer<QDialog> guard(dialog);
    return [this, name, guard, next] {
        saveWithDialog(name, guard.data());
        if (guard)
            guard->close();
        next();
    };
}

void ScreenshotRunner::addCatalogDialogSteps(const QString& suffix)
{
    CatalogScreen* catalog = window_->screens()->catalog();
    const auto png = [suffix](const QString& base) { return QStringLiteral("%1%2.png").arg(base, suffix); };
    steps_ << [=, this](auto next) {
        // The product's fixes (the tab beside its findings).
        catalog->detailTabs()->setCurrentIndex(1);
        QTimer::singleShot(50, this, [=, this] {
            save(png(QStringLiteral("15-catalog-fixes")));
            catalog->detailTabs()->setCurrentIndex(0);
            next();
        });
    };
    steps_ << [=, this](auto next) {
        ProposeFixDialog* d = catalog->openProposeFix();
        if (!d)
            return next();
        await(QStringLiteral("catalog fix dialog"), [d] { return d->isQuoteLoaded() || !d->statusText().isEmpty(); }, d,
              &ProposeFixDialog::quoteLoaded, shotThenClose(png(QStringLiteral("12-catalog-fix-dialog")), d, next));
    };
    // The impact, then over it (when there is something to show) the repair preview, which
    // writes nothing, and the product's newest batch: a screenshot run never drafts.
    auto impact = std::make_shared<QPointer<ImpactDialog>>();
    steps_ << [=, this](auto next) {
        *impact = catalog->openImpact();
        ImpactDialog* d = impact->data();
        if (!d)
            return next();
        await(QStringLiteral("catalog impact"), [d] { return d->isLoaded(); }, d, &ImpactDialog::loaded,
              [this, d, next, png] {
                  saveWithDialog(png(QStringLiteral("13-catalog-impact")), d);
                  next();
              });
    };
    steps_ << [=, this](auto next) {
        ImpactDialog* d = impact->data();
        if (!d || !d->repairButton()->isEnabled())
            return next();
        RepairDialog* r = d->openRepair();
        await(QStringLiteral("catalog repair preview"), [r] { return r->isPreviewLoaded() || !r->statusText().isEmpty(); }, r,
              &RepairDialog::previewLoaded, shotThenClose(png(QStringLiteral("16-catalog-repair")), r, next));
    };
    steps_ << [=, this](auto next) {
        ImpactDialog* d = impact->data();
        RepairBatchDialog* b = d ? d->openBatch(d->latestBatchId()) : nullptr;
        if (!b)
            return next();
        await(QStringLiteral("catalog repair batch"), [b] { return b->isLoaded(); }, b, &RepairBatchDialog::loaded,
              shotThenClose(png(QStringLiteral("17-catalog-batch")), b, next));
    };
    steps_ << [=](auto next) {
        if (*impact)
            (*impact)->close();
        next();
    };
    steps_ << [=, this](auto next) {
        // What it would acknowledge (a dialog that reads nothing more: shown as it opens).
        AcknowledgeDialog* d = catalog->openAcknowledge();
        if (!d)
            return next();
        QTimer::singleShot(50, this, shotThenClose(png(QStringLiteral("18-catalog-acknowledge")), d, next));
    };
    steps_ << [=, this](auto next) {
        UnderchargeExportDialog* d = catalog->openUndercharges();
        QTimer::singleShot(50, this, shotThenClose(png(QStringLiteral("19-catalog-undercharges")), d, next));
    };
    steps_ << [=, this](auto next) {
        CatalogRulesDialog* d = catalog->openRules();
        if (!d)
            return next();
        await(QStringLiteral("catalog rules"), [d] { return d->isLoaded(); }, d, &CatalogRulesDialog::settingsLoaded,
              shotThenClose(png(QStringLiteral("14-catalog-rules")), d, next));
    };
}

}  // namespace reconsole::ui
