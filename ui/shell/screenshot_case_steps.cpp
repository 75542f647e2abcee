// The screenshot run's Cases steps: the most urgent case, an answered one, the deadline rule.
#include "ui/shell/screenshot_await.h"

#include "items/case_list_model.h"
#include "items/ops_session.h"
#include "ui/cases/case_detail_pane.h"
#include "ui/cases/case_policy_dialog.h"
#include "ui/cases/cases_screen.h"
#include "ui/main_window.h"
#include "ui/shell/mirror_screens.h"

#include <QPointer>

namespace reconsole::ui {

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

}  // namespace reconsole::ui
