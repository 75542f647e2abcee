#include "ui/shell/navigation_panel.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>

namespace reconsole::ui {

QString screenTitle(ScreenId id)
{
    switch (id) {
    case ScreenId::Dashboard: return NavigationPanel::tr("대시보드");
    case ScreenId::Orphans: return NavigationPanel::tr("미해결 출금");
    case ScreenId::Customers: return NavigationPanel::tr("고객");
    case ScreenId::Catalog: return NavigationPanel::tr("상품 카탈로그");
    case ScreenId::Refunds: return NavigationPanel::tr("환불");
    case ScreenId::AuditLog: return NavigationPanel::tr("감사 로그");
    case ScreenId::Cases: return NavigationPanel::tr("민원 사건");
    case ScreenId::Quarantine: return NavigationPanel::tr("격리된 줄");
    }
    return {};
}

NavigationPanel::NavigationPanel(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("navigation"));
    for (int i = 0; i < kScreenCount; ++i) {
        auto* item = new QListWidgetItem(screenTitle(static_cast<ScreenId>(i)), this);
        item->setSizeHint(QSize(0, fontMetrics().height() + 18));
    }
    setFrameShape(QFrame::NoFrame);
    // Keep the item text off the window edge (item padding from a style sheet is ignored here).
    setViewportMargins(12, 4, 0, 0);
    setFixedWidth(std::max(170, fontMetrics().horizontalAdvance(screenTitle(ScreenId::Catalog)) + 48));
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            emit screenChosen(static_cast<ScreenId>(row));
    });
}

void NavigationPanel::setCurrentScreen(ScreenId id) { setCurrentRow(int(id)); }

void NavigationPanel::setPartnerView(bool partner)
{
    for (int i = 0; i < kScreenCount; ++i)
        setRowHidden(i, partner && !inPartnerView(static_cast<ScreenId>(i)));
}

void NavigationPanel::setBadge(ScreenId id, int count)
{
    QListWidgetItem* entry = item(int(id));
    if (!entry)
        return;
    entry->setData(Qt::UserRole, count);
    entry->setText(count > 0 ? tr("%1 (%2)").arg(screenTitle(id)).arg(count) : screenTitle(id));
    QFont font = entry->font();
    font.setBold(count > 0);
    entry->setFont(font);
    entry->setToolTip(count > 0 && id == ScreenId::Refunds ? tr("내 승인을 기다리는 환불 요청 %Ln건", nullptr, count) : QString());
}

void NavigationPanel::setCaseCounts(int dueSoon, int overdue)
{
    setBadge(ScreenId::Cases, dueSoon + overdue);
    QListWidgetItem* entry = item(int(ScreenId::Cases));
    if (!entry)
        return;
    entry->setForeground(overdue > 0 ? QBrush(QColor(0xb0, 0x1c, 0x1c)) : QBrush());
    entry->setToolTip(dueSoon + overdue > 0 ? tr("기한 지난 사건 %1건, 3일 안에 기한인 사건 %2건").arg(overdue).arg(dueSoon)
                                            : QString());
}

int NavigationPanel::badge(ScreenId id) const
{
    const QListWidgetItem* entry = item(int(id));
    return entry ? entry->data(Qt::UserRole).toInt() : 0;
}

}  // namespace reconsole::ui
