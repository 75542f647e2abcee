#include "ui/shell/screenshot_runner.h"

#include "items/catalog_history_model.h"
#include "items/catalog_product_model.h"
#include "items/ops_session.h"
#include "items/orphan_queue_model.h"
#include "items/refund_list_model.h"
#include "ui/audit/audit_screen.h"
#include "items/catalog_ops_loader.h"
#include "ui/catalog/acknowledge_dialog.h"
#include "ui/catalog/catalog_rules_dialog.h"
#include "ui/cases/case_detail_pane.h"
#include "ui/cases/case_policy_dialog.h"
#include "ui/cases/cases_screen.h"
#include "items/case_list_model.h"
#include "ui/catalog/catalog_screen.h"
#include "ui/catalog/impact_dialog.h"
#include "ui/catalog/propose_fix_dialog.h"
#include "ui/catalog/repair_batch_dialog.h"
#include "ui/catalog/repair_dialog.h"
#include "ui/catalog/undercharge_export_dialog.h"
#include "ui/dashboard/dashboard_screen.h"
#include "ui/main_window.h"
#include "ui/orphans/orphan_detail_pane.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/quarantine/quarantine_screen.h"
#include "ui/refunds/refund_dialog.h"
#include "ui/refunds/refunds_screen.h"
#include "ui/shell/mirror_screens.h"

#include <QDir>
#include <QMetaMethod>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace reconsole::ui {
namespace {

struct Wait {
    bool done = false;
    QMetaObject::Connection connection;
    QTimer* timer = nullptr;
};

// The customer screen is another engineer's: use the most telling signal it has.
QMetaMethod customerDoneSignal(const QObject* screen)
{
    const QMetaObject* meta = screen->metaObject();
    for (const char* signature : {"timelineLoaded(QString)", "timelineLoaded()", "loaded()", "statusMessage(QString)"}) {
        const int index = meta->indexOfSignal(signature);
        if (index >= 0)
            return meta->method(index);
    }
    return {};
}

}  // namespace

ScreenshotRunner::ScreenshotRunner(MainWindow* window, const QString& directory, int timeoutMs)
    : QObject(window), window_(window), directory_(directory), timeoutMs_(timeoutMs)
{
}

template <typename Sender, typename Signal>
void ScreenshotRunner::await(const QString& what, std::function<bool()> ready, Sender* sender, Signal signal,
                             std::function<void()> next, std::function<void()> trigger)
{
    auto wait = std::make_shared<Wait>();
    auto finish = [this, wait, what, next](bool timedOut) {
        if (wait->done)
            return;
        wait->done = true;
        disconnect(wait->connection);
        wait->timer->stop();
        wait->timer->deleteLater();
        if (timedOut)
            problems_ << what;
        // Let the layouts and repaints the load caused happen before the grab.
        QTimer::singleShot(30, this, next);
    };
    wait->timer = new QTimer(this);
    wait->timer->setSingleShot(true);
    connect(wait->timer, &QTimer::timeout, this, [finish] { finish(true); });
    wait->connection = connect(sender, signal, this, [ready, finish] {
        if (ready())
            finish(false);
    });
    wait->timer->start(timeoutMs_);
    if (trigger)
        trigger();
    if (ready())
        finish(false);
}

void ScreenshotRunner::save(const QString& name)
{
    const QString path = QDir(directory_).filePath(name);
    if (window_->grab().save(path, "PNG"))
        written_ << path;
    else
        problems_ << QStringLiteral("could not write %1").arg(path);
}

void ScreenshotRunner::saveWithDialog(const QString& name, QWidget* dialog)
{
    QPixmap shot = window_->grab();
    if (dialog) {
        const QPixmap over = dialog->grab();
        QPainter painter(&shot);
        const QPoint at((shot.width() - over.width()) / 2, std::max(0, (shot.height() - over.height()) / 2));
        painter.fillRect(QRect(at - QPoint(1, 1), over.size() + QSize(2, 2)), Qt::darkGray);
        painter.drawPixmap(at, over);
    }
    const QString path = QDir(directory_).filePath(name);
    if (shot.save(path, "PNG"))
        written_ << path;
    else
        problems_ << QStringLiteral("could not write %1").arg(path);
}

void ScreenshotRunner::addOpsSteps(const QString& suffix)
{
    MirrorScreens* screens = window_->screens();
    items::OpsSession* ops = screens->ops();
    RefundsScreen* refunds = screens->refunds();
    AuditScreen* audit = screens->audit();
    OrphanQueueScreen* queue = screens->orphans();
    const auto png = [suffix](const QString& base) { return base + suffix + QStringLiteral(".png"); };

    steps_ << [=, this](auto next) {
        window_->showScreen(ScreenId::Refunds);
        await(
            QStringLiteral("refunds"), [ops, refunds] { return ops->isResolved() && refunds->isLoaded(); }, refunds,
            &RefundsScreen::loaded, next, [refunds] { refunds->reload(); });
    };
    steps_ << [=, this](auto next) {
        await(
            QStringLiteral("refund totals"), [ops] { return !ops->canAct() || ops->hasSummary(); }, ops,
            &items::OpsSession::summaryChanged, [this, next, png, refunds] {
                refunds->view()->selectRow(0);
                save(png(QStringLiteral("05-refunds")));
                next();
            });
    };
    steps_ << [=, this](auto next) {
        await(
            QStringLiteral("approvals inbox"), [refunds] { return refunds->isLoaded() && refunds->model()->query().awaitingMe; },
            refunds, &RefundsScreen::loaded,
            [this, next, png, refunds] {
                refunds->view()->selectRow(0);
                save(png(QStringLiteral("07-approvals-inbox")));
                next();
            },
            [refunds] { refunds->showApprovalsInbox(); });
    };
    // The customer of the first request: their timeline with their refund requests.
    steps_ << [=, this](auto next) {
        refunds->clearFilters();
        await(
            QStringLiteral("refunds again"), [refunds] { return refunds->isLoaded() && !refunds->model()->query().awaitingMe; },
            refunds, &RefundsScreen::loaded, next);
    };
    steps_ << [=, this](auto next) {
        const ops::RefundRow* row = refunds->model()->rowAt(0);
        const QString customer = row ? QString::fromStdString(row->request.customerId) : QString();
        const QString debit = row ? QString::fromStdString(row->request.ledgerId) : QString();
        const auto done = [this, next, png] { save(png(QStringLiteral("09-customer-refunds"))); next(); };
        if (customer.isEmpty() || !customerDoneSignal(screens->customers()).isValid()) {
            window_->showScreen(ScreenId::Customers);
            return done();
        }
        customerReported_ = false;
        await(
            QStringLiteral("customer refunds"), [this] { return customerReported_; }, this,
            &ScreenshotRunner::customerReported, done, [this, customer, debit] {
                window_->showScreen(ScreenId::Customers);
                window_->screens()->showCustomer(customer, debit);   // on the refunded debit
            });
    };
    // The queue narrowed to the debit of the first request under way: its mark before the cause.
    steps_ << [=, this](auto next) {
        QString ledger;
        for (int r = 0; r < refunds->model()->rowCount() && ledger.isEmpty(); ++r) {
            const ops::RefundState state = refunds->model()->rowAt(r)->request.state;
            if (state == ops::RefundState::Requested || state == ops::RefundState::Approved || state == ops::RefundState::Sent)
                ledger = QString::fromStdString(refunds->model()->rowAt(r)->request.ledgerId);
        }
        window_->showScreen(ScreenId::Orphans);
        const auto done = [this, next, png, queue] {
            save(png(QStringLiteral("10-orphan-queue-refund")));
            queue->applyFilter({});
            await(QStringLiteral("orphan queue again"), [queue] { return queue->isLoaded(); }, queue,
                  &OrphanQueueScreen::loaded, next);
        };
        if (ledger.isEmpty())
            return done();
        items::OrphanFilter f;
        f.text = ledger.toStdString();
        await(QStringLiteral("orphan queue filtered"), [queue] { return queue->isLoaded() && !queue->model()->filter().isEmpty(); },
              queue, &OrphanQueueScreen::loaded, done, [queue, f] { queue->applyFilter(f); });
    };
    steps_ << [=, this](auto next) {
        window_->showScreen(ScreenId::Orphans);
        const items::QueueRow* first = queue->model()->rowAt(0);
        auto dialog = std::make_shared<QPointer<RefundDialog>>();
        const auto done = [this, next, png, dialog] {
            saveWithDialog(png(QStringLiteral("08-refund-dialog")), dialog->data());
            if (*dialog)
                (*dialog)->close();
            next();
        };
        if (!first)
            return done();
        *dialog = queue->openRefundDialog(QString::fromStdString(first->ledgerId));
        if (!*dialog)
            return done();
        RefundDialog* d = dialog->data();
        await(QStringLiteral("refund dialog"), [d] { return d->isQuoteLoaded() || !d->statusText().isEmpty(); }, d,
              &RefundDialog::quoteLoaded, done);
    };
    // A shared server out of reach (or refusing the sign-in): the Refunds screen under the banner.
    steps_ << [=, this](auto next) {
        if (ops->linkText().isEmpty())
            return next();
        window_->showScreen(ScreenId::Refunds);
        QTimer::singleShot(100, this, [this, next, png] { save(png(QStringLiteral("11-ops-unreachable"))); next(); });
    };
    steps_ << [=, this](auto next) {
        window_->showScreen(ScreenId::AuditLog);
        await(
            QStringLiteral("audit log"), [audit] { return audit->isLoaded(); }, audit, &AuditScreen::loaded, next,
            [audit] { audit->reload(); });
    };
    steps_ << [=, this](auto next) {
        auto verified = std::make_shared<bool>(false);
        QObject::connect(audit, &AuditScreen::verified, this, [verified] { *verified = true; });
        await(
            QStringLiteral("audit verify"), [ops, verified] { return !ops->canAct() || *verified; }, audit,
            &AuditScreen::verified, [this, next, png] { save(png(QStringLiteral("06-audit-log"))); next(); },
            [audit] { audit->verify(); });
    };
}

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

void ScreenshotRunner::addQuarantineSteps(const QString& suffix)
{
    QuarantineScreen* screen = window_->screens()->quarantine();
    steps_ << [=, this](auto next) {
        window_->showScreen(ScreenId::Quarantine);
        await(
            QStringLiteral("quarantine"), [screen] { return screen->isLoaded(); }, screen, &QuarantineScreen::loaded,
            [this, next, suffix] {
                save(QStringLiteral("20-quarantine%1.png").arg(suffix));
                next();
            },
            [screen] { screen->reload(); });
    };
}

void ScreenshotRunner::addCaseSteps(const QString& suffix)
{
    CasesScreen* cases = window_->screens()->cases();
    items::OpsSession* ops = window_->screens()->ops();
    steps_ << [=, this](auto next) {
        window_->showScreen(ScreenId::Cases);
        await(
            QStringLiteral("cases"), [ops, cases] { return ops->isResolved() && cases->isLoaded(); }, cases,
            &CasesScreen::loaded, next, [cases] { cases->reload(); });
    };
    steps_ << [=, this](auto next) {
        // The list's first row: the case with the least time left.
        const QString id = cases->model()->index(0, 0).data(items::CaseListModel::CaseIdRole).toString();
        CaseDetailPane* detail = cases->detail();
        const auto done = [this, next, suffix] {
            save(QStringLiteral("12-cases%1.png").arg(suffix));
            next();
        };
        if (id.isEmpty())
            return done();
        await(QStringLiteral("case detail"), [detail, id] { return detail->isLoaded() && detail->caseId() == id; }, detail,
              &CaseDetailPane::loaded, done, [cases, id] { cases->selectCase(id); });
    };
    // The first answered case: its outcome and the notice to the customer (1440 only).
    steps_ << [=, this](auto next) {
        QString id;
        for (int r = 0; r < cases->model()->rowCount() && id.isEmpty(); ++r)
            if (cases->model()->rowAt(r)->c.state == ops::CaseState::Answered)
                id = QString::fromStdString(cases->model()->rowAt(r)->c.id);
        if (id.isEmpty() || !suffix.isEmpty())
            return next();
        CaseDetailPane* detail = cases->detail();
        await(QStringLiteral("answered case"), [detail, id] { return detail->isLoaded() && detail->caseId() == id; },
              detail, &CaseDetailPane::loaded,
              [this, next, detail] {
                  detail->scrollToNotice();
                  save(QStringLiteral("13-case-notice.png"));
                  next();
              },
              [cases, id] { cases->selectCase(id); });
    };
    // The deadline rule as the operator sees it (an admin edits it), at 1440 only.
    steps_ << [=, this](auto next) {
        if (!suffix.isEmpty())
            return next();
        QPointer<CasePolicyDialog> dialog(cases->showPolicy());
        await(QStringLiteral("deadline rule"), [dialog] { return !dialog || dialog->isLoaded(); }, dialog.data(),
              &CasePolicyDialog::loaded, [this, next, dialog] {
                  saveWithDialog(QStringLiteral("14-case-policy.png"), dialog.data());
                  if (dialog)
                      dialog->reject();
                  next();
              });
    };
}

void ScreenshotRunner::start()
{
    MirrorScreens* screens = window_->screens();
    if (!screens || !QDir().mkpath(directory_)) {
        std::fprintf(stderr, "reconsole: no mirror open, or cannot create %s\n", qPrintable(directory_));
        emit finished(1);
        return;
    }
    DashboardScreen* dashboard = screens->dashboard();
    OrphanQueueScreen* queue = screens->orphans();
    QWidget* customers = screens->customers();
    const auto customerSignal = customerDoneSignal(customers);
    if (customerSignal.isValid())
        connect(customers, customerSignal, this, metaObject()->method(metaObject()->indexOfSignal("customerReported()")));
    connect(this, &ScreenshotRunner::customerReported, this, [this] { customerReported_ = true; });

    // The window's own parts first: the operator and the approvals badge of the navigation.
    // A merchant partner's view has no refund, audit or quarantine screens to show.
    const bool partner = window_->partnerView().active();
    items::OpsSession* ops = screens->ops();
    steps_ << [=, this](auto next) {
        // Signed in (--as with RECONSOLE_PASSWORD, or a demo's operator), or known not to be.
        await(QStringLiteral("operator"),
              [ops] { return ops->isResolved() && ops->signInState() != items::SignIn::Checking; }, ops,
              &items::OpsSession::operatorResolved, next);
    };
    steps_ << [=, this](auto next) {
        await(QStringLiteral("approvals badge"), [ops, partner] { return partner || !ops->canAct() || ops->hasSummary(); }, ops,
              &items::OpsSession::summaryChanged, next);
    };
    // The cases counted: the dashboard and the navigation show how many are due.
    CasesScreen* cases = screens->cases();
    steps_ << [=, this](auto next) {
        await(QStringLiteral("cases counted"), [ops, cases] { return ops->isResolved() && cases->isLoaded(); }, cases,
              &CasesScreen::loaded, next);
    };
    steps_ << [=, this](auto next) {
        window_->showScreen(ScreenId::Dashboard);
        await(QStringLiteral("dashboard"), [dashboard] { return dashboard->isLoaded(); }, dashboard,
              &DashboardScreen::loaded, [this, next] { save(QStringLiteral("01-dashboard.png")); next(); });
    };
    steps_ << [=, this](auto next) {
        window_->showScreen(ScreenId::Orphans);
        await(QStringLiteral("orphan queue"), [queue] { return queue->isLoaded(); }, queue, &OrphanQueueScreen::loaded,
              next);
    };
    steps_ << [=, this](auto next) {
        auto* model = queue->model();
        await(
            QStringLiteral("likely causes"), [model] { return model->rowCount() == 0 || model->causesKnown(0); }, model,
            &items::OrphanQueueModel::causesLoaded, next);
    };
    steps_ << [=, this](auto next) {
        const auto done = [this, next] { save(QStringLiteral("02-orphan-queue.png")); next(); };
        if (queue->model()->rowCount() == 0)
            return done();
        await(
            QStringLiteral("orphan explanation"), [queue] { return queue->detail()->isLoaded(); }, queue,
            &OrphanQueueScreen::detailLoaded, done, [queue] { queue->selectRow(0); });
    };
    steps_ << [=, this](auto next) {
        const items::QueueRow* first = queue->model()->rowAt(0);
        const QString customer = first ? QString::fromStdString(first->customerId) : QString();
        const auto done = [this, next] { save(QStringLiteral("03-customer.png")); next(); };
        if (customer.isEmpty() || !customerSignal.isValid()) {
            window_->showScreen(ScreenId::Customers);
            return done();
        }
        customerReported_ = false;
        await(
            QStringLiteral("customer timeline"), [this] { return customerReported_; }, this,
            &ScreenshotRunner::customerReported, done, [this, customer] {
                window_->showScreen(ScreenId::Customers);
                window_->screens()->showCustomer(customer);
            });
    };
    addCatalogSteps(QString());
    if (!partner)
        addOpsSteps(QString());
    addCaseSteps(QString());
    if (!partner)
        addQuarantineSteps(QString());
    // The same at the smallest size the console is made for: every screen read again and waited
    // for, as at 1440 (a fixed pause captured half-loaded screens).
    steps_ << [=, this](auto next) {
        window_->resize(1024, 700);
        window_->screens()->refunds()->clearFilters();
        window_->showScreen(ScreenId::Dashboard);
        await(QStringLiteral("dashboard at 1024"), [dashboard] { return dashboard->isLoaded(); }, dashboard,
              &DashboardScreen::loaded, [this, next] { save(QStringLiteral("01-dashboard-1024x700.png")); next(); },
              [dashboard] { dashboard->reload(); });
    };
    steps_ << [=, this](auto next) {
        window_->showScreen(ScreenId::Orphans);
        await(QStringLiteral("orphan queue at 1024"), [queue] { return queue->isLoaded(); }, queue,
              &OrphanQueueScreen::loaded, next, [queue] { queue->reload(); });
    };
    steps_ << [=, this](auto next) {
        auto* model = queue->model();
        await(QStringLiteral("likely causes at 1024"), [model] { return model->rowCount() == 0 || model->causesKnown(0); },
              model, &items::OrphanQueueModel::causesLoaded, next);
    };
    steps_ << [=, this](auto next) {
        const auto done = [this, next] { save(QStringLiteral("02-orphan-queue-1024x700.png")); next(); };
        if (queue->model()->rowCount() == 0)
            return done();
        await(QStringLiteral("orphan explanation at 1024"),
              [queue] { return queue->detail()->isLoaded() && !queue->detail()->ledgerId().isEmpty(); }, queue,
              &OrphanQueueScreen::detailLoaded, done, [queue] { queue->selectRow(0); });
    };
    steps_ << [=, this](auto next) {
        const items::QueueRow* first = queue->model()->rowAt(0);
        const QString customer = first ? QString::fromStdString(first->customerId) : QString();
        const auto done = [this, next] { save(QStringLiteral("03-customer-1024x700.png")); next(); };
        if (customer.isEmpty() || !customerSignal.isValid()) {
            window_->showScreen(ScreenId::Customers);
            return done();
        }
        customerReported_ = false;
        await(
            QStringLiteral("customer timeline at 1024"), [this] { return customerReported_; }, this,
            &ScreenshotRunner::customerReported, done, [this, customer] {
                window_->showScreen(ScreenId::Customers);
                window_->screens()->showCustomer(customer);
            });
    };
    addCatalogSteps(QStringLiteral("-1024x700"));
    if (!partner)
        addOpsSteps(QStringLiteral("-1024x700"));
    addCaseSteps(QStringLiteral("-1024x700"));
    if (!partner)
        addQuarantineSteps(QStringLiteral("-1024x700"));
    runSteps();
}

void ScreenshotRunner::runSteps()
{
    if (steps_.isEmpty()) {
        for (const QString& path : written_)
            std::fprintf(stderr, "wrote %s\n", qPrintable(path));
        for (const QString& p : problems_)
            std::fprintf(stderr, "reconsole: screenshot incomplete: %s\n", qPrintable(p));
        emit finished(problems_.isEmpty() ? 0 : 1);
        return;
    }
    const Step step = steps_.takeFirst();
    step([this] { runSteps(); });
}

}  // namespace reconsole::ui
