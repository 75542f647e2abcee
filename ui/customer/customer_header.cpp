#include "ui/customer/customer_header.h"

#include "core/display.h"
#include "recon/explanation_text.h"
#include "recon/timeline.h"
#include "ui/customer/account_table.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

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
      accounts_(new AccountTable)
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

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(who);
    layout->addSpacing(16);
    layout->addWidget(accounts_, 1, Qt::AlignTop);
    layout->addStretch(0);
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

    QVector<AccountTable::Row> rows;
    for (const auto& a : t.accounts) {
        const QString kind = a.kind.empty() ? tr("계정") : recon::accountKindLabel(a.kind);
        AccountTable::Row row;
        row.account = QStringLiteral("%1 · %2").arg(kind, q(a.label.empty() ? a.id : a.label));
        // A first page has not read every entry yet: no sum rather than a wrong one.
        row.net = t.isFirstPage() ? tr("합산 중…") : signedWon(a.net());
        if (!t.isFirstPage()) {
            row.debits = formatWon(a.debits);
            row.credits = formatWon(a.credits);
        }
        rows.push_back(row);
    }
    accounts_->setRows(rows);
}

}  // namespace reconsole::ui
