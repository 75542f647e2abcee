#include "ui/customer/customer_header.h"

#include "core/display.h"
#include "recon/explanation_text.h"
#include "recon/timeline.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace reconsole::ui {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString signedWon(std::optional<Money> won)
{
    if (!won)
        return outOfRangeWon();
    return won->isPositive() ? QStringLiteral("+") + formatWon(*won) : formatWon(*won);
}

}  // namespace

CustomerHeader::CustomerHeader(QWidget* parent)
    : QWidget(parent),
      name_(new QLabel),
      facts_(new QLabel),
      orphans_(new QLabel),
      accounts_(new QHBoxLayout),
      accountsArea_(new QScrollArea)
{
    QFont big = name_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    name_->setFont(big);
    name_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    facts_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    orphans_->setObjectName(QStringLiteral("customerOrphanSummary"));

    auto* who = new QVBoxLayout;
    who->setSpacing(2);
    who->addWidget(name_);
    who->addWidget(facts_);
    who->addWidget(orphans_);
    who->addStretch(1);

    accounts_->setSpacing(8);
    accounts_->setContentsMargins(0, 0, 0, 0);
    auto* strip = new QWidget;
    strip->setLayout(accounts_);
    // The cards keep their full width (an amount is never clipped); past the window's width
    // they scroll sideways instead of making the window wider.
    accountsArea_->setObjectName(QStringLiteral("accountCards"));
    accountsArea_->setWidget(strip);
    accountsArea_->setWidgetResizable(true);
    accountsArea_->setFrameShape(QFrame::NoFrame);
    accountsArea_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    accountsArea_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    accountsArea_->setMinimumWidth(120);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(who);
    layout->addSpacing(16);
    layout->addWidget(accountsArea_, 1);
}

void CustomerHeader::setTimeline(const recon::CustomerTimeline& t)
{
    const QString name = t.name.empty() ? tr("(고객 기록 없음)") : q(t.name);
    name_->setText(tr("%1  %2").arg(name, q(t.customerId)));
    QStringList facts;
    if (!t.phoneLast4.empty())
        facts << tr("전화 ***-%1").arg(q(t.phoneLast4));
    if (t.createdAt)
        facts << tr("가입 %1").arg(formatSeoul(t.createdAt).left(10));
    facts_->setText(facts.join(QStringLiteral("  ·  ")));

    int orphanCount = 0;
    for (const auto& e : t.events)
        orphanCount += e.orphan ? 1 : 0;
    if (orphanCount > 0) {
        orphans_->setText(tr("미해결 출금 %Ln건 · %1", nullptr, orphanCount).arg(formatWon(t.orphanTotal)));
        orphans_->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
    } else {
        orphans_->setText(tr("미해결 출금 없음"));
        orphans_->setStyleSheet(QStringLiteral("color: #1b5e20;"));
    }

    while (QLayoutItem* item = accounts_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int tallest = 0;   // the new cards are shown only later, so the layout cannot tell yet
    for (const auto& a : t.accounts) {
        const QString kind = a.kind.empty() ? tr("계정") : recon::accountKindLabel(a.kind);
        const QString title = a.label.empty() ? QStringLiteral("%1 · %2").arg(kind, q(a.id))
                                              : QStringLiteral("%1 · %2").arg(kind, q(a.label));
        // A first page has not read every entry yet: no sum rather than a wrong one.
        const QString detail = t.isFirstPage() ? tr("이전 기록을 읽는 중…")
                                               : tr("출금 %1 · 입금 %2").arg(formatWon(a.debits), formatWon(a.credits));
        QWidget* card = accountCard(title, t.isFirstPage() ? tr("합산 중…") : signedWon(a.net()), detail);
        tallest = std::max(tallest, card->sizeHint().height());
        accounts_->addWidget(card);
    }
    accounts_->addStretch(1);
    // Tall enough for the cards and, when they overflow, the scroll bar under them.
    accountsArea_->setFixedHeight(tallest + accountsArea_->horizontalScrollBar()->sizeHint().height());
}

QWidget* CustomerHeader::accountCard(const QString& title, const QString& net, const QString& detail)
{
    auto* card = new QFrame;
    card->setObjectName(QStringLiteral("accountCard"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setStyleSheet(QStringLiteral("#accountCard { background: palette(base); border: 1px solid palette(mid);"
                                       " border-radius: 6px; }"));
    card->setToolTip(tr("피드에는 시작 잔액이 없으므로, 미러에 있는 기간 동안 들어온 돈에서 나간 돈을 뺀 값입니다. "
                        "잔액이 아닙니다."));
    auto* titleLabel = new QLabel(title);
    QFont bold = titleLabel->font();
    bold.setBold(true);
    titleLabel->setFont(bold);
    auto* caption = new QLabel(tr("기간 내 순증감"));
    caption->setStyleSheet(QStringLiteral("color: palette(dark);"));
    auto* amount = new QLabel(net);
    QFont big = amount->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    amount->setFont(big);
    amount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* detailLabel = new QLabel(detail);
    detailLabel->setStyleSheet(QStringLiteral("color: palette(dark);"));

    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(1);
    layout->addWidget(titleLabel);
    auto* row = new QHBoxLayout;
    row->setSpacing(12);
    row->addWidget(caption);
    row->addStretch(1);
    row->addWidget(amount);
    layout->addLayout(row);
    layout->addWidget(detailLabel);
    return card;
}

}  // namespace reconsole::ui
