#include "ui/cases/case_policy_dialog.h"

#include "cases/legal_deadline.h"
#include "core/display.h"
#include "items/case_text.h"
#include "items/ops_session.h"
#include "items/ops_worker.h"
#include "ops/case_service.h"
#include "ops/permissions.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace reconsole::ui {

CasePolicyDialog::CasePolicyDialog(items::OpsSession* session, QWidget* parent)
    : QDialog(parent),
      session_(session),
      days_(new QSpinBox),
      extend_(new QCheckBox(tr("마지막 날이 토요일이나 공휴일이면 다음 평일까지 (민법 제161조)"))),
      holidays_(new QPlainTextEdit),
      source_(new QLabel),
      message_(new QLabel(tr("기한 규칙을 읽는 중…"))),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("casePolicyDialog"));
    setWindowTitle(tr("답변 기한 규칙"));
    days_->setRange(1, 365);
    days_->setSuffix(tr("일"));
    days_->setObjectName(QStringLiteral("policyDays"));
    extend_->setObjectName(QStringLiteral("policyExtend"));
    holidays_->setObjectName(QStringLiteral("policyHolidays"));
    holidays_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    holidays_->setPlaceholderText(tr("2026-10-05 개천절 대체공휴일"));
    message_->setObjectName(QStringLiteral("policyMessage"));
    message_->setWordWrap(true);
    auto* shipped = new QPushButton(tr("출시 목록으로"));
    shipped->setObjectName(QStringLiteral("policyShipped"));
    shipped->setToolTip(tr("Reconsole과 함께 배포된 2026–2027년 공휴일 목록을 다시 씁니다."));

    auto* form = new QFormLayout;
    form->addRow(tr("기간"), days_);
    form->addRow(QString(), extend_);
    form->addRow(tr("공휴일 (한 줄에 하나: 날짜 이름)"), source_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("받은 날은 0시에 시작하지 않았으면 세지 않습니다 (민법 제157조). 일요일은 늘 공휴일입니다.")));
    layout->addLayout(form);
    layout->addWidget(holidays_, 1);
    layout->addWidget(shipped, 0, Qt::AlignLeft);
    layout->addWidget(message_);
    layout->addWidget(buttons_);
    resize(560, 520);

    const bool admin = session->actingOperator() && ops::allows(*session->actingOperator(), ops::Permission::ChangePolicy);
    for (QWidget* w : std::initializer_list<QWidget*>{days_, extend_, holidays_, shipped, buttons_->button(QDialogButtonBox::Save)})
        w->setEnabled(false);
    connect(buttons_, &QDialogButtonBox::accepted, this, &CasePolicyDialog::save);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(shipped, &QPushButton::clicked, this, &CasePolicyDialog::useShippedHolidays);
    connect(holidays_, &QPlainTextEdit::textChanged, this, [this] {
        shipped_ = false;
        source_->setText(tr("관리자가 고친 목록"));
    });
    session->worker()->run(
        this, [actor = session->actorId()](ops::OpsContext& ctx) { return ops::readCasePolicy(ctx, actor); },
        [this, admin, shipped](std::optional<ops::Result<ops::CasePolicy>> r, const QString& error) {
            if (!r)
                showMessage(tr("기한 규칙을 읽지 못했습니다: %1").arg(error), true);
            else if (!r->ok())
                showMessage(items::caseRefusalText(r->refusal()), true);
            else {
                present(r->value());
                // Others read the rule as plain text (read-only, not greyed out).
                days_->setEnabled(true);
                holidays_->setEnabled(true);
                days_->setReadOnly(!admin);
                holidays_->setReadOnly(!admin);
                for (QWidget* w : std::initializer_list<QWidget*>{extend_, shipped, buttons_->button(QDialogButtonBox::Save)})
                    w->setEnabled(admin);
                showMessage(admin ? QString() : tr("기한 규칙은 관리자만 바꿀 수 있습니다."), false);
            }
            loaded_ = true;
            emit loaded();
        });
}

void CasePolicyDialog::present(const ops::CasePolicy& p)
{
    days_->setValue(p.days);
    extend_->setChecked(p.extend);
    const QSignalBlocker quiet(holidays_);
    holidays_->setPlainText(QString::fromStdString(p.holidays.value_or(cases::HolidayCalendar::shipped().toText())));
    shipped_ = !p.holidays;
    QString source = shipped_ ? tr("출시 목록 (2026–2027)") : tr("관리자가 정한 목록");
    if (p.changedBy)
        source += tr(" · %1 %2에 바꿈").arg(QString::fromStdString(*p.changedBy), formatSeoul(p.changedAt.value_or(0)));
    source_->setText(source);
}

void CasePolicyDialog::useShippedHolidays()
{
    const QSignalBlocker quiet(holidays_);
    holidays_->setPlainText(QString::fromStdString(cases::HolidayCalendar::shipped().toText()));
    shipped_ = true;
    source_->setText(tr("출시 목록 (2026–2027)"));
}

QString CasePolicyDialog::messageText() const { return message_->isVisible() ? message_->text() : QString(); }

void CasePolicyDialog::showMessage(const QString& text, bool problem)
{
    message_->setStyleSheet(problem ? QStringLiteral("color: #b01c1c;") : QString());
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void CasePolicyDialog::save()
{
    if (!session_->canAct()) {   // refused here, never kept to be sent later
        showMessage(session_->cannotActReason(), true);
        emit saved(false);
        return;
    }
    buttons_->setEnabled(false);
    const int days = days_->value();
    const bool extend = extend_->isChecked();
    const auto list = shipped_ ? std::nullopt : std::optional<std::string>(holidays_->toPlainText().toStdString());
    session_->worker()->run(
        this,
        [actor = session_->actorId(), days, extend, list](ops::OpsContext& ctx) {
            return ops::changeCasePolicy(ctx, actor, days, extend, list);
        },
        [this](std::optional<ops::Result<ops::CasePolicy>> r, const QString& error) {
            buttons_->setEnabled(true);
            const bool ok = r && r->ok();
            if (!r)
                showMessage(tr("운영 저장소에 쓰지 못했습니다: %1").arg(error), true);
            else if (!r->ok())
                showMessage(items::caseRefusalText(r->refusal()), true);
            else
                session_->notifyChanged();   // every clock is read again under the new rule
            emit saved(ok);
            if (ok)
                accept();
        });
}

}  // namespace reconsole::ui
