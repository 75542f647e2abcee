#include "ui/customer/timeline_filter_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>

#include <algorithm>

namespace reconsole::ui {

namespace {
constexpr int kTypingPauseMs = 200;
}

TimelineFilterBar::TimelineFilterBar(QWidget* parent)
    : QWidget(parent), kind_(new QComboBox), text_(new QLineEdit), typing_(new QTimer(this))
{
    kind_->setObjectName(QStringLiteral("timelineKindFilter"));
    kind_->addItem(tr("모든 기록"), 0);
    for (const items::TimelineKind k : items::timelineKinds())
        kind_->addItem(items::timelineKindLabel(k), int(k));
    kind_->setToolTip(tr("이 종류의 기록만 보여 줍니다. 차트는 필터와 관계없이 모든 입출금을 그립니다."));
    // At 1024×700 neither box may widen the window (the text may scroll).
    kind_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    kind_->setMinimumContentsLength(6);
    text_->setObjectName(QStringLiteral("timelineTextFilter"));
    text_->setPlaceholderText(tr("번호·상품·가맹점·상태로 찾기"));
    text_->setToolTip(tr("주문·결제·원장 번호, 상품이나 가맹점 이름, 상태, 금액의 일부를 입력합니다. "
                         "주문 번호나 상품을 입력하면 그 주문의 기록이 모두 나옵니다."));
    text_->setClearButtonEnabled(true);
    text_->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("번호")) + 40);
    typing_->setObjectName(QStringLiteral("timeline filter typing"));
    typing_->setSingleShot(true);
    typing_->setInterval(kTypingPauseMs);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(kind_);
    layout->addWidget(text_, 1);

    connect(kind_, &QComboBox::activated, this, &TimelineFilterBar::announce);
    // Typed, pasted, composed by the input method or emptied by the clear button (setFilter
    // blocks the signal).
    connect(text_, &QLineEdit::textChanged, typing_, qOverload<>(&QTimer::start));
    connect(text_, &QLineEdit::returnPressed, this, &TimelineFilterBar::announce);
    connect(typing_, &QTimer::timeout, this, &TimelineFilterBar::announce);
}

items::TimelineFilter TimelineFilterBar::filter() const
{
    return {kind_->currentData().toInt(), text_->text()};
}

void TimelineFilterBar::setFilter(const items::TimelineFilter& filter)
{
    typing_->stop();
    const QSignalBlocker blockKind(kind_), blockText(text_);
    kind_->setCurrentIndex(std::max(0, kind_->findData(filter.kinds)));
    text_->setText(filter.text);
}

void TimelineFilterBar::announce()
{
    typing_->stop();
    emit filterChanged(filter());
}

}  // namespace reconsole::ui
