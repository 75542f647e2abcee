#include "ui/cases/case_detail_pane.h"

#include "core/display.h"
#include "core/money.h"
#include "items/case_text.h"
#include "items/case_timeline.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "notice/notice_pdf.h"
#include "ops/case_notice.h"
#include "ops/mirror_facts.h"
#include "ops/permissions.h"
#include "ui/widgets/wrapping_label.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStringList>
#include <QVBoxLayout>

#include <map>

namespace reconsole::ui {

struct CaseDetailPane::Detail {
    std::optional<ops::Result<ops::CaseView>> view;
    std::map<std::string, Money> debitAmounts;   // ledger id -> amount, for the links
    std::optional<std::string> notice;           // the plain text, once answered
    std::vector<std::string> orders;             // the case's orders the mirror shows (a partner's notes)
};

namespace {

QLabel* sectionLabel(const QString& objectName)
{
    auto* l = new WrappingLabel;
    l->setObjectName(objectName);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return l;
}

QGroupBox* section(const QString& title, QWidget* content)
{
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

QString q(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

CaseDetailPane::CaseDetailPane(items::OpsSession* session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      header_(sectionLabel(QStringLiteral("caseHeader"))),
      facts_(sectionLabel(QStringLiteral("caseFacts"))),
      clock_(sectionLabel(QStringLiteral("caseClock"))),
      links_(sectionLabel(QStringLiteral("caseLinks"))),
      outcome_(sectionLabel(QStringLiteral("caseOutcome"))),
      notes_(sectionLabel(QStringLiteral("caseNotes"))),
      timeline_(sectionLabel(QStringLiteral("caseTimeline"))),
      message_(sectionLabel(QStringLiteral("caseDetailMessage"))),
      noteEdit_(new QLineEdit),
      noteOrder_(new QComboBox),
      addNote_(new QPushButton(tr("메모 추가"))),
      notice_(new QPlainTextEdit),
      savePdf_(new QPushButton(tr("통지서를 PDF로 저장…"))),
      spokenChannel_(new QComboBox),
      recordNotice_(new QPushButton(tr("통지 기록")))
{
    setObjectName(QStringLiteral("caseDetail"));
    QFont bold = header_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    header_->setFont(bold);

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->addWidget(header_);
    column->addWidget(message_);
    column->addWidget(section(tr("민원"), facts_));
    column->addWidget(section(tr("기한 (2주, 서울 날짜)"), clock_));
    column->addWidget(section(tr("연결된 항목"), links_));
    column->addWidget(section(tr("결과"), outcome_));
    column->addWidget(buildNotes());
    column->addWidget(section(tr("사건 경과"), timeline_));
    column->addWidget(buildNotice());
    column->addStretch(1);

    auto* scroll = new QScrollArea;
    scroll_ = scroll;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    // No horizontal scroll bar: the pane is never narrower than its widest row of buttons, so
    // nothing in it is cut off; the labels wrap.
    setMinimumWidth(content->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());

    connect(addNote_, &QPushButton::clicked, this, &CaseDetailPane::addNote);
    connect(noteEdit_, &QLineEdit::returnPressed, this, &CaseDetailPane::addNote);
    connect(savePdf_, &QPushButton::clicked, this, [this] { saveNoticePdf(); });
    connect(recordNotice_, &QPushButton::clicked, this, &CaseDetailPane::recordSpokenNotice);
    clear(tr("사건을 고르면 내용이 여기에 나옵니다."));
}

QWidget* CaseDetailPane::buildNotes()
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    noteEdit_->setObjectName(QStringLiteral("caseNoteEdit"));
    noteEdit_->setPlaceholderText(tr("확인한 것, 고객에게 들은 것"));
    addNote_->setObjectName(QStringLiteral("caseAddNote"));
    // A merchant partner's note is about one of its orders in the case: it chooses which.
    noteOrder_->setObjectName(QStringLiteral("caseNoteOrder"));
    noteOrder_->setToolTip(tr("메모가 가리키는 우리 가게 주문"));
    noteOrder_->hide();
    row->addWidget(noteOrder_);
    row->addWidget(noteEdit_, 1);
    row->addWidget(addNote_);
    layout->addWidget(notes_);
    layout->addLayout(row);
    return section(tr("메모"), box);
}

QWidget* CaseDetailPane::buildNotice()
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    notice_->setObjectName(QStringLiteral("caseNoticePreview"));
    notice_->setReadOnly(true);
    notice_->setMinimumHeight(12 * fontMetrics().lineSpacing());
    savePdf_->setObjectName(QStringLiteral("caseSaveNoticePdf"));
    savePdf_->setToolTip(tr("서면 통지서를 PDF로 쓰고, 보낸 것으로 사본과 함께 기록합니다."));
    recordNotice_->setObjectName(QStringLiteral("caseRecordNotice"));
    recordNotice_->setToolTip(tr("고객이 원해서 전화·이메일·채팅으로 알린 것을 이 내용으로 기록합니다."));
    spokenChannel_->setObjectName(QStringLiteral("caseNoticeChannel"));
    for (const char* code : {"phone", "email", "chat"})
        spokenChannel_->addItem(items::caseChannelLabel(code), QString::fromLatin1(code));
    auto* row = new QHBoxLayout;
    row->addWidget(savePdf_);
    row->addStretch(1);
    row->addWidget(spokenChannel_);
    row->addWidget(recordNotice_);
    layout->addWidget(notice_);
    layout->addLayout(row);
    return section(tr("고객 통지 (원인과 결과)"), box);
}

QString CaseDetailPane::factsText() const { return facts_->text(); }
QString CaseDetailPane::clockText() const { return clock_->text(); }
QString CaseDetailPane::linksText() const { return links_->text(); }
QString CaseDetailPane::notesText() const { return notes_->text(); }
QString CaseDetailPane::timelineText() const { return timeline_->text(); }
QString CaseDetailPane::outcomeText() const { return outcome_->text(); }
QString CaseDetailPane::noticePreview() const { return notice_->toPlainText(); }
QString CaseDetailPane::messageText() const { return message_->isVisible() ? message_->text() : QString(); }

void CaseDetailPane::scrollToNotice() { scroll_->ensureWidgetVisible(savePdf_); }

void CaseDetailPane::showCase(const QString& caseId)
{
    if (caseId == caseId_ && loaded_)
        return;
    if (caseId != caseId_)
        scroll_->verticalScrollBar()->setValue(0);   // another case starts at its top
    caseId_ = caseId;
    reload();
}

void CaseDetailPane::reload()
{
    loaded_ = false;
    const quint64 generation = ++generation_;
    if (caseId_.isEmpty()) {
        clear(tr("사건을 고르면 내용이 여기에 나옵니다."));
        loaded_ = true;
        emit loaded();
        return;
    }
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = caseId_.toStdString(), asOf = asOf_](ops::OpsContext& ctx) {
            Detail d;
            ops::CaseService cases(ctx);
            d.view = cases.show(actor, id, asOf.value_or(ctx.now()));
            if (!d.view->ok())
                return d;
            if (const auto debits = cases.matches(actor, id); debits.ok())
                for (const ops::DebitMatch& m : debits.value())
                    d.debitAmounts[m.ledgerId] = m.amount;
            for (const ops::CaseLink& l : d.view->value().links) {
                const auto debit = l.kind == "ledger" ? ops::findLedgerEntry(ctx.mirror, l.targetId) : std::nullopt;
                const auto order = l.kind == "order" ? std::optional<std::string>(l.targetId)
                                   : debit           ? debit->orderId
                                                     : std::nullopt;
                if (order && std::find(d.orders.begin(), d.orders.end(), *order) == d.orders.end())
                    d.orders.push_back(*order);
            }
            const ops::CaseState s = d.view->value().row.c.state;
            if (s == ops::CaseState::Answered || s == ops::CaseState::Closed)
                if (const auto doc = ops::composeNotice(ctx, actor, id); doc.ok())
                    d.notice = doc.value().plainText();
            return d;
        },
        [this, generation](std::optional<Detail> d, const QString& error) {
            if (generation != generation_)
                return;   // another case was chosen meanwhile
            if (!d)
                clear(tr("사건을 읽지 못했습니다: %1").arg(error));
            else if (!d->view->ok())
                clear(items::caseRefusalText(d->view->refusal()));
            else
                present(*d);
            loaded_ = true;
            emit loaded();
        });
}

void CaseDetailPane::present(const Detail& d)
{
    const ops::CaseView& v = d.view->value();
    const ops::ComplaintCase& c = v.row.c;
    const ops::CaseClock& k = v.row.clock;
    header_->setText(tr("%1 · %2 · %3").arg(q(c.id), items::caseStateLabel(c.state), items::caseOriginLabel(c.origin)));
    message_->hide();

    QStringList facts;
    facts << tr("고객: %1").arg(q(c.customerId));
    facts << tr("경로: %1").arg(c.channel ? items::caseChannelLabel(*c.channel) : tr("자체 발견"));
    facts << tr("접수: %1").arg(formatSeoul(c.receivedAt));
    if (c.claimedAmount || c.claimedDate)
        facts << tr("고객이 말한 금액·날짜: %1 · %2")
                     .arg(c.claimedAmount ? formatWon(*c.claimedAmount) : QStringLiteral("-"),
                          c.claimedDate ? q(*c.claimedDate) : QStringLiteral("-"));
    facts << tr("고객의 말: %1").arg(c.text.empty() ? QStringLiteral("-") : q(c.text));
    facts << tr("담당: %1").arg(c.owner ? q(*c.owner) : QStringLiteral("-"));
    facts_->setText(facts.join(QLatin1Char('\n')));

    clock_->setText(tr("시작 %1\n마지막 날 %2 · %3")
                        .arg(formatSeoul(k.start), k.lastDay.toString(Qt::ISODate), items::caseDaysLeftText(k)));
    const bool overdue = k.running && k.overdue;
    clock_->setStyleSheet(overdue ? QStringLiteral("color: #b01c1c; font-weight: bold;")
                          : k.running && k.dueSoon ? QStringLiteral("color: #8a5a00; font-weight: bold;")
                                                   : QString());

    QStringList links;
    for (const ops::CaseLink& l : v.links) {
        QString line = tr("%1 %2").arg(items::caseLinkKindLabel(l.kind), q(l.targetId));
        if (const auto it = d.debitAmounts.find(l.targetId); l.kind == "ledger" && it != d.debitAmounts.end())
            line += tr(" · %1").arg(formatWon(it->second));
        links << line;
    }
    links_->setText(links.isEmpty() ? tr("연결된 항목이 없습니다.") : links.join(QLatin1Char('\n')));

    QString outcome = c.outcome ? items::caseOutcomeLabel(*c.outcome) : tr("아직 답변하지 않았습니다.");
    if (c.answeredAt)
        outcome += tr(" · 답변 %1").arg(formatSeoul(*c.answeredAt));
    if (c.answeredLate)
        outcome += tr(" · 기한이 지난 뒤 답변");
    if (!c.outcomeNote.empty())
        outcome += QLatin1Char('\n') + q(c.outcomeNote);
    outcome_->setText(outcome);

    QStringList notes;
    for (const ops::CaseNote& n : v.notes)
        notes << (n.orderId ? tr("%1 %2 (주문 %3): %4").arg(formatSeoul(n.at), q(n.writtenBy), q(*n.orderId), q(n.text))
                            : tr("%1 %2: %3").arg(formatSeoul(n.at), q(n.writtenBy), q(n.text)));
    noteOrder_->clear();
    for (const std::string& order : d.orders)
        noteOrder_->addItem(q(order), q(order));
    notes_->setText(notes.isEmpty() ? tr("메모가 없습니다.") : notes.join(QLatin1Char('\n')));
    timeline_->setText(items::caseTimelineText(items::caseTimeline(v)));

    answered_ = d.notice.has_value();
    notice_->setPlainText(answered_ ? q(*d.notice) : tr("답변한 사건에 대해 통지서를 만듭니다."));
    updateActions(answered_);
}

void CaseDetailPane::clear(const QString& why)
{
    header_->setText(tr("사건"));
    for (QLabel* l : {facts_, clock_, links_, outcome_, notes_, timeline_})
        l->setText(QStringLiteral("-"));
    notice_->clear();
    noteOrder_->clear();
    answered_ = false;
    showMessage(why, false);
    updateActions(false);
}

void CaseDetailPane::showMessage(const QString& text, bool problem)
{
    message_->setStyleSheet(problem ? QStringLiteral("color: #b01c1c;") : QStringLiteral("color: #1e7b34;"));
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void CaseDetailPane::updateActions(bool answered)
{
    // The service decides; a disabled button only spares a refusal. A reader who may not work
    // cases (an admin, a merchant) sees the case but none of its actions.
    const ops::Operator* me = session_->actingOperator() ? &*session_->actingOperator() : nullptr;
    const bool ready = session_->canAct() && !caseId_.isEmpty() && me;
    const bool can = ready && ops::allows(*me, ops::Permission::WorkCases);
    // A partner notes one of its orders in the case, and nothing else of it.
    const bool partner = me && ops::isMerchantPartner(*me);
    const bool mayNote = ready && ops::allows(*me, ops::Permission::NoteCase) && (!partner || noteOrder_->count() > 0);
    noteOrder_->setVisible(partner);
    noteEdit_->setEnabled(mayNote);
    addNote_->setEnabled(mayNote);
    savePdf_->setEnabled(can && answered);
    spokenChannel_->setEnabled(can && answered);
    recordNotice_->setEnabled(can && answered);
}

void CaseDetailPane::addNote()
{
    const std::string text = noteEdit_->text().trimmed().toStdString();
    if (text.empty() || caseId_.isEmpty() || !addNote_->isEnabled())
        return;
    addNote_->setEnabled(false);
    const QString chosen = noteOrder_->isVisible() ? noteOrder_->currentData().toString() : QString();
    const auto order = chosen.isEmpty() ? std::nullopt : std::optional<std::string>(chosen.toStdString());
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = caseId_.toStdString(), text, order](ops::OpsContext& ctx) {
            return ops::CaseService(ctx).note(actor, id, text, order);
        },
        [this](std::optional<ops::Result<ops::CaseNote>> r, const QString& error) {
            const bool ok = r && r->ok();
            if (!r)
                showMessage(tr("운영 저장소에 쓰지 못했습니다: %1").arg(error), true);
            else if (!r->ok())
                showMessage(items::caseRefusalText(r->refusal()), true);
            else
                noteEdit_->clear();
            addNote_->setEnabled(true);
            emit changed();
            emit actionFinished(ok);
        });
}

void CaseDetailPane::saveNoticePdf(const QString& chosen)
{
    if (!answered_ || caseId_.isEmpty())
        return;
    const QString path = !chosen.isEmpty() ? chosen
                                           : QFileDialog::getSaveFileName(this, tr("통지서 저장"),
                                                                          caseId_ + QStringLiteral("-notice.pdf"),
                                                                          tr("PDF 문서 (*.pdf)"));
    if (path.isEmpty())
        return;
    savePdf_->setEnabled(false);
    // Composed, rendered, written and recorded on the worker: the GUI thread only waits.
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = caseId_.toStdString(), path](ops::OpsContext& ctx) -> ops::Result<ops::CaseNotice> {
            const auto doc = ops::composeNotice(ctx, actor, id);
            if (!doc.ok())
                return doc.refusal();
            const QByteArray pdf = notice::renderNoticePdf(doc.value());
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
                return ops::refuse(ops::RefusalCode::InvalidInput, "cannot write " + path.toStdString());
            file.close();
            return ops::CaseService(ctx).recordNotice(actor, id, "document", doc.value().plainText(),
                                                      pdf.toBase64().toStdString());
        },
        [this, path](std::optional<ops::Result<ops::CaseNotice>> r, const QString& error) {
            const bool ok = r && r->ok();
            if (!r)
                showMessage(tr("통지서를 만들지 못했습니다: %1").arg(error), true);
            else if (!r->ok())
                showMessage(items::caseRefusalText(r->refusal()), true);
            else
                emit statusMessage(tr("통지서를 저장하고 서면 통지로 기록했습니다: %1").arg(path));
            emit changed();
            emit actionFinished(ok);
        });
}

void CaseDetailPane::recordSpokenNotice()
{
    if (!answered_ || caseId_.isEmpty())
        return;
    const std::string channel = spokenChannel_->currentData().toString().toStdString();
    recordNotice_->setEnabled(false);
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = caseId_.toStdString(), channel,
         text = notice_->toPlainText().toStdString()](ops::OpsContext& ctx) {
            return ops::CaseService(ctx).recordNotice(actor, id, channel, text);
        },
        [this](std::optional<ops::Result<ops::CaseNotice>> r, const QString& error) {
            const bool ok = r && r->ok();
            if (!r)
                showMessage(tr("운영 저장소에 쓰지 못했습니다: %1").arg(error), true);
            else if (!r->ok())
                showMessage(items::caseRefusalText(r->refusal()), true);
            else
                emit statusMessage(tr("통지를 기록했습니다 (%1).")
                                       .arg(items::caseChannelLabel(r->value().channel)));
            emit changed();
            emit actionFinished(ok);
        });
}

}  // namespace reconsole::ui
