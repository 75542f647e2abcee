#include "ui/cases/open_case_dialog.h"

#include "core/display.h"
#include "core/money.h"
#include "items/case_text.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "items/refund_preview.h"
#include "ops/case_service.h"
#include "ops/refund_service.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace reconsole::ui {
namespace {

constexpr int kLedgerRole = Qt::UserRole + 1;

}  // namespace

OpenCaseDialog::OpenCaseDialog(items::OpsSession* session, const QString& customerId, const QString& ledgerId,
                               QWidget* parent)
    : QDialog(parent),
      session_(session),
      preLinked_(ledgerId),
      opId_(ops::newOperationId()),
      pages_(new QStackedWidget),
      customer_(new QLineEdit(customerId)),
      received_(new QLineEdit(formatSeoul(ops::wallClockNow()).left(16))),
      channel_(new QComboBox),
      amount_(new QLineEdit),
      date_(new QLineEdit),
      text_(new QPlainTextEdit),
      matches_(new QListWidget),
      matchesHint_(new QLabel),
      message_(new QLabel),
      open_(new QPushButton(tr("사건 열기"))),
      link_(new QPushButton(tr("선택한 출금 연결")))
{
    setObjectName(QStringLiteral("openCaseDialog"));
    setWindowTitle(tr("민원 사건 열기"));
    message_->setObjectName(QStringLiteral("openCaseMessage"));
    message_->setWordWrap(true);
    message_->hide();
    pages_->addWidget(buildForm());
    pages_->addWidget(buildMatches());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(pages_, 1);
    layout->addWidget(message_);
    resize(560, 520);
}

QWidget* OpenCaseDialog::buildForm()
{
    customer_->setObjectName(QStringLiteral("caseCustomer"));
    received_->setObjectName(QStringLiteral("caseReceivedAt"));
    received_->setToolTip(tr("서울 시각, 예: 2026-03-11 15:00. 기한은 이 날의 다음 날부터 셉니다."));
    for (const QString& code : items::caseChannelCodes())
        channel_->addItem(items::caseChannelLabel(code.toStdString()), code);
    amount_->setObjectName(QStringLiteral("caseClaimedAmount"));
    amount_->setPlaceholderText(tr("예: 50,000 (모르면 비워 둡니다)"));
    date_->setObjectName(QStringLiteral("caseClaimedDate"));
    date_->setPlaceholderText(tr("YYYY-MM-DD (모르면 비워 둡니다)"));
    text_->setObjectName(QStringLiteral("caseText"));
    text_->setPlaceholderText(tr("고객이 한 말 그대로"));
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    form->addRow(tr("고객 ID"), customer_);
    form->addRow(tr("접수 시각 (서울)"), received_);
    form->addRow(tr("접수 경로"), channel_);
    form->addRow(tr("고객이 말한 금액"), amount_);
    form->addRow(tr("고객이 말한 날짜"), date_);
    form->addRow(tr("고객의 말"), text_);
    auto* buttons = new QDialogButtonBox;
    open_->setObjectName(QStringLiteral("caseOpenSubmit"));
    buttons->addButton(open_, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(open_, &QPushButton::clicked, this, &OpenCaseDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return page;
}

QWidget* OpenCaseDialog::buildMatches()
{
    matches_->setObjectName(QStringLiteral("caseMatches"));
    matchesHint_->setWordWrap(true);
    link_->setObjectName(QStringLiteral("caseLinkChecked"));
    auto* skip = new QPushButton(tr("연결하지 않고 닫기"));
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(matchesHint_);
    layout->addWidget(matches_, 1);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(skip);
    row->addWidget(link_);
    layout->addLayout(row);
    connect(link_, &QPushButton::clicked, this, &OpenCaseDialog::linkChecked);
    connect(skip, &QPushButton::clicked, this, &QDialog::accept);
    return page;
}

QString OpenCaseDialog::messageText() const { return message_->isVisible() ? message_->text() : QString(); }

void OpenCaseDialog::showMessage(const QString& text, bool problem)
{
    message_->setStyleSheet(problem ? QStringLiteral("color: #b01c1c;") : QString());
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

std::optional<Instant> OpenCaseDialog::receivedAt() const
{
    // Typed as Seoul wall-clock time, with or without seconds.
    QString t = received_->text().trimmed().replace(QLatin1Char(' '), QLatin1Char('T'));
    if (t.size() == 16)
        t += QStringLiteral(":00");
    const auto parsed = parseRfc3339((t + QStringLiteral("+09:00")).toStdString());
    return parsed ? std::optional<Instant>(parsed->ms) : std::nullopt;
}

void OpenCaseDialog::submit()
{
    ops::ComplaintDraft draft;
    draft.customerId = customer_->text().trimmed().toStdString();
    draft.channel = channel_->currentData().toString().toStdString();
    draft.text = text_->toPlainText().trimmed().toStdString();
    draft.opId = opId_;
    const auto received = receivedAt();
    if (draft.customerId.empty() || !received) {
        showMessage(tr("고객 ID와 접수 시각(예: 2026-03-11 15:00)을 적어 주세요."), true);
        return;
    }
    draft.receivedAt = *received;
    if (!amount_->text().trimmed().isEmpty()) {
        const auto won = items::parseWonInput(amount_->text());
        if (!won) {
            showMessage(tr("금액은 원 단위 숫자로 적어 주세요 (예: 50,000)."), true);
            return;
        }
        draft.claimedAmount = *won;
    }
    if (const QString d = date_->text().trimmed(); !d.isEmpty()) {
        if (!QDate::fromString(d, Qt::ISODate).isValid()) {
            showMessage(tr("날짜는 2026-03-11처럼 적어 주세요."), true);
            return;
        }
        draft.claimedDate = d.toStdString();
    }
    open_->setEnabled(false);
    session_->worker()->run(
        this, [actor = session_->actorId(), draft](ops::OpsContext& ctx) { return ops::CaseService(ctx).open(actor, draft); },
        [this](std::optional<ops::Result<ops::ComplaintCase>> r, const QString& error) {
            open_->setEnabled(true);
            if (!r || !r->ok()) {
                showMessage(!r ? tr("운영 저장소에 쓰지 못했습니다: %1").arg(error) : items::caseRefusalText(r->refusal()), true);
                return;
            }
            caseId_ = QString::fromStdString(r->value().id);
            showMessage({}, false);
            session_->notifyChanged();
            emit caseOpened(caseId_);
            pages_->setCurrentIndex(1);
            loadMatches();
        });
}

void OpenCaseDialog::loadMatches()
{
    matchesHint_->setText(tr("사건 %1을 열었습니다. 고객의 출금을 찾는 중…").arg(caseId_));
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = caseId_.toStdString()](ops::OpsContext& ctx) {
            return ops::CaseService(ctx).matches(actor, id);
        },
        [this](std::optional<ops::Result<std::vector<ops::DebitMatch>>> r, const QString& error) {
            matches_->clear();
            if (!r || !r->ok()) {
                matchesHint_->setText(!r ? tr("출금을 읽지 못했습니다: %1").arg(error) : items::caseRefusalText(r->refusal()));
            } else {
                for (const ops::DebitMatch& m : r->value()) {
                    QStringList marks;
                    if (m.orphan)
                        marks << tr("미해결");
                    if (m.amountMatches)
                        marks << tr("금액 일치");
                    if (m.dateMatches)
                        marks << tr("날짜 일치");
                    if (m.inCase)
                        marks << tr("사건 %1에 있음").arg(QString::fromStdString(*m.inCase));
                    const QString id = QString::fromStdString(m.ledgerId);
                    auto* item = new QListWidgetItem(tr("%1 · %2 · %3  %4")
                                                         .arg(id, formatWon(m.amount), formatSeoul(m.at),
                                                              marks.join(QStringLiteral(", "))),
                                                     matches_);
                    item->setData(kLedgerRole, id);
                    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                    // Proposed: the debit the case was opened for, and those matching both what the customer named.
                    const bool propose = id == preLinked_ || (m.amountMatches && m.dateMatches);
                    item->setCheckState(propose ? Qt::Checked : Qt::Unchecked);
                }
                matchesHint_->setText(r->value().empty()
                                          ? tr("사건 %1을 열었습니다. 이 고객의 출금이 없습니다.").arg(caseId_)
                                          : tr("사건 %1을 열었습니다. 이 민원에 해당하는 출금을 골라 연결하세요 (다른 사건에 있던 출금은 이 사건으로 옮겨집니다).")
                                                .arg(caseId_));
            }
            matchesLoaded_ = true;
        });
}

void OpenCaseDialog::linkChecked()
{
    std::vector<std::string> ledgers;
    for (int i = 0; i < matches_->count(); ++i)
        if (matches_->item(i)->checkState() == Qt::Checked)
            ledgers.push_back(matches_->item(i)->data(kLedgerRole).toString().toStdString());
    if (ledgers.empty()) {
        accept();
        return;
    }
    link_->setEnabled(false);
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = caseId_.toStdString(), ledgers](ops::OpsContext& ctx) {
            ops::CaseService cases(ctx);
            for (const std::string& l : ledgers)
                if (auto r = cases.link(actor, id, "ledger", l); !r.ok())
                    return std::optional<ops::Refusal>(r.refusal());
            return std::optional<ops::Refusal>();
        },
        [this](std::optional<std::optional<ops::Refusal>> r, const QString& error) {
            link_->setEnabled(true);
            session_->notifyChanged();
            const bool ok = r && !r->has_value();
            if (!r)
                showMessage(tr("운영 저장소에 쓰지 못했습니다: %1").arg(error), true);
            else if (!ok)
                showMessage(items::caseRefusalText(**r), true);
            emit linked(ok);
            if (ok)
                accept();
        });
}

}  // namespace reconsole::ui
