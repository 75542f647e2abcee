#include "ui/shell/screenshot_runner.h"
#include "ui/shell/screenshot_await.h"

#include "items/ops_session.h"
#include "items/orphan_queue_model.h"
#include "items/refund_list_model.h"
#include "ui/audit/audit_screen.h"
#include "ui/cases/cases_screen.h"
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

#include <algorithm>
#include <cstdio>
#include <memory>

namespace reconsole::ui {
namespace {

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

namespace {

// From the window down, each time the child that asks for the most width: what made a window
// wider than it was asked to be.
QString widestChain(const QWidget* window)
{
    QStringList chain;
    for (const QWidget* w = window; w;) {
        const int need = std::max(w->minimumSizeHint().width(), w->minimumWidth());
        chain << QStringLiteral("%1%2 %3 px").arg(QString::fromLatin1(w->metaObject()->className()),
                                                 w->objectName().isEmpty() ? QString() : " #" + w->objectName())
                     .arg(need);
        const QWidget* next = nullptr;
        int widest = 0;
        for (const QWidget* c : w->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
            const int n = std::max(c->minimumSizeHint().width(), c->minimumWidth());
            if (c->isVisible() && n > widest) {
                widest = n;
                next = c;
            }
        }
        w = next;
    }
    return chain.join(QStringLiteral(" > "));
}

}  // namespace

void ScreenshotRunner::checkSmallSize(const QString& name)
{
    if (name.contains(QStringLiteral("-1024x700")) && window_->width() != 1024)
        problems_ << QStringLiteral("%1: the window is %2 px wide, not 1024: %3")
                         .arg(name).arg(window_->width()).arg(widestChain(window_));
}

void ScreenshotRunner::save(const QString& name)
{
    checkSmallSize(name);
    const QString path = QDir(directory_).filePath(name);
    if (window_->grab().save(path, "PNG"))
        written_ << path;
    else
        problems_ << QStringLiteral("could not write %1").arg(path);
}

void ScreenshotRunner::saveWithDialog(const QString& name, QWidget* dialog)
{
    checkSmallSize(name);
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
