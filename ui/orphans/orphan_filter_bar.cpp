#include "ui/orphans/orphan_filter_bar.h"

#include "core/display.h"
#include "items/dashboard_stats.h"
#include "items/merchant_choice_model.h"
#include "recon/explanation_text.h"

#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>

namespace reconsole::ui {
namespace {

constexpr DurationMs kHourMs = 60 * kMinuteMs;
constexpr DurationMs kDayMs = 24 * kHourMs;

QSpinBox* amountBox(const QString& none)
{
    auto* box = new QSpinBox;
    box->setRange(0, 2'000'000'000);
    box->setSingleStep(10'000);
    box->setPrefix(QStringLiteral("₩"));
    box->setGroupSeparatorShown(true);
    box->setSpecialValueText(none);
    box->setAlignment(Qt::AlignRight);
    box->setKeyboardTracking(false);
    box->setMinimumWidth(120);
    return box;
}

}  // namespace

OrphanFilterBar::OrphanFilterBar(items::MerchantChoiceModel* merchants, QWidget* parent)
    : QWidget(parent),
      merchants_(merchants),
      class_(new QComboBox),
      merchant_(new QComboBox),
      age_(new QComboBox),
      minAmount_(amountBox(tr("하한 없음"))),
      maxAmount_(amountBox(tr("상한 없음"))),
      text_(new QLineEdit),
      fromDay_(new QDateEdit),
      toDay_(new QDateEdit),
      day_(new QToolButton),
      clear_(new QToolButton),
      typing_(new QTimer(this))
{
    class_->setObjectName(QStringLiteral("classFilter"));
    merchant_->setObjectName(QStringLiteral("merchantFilter"));
    age_->setObjectName(QStringLiteral("ageFilter"));
    minAmount_->setObjectName(QStringLiteral("minAmountFilter"));
    maxAmount_->setObjectName(QStringLiteral("maxAmountFilter"));
    text_->setObjectName(QStringLiteral("textFilter"));
    day_->setObjectName(QStringLiteral("dayFilter"));
    clear_->setObjectName(QStringLiteral("clearFilter"));

    class_->addItem(tr("모든 유형"), -1);
    for (int c = 0; c < kOrphanClassCount; ++c)
        class_->addItem(recon::classLabel(static_cast<OrphanClass>(c)), c);
    merchant_->setModel(merchants_);
    merchant_->setMinimumContentsLength(14);
    merchant_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    age_->addItem(tr("모든 경과 시간"), qint64(0));
    age_->addItem(tr("1시간 이상"), qint64(kHourMs));
    age_->addItem(tr("1일 이상"), qint64(kDayMs));
    age_->addItem(tr("3일 이상"), qint64(3 * kDayMs));
    age_->addItem(tr("7일 이상"), qint64(7 * kDayMs));
    age_->addItem(tr("30일 이상"), qint64(30 * kDayMs));
    text_->setPlaceholderText(tr("원장·고객·주문·결제 번호, 고객 이름, 가맹점, 상품"));
    text_->setClearButtonEnabled(true);
    text_->setMinimumWidth(260);
    for (QDateEdit* box : {fromDay_, toDay_}) {
        // The earliest date reads "처음부터" / "끝까지": no bound on that side.
        box->setCalendarPopup(true);
        box->setMinimumDate(noBound());
        box->setDate(noBound());
        box->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    fromDay_->setObjectName(QStringLiteral("queueFromDay"));
    toDay_->setObjectName(QStringLiteral("queueToDay"));
    fromDay_->setSpecialValueText(tr("처음부터"));
    toDay_->setSpecialValueText(tr("끝까지"));
    fromDay_->setToolTip(tr("이 날(서울 시각)부터 출금된 것만 봅니다."));
    toDay_->setToolTip(tr("이 날(서울 시각)까지 출금된 것만 봅니다. 그날 하루 전체가 들어갑니다."));
    day_->setToolTip(tr("대시보드에서 고른 날짜입니다. 누르면 날짜 조건을 지웁니다."));
    day_->hide();
    clear_->setText(tr("필터 초기화"));
    typing_->setObjectName(QStringLiteral("queue filter typing"));
    typing_->setSingleShot(true);
    typing_->setInterval(250);

    // Two rows, so that the queue fits a 1024 px wide window (a laptop with a docked panel):
    // the choices on the first, the search with its buttons on the second.
    auto* choices = new QHBoxLayout;
    choices->addWidget(class_);
    choices->addWidget(merchant_);
    choices->addWidget(age_);
    choices->addWidget(new QLabel(tr("금액")));
    choices->addWidget(minAmount_);
    choices->addWidget(new QLabel(QStringLiteral("~")));
    choices->addWidget(maxAmount_);
    choices->addStretch(1);
    auto* search = new QHBoxLayout;
    search->addWidget(text_, 1);
    search->addWidget(new QLabel(tr("출금일")));
    search->addWidget(fromDay_);
    search->addWidget(new QLabel(QStringLiteral("~")));
    search->addWidget(toDay_);
    search->addWidget(day_);
    search->addWidget(clear_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(choices);
    layout->addLayout(search);

    const auto read = [this] {
        if (!showing_)
            readWidgets();
    };
    connect(class_, &QComboBox::currentIndexChanged, this, read);
    // Only a person's choice: the list reloading after an import must not change the filter.
    connect(merchant_, &QComboBox::activated, this, read);
    connect(age_, &QComboBox::currentIndexChanged, this, read);
    connect(minAmount_, &QSpinBox::valueChanged, this, read);
    connect(maxAmount_, &QSpinBox::valueChanged, this, read);
    connect(fromDay_, &QDateEdit::dateChanged, this, read);
    connect(toDay_, &QDateEdit::dateChanged, this, read);
    connect(text_, &QLineEdit::textChanged, typing_, qOverload<>(&QTimer::start));
    connect(text_, &QLineEdit::returnPressed, this, read);
    connect(typing_, &QTimer::timeout, this, read);
    connect(day_, &QToolButton::clicked, this, [this] {
        auto f = filter_;
        f.from.reset();
        f.to.reset();
        setFilter(f);
    });
    connect(clear_, &QToolButton::clicked, this, [this] { setFilter({}); });
    // The merchant list reloads after an import: keep showing the merchant filtered on.
    connect(merchants_, &QAbstractItemModel::modelReset, this, &OrphanFilterBar::showMerchant);
    showFilter();
}

void OrphanFilterBar::setFilter(const items::OrphanFilter& filter)
{
    const bool changed = !(filter == filter_);
    filter_ = filter;
    showFilter();
    if (changed)
        emit filterChanged(filter_);
}

void OrphanFilterBar::readWidgets()
{
    typing_->stop();
    items::OrphanFilter f = filter_;
    const int cls = class_->currentData().toInt();
    f.cls = cls < 0 ? std::nullopt : std::optional(static_cast<OrphanClass>(cls));
    if (merchant_->currentIndex() >= 0)
        f.merchantId = merchants_->merchantAt(merchant_->currentIndex());
    f.minAge = age_->currentData().toLongLong();
    f.minAmount = Money(minAmount_->value());
    f.maxAmount = Money(maxAmount_->value());
    f.text = text_->text().trimmed().toStdString();
    // Whole Seoul days: [start of the first, start of the day after the last).
    const QDate epoch(1970, 1, 1);
    f.from = fromDay_->date() == noBound() ? std::nullopt
                                           : std::optional(items::seoulDayStart(epoch.daysTo(fromDay_->date())));
    f.to = toDay_->date() == noBound() ? std::nullopt
                                       : std::optional(items::seoulDayStart(epoch.daysTo(toDay_->date()) + 1));
    if (f == filter_)
        return;
    filter_ = f;
    showFilter();
    emit filterChanged(filter_);
}

void OrphanFilterBar::showFilter()
{
    showing_ = true;
    class_->setCurrentIndex(filter_.cls ? int(*filter_.cls) + 1 : 0);
    showMerchant();
    const int age = age_->findData(qint64(filter_.minAge));
    age_->setCurrentIndex(age < 0 ? 0 : age);
    minAmount_->setValue(int(std::min<std::int64_t>(filter_.minAmount.won(), minAmount_->maximum())));
    maxAmount_->setValue(int(std::min<std::int64_t>(filter_.maxAmount.won(), maxAmount_->maximum())));
    if (text_->text().trimmed().toStdString() != filter_.text)
        text_->setText(QString::fromStdString(filter_.text));
    const QDate epoch(1970, 1, 1);
    fromDay_->setDate(filter_.from ? epoch.addDays(items::seoulDay(*filter_.from)) : noBound());
    toDay_->setDate(filter_.to ? epoch.addDays(items::seoulDay(*filter_.to - 1)) : noBound());
    if (filter_.from && filter_.to && *filter_.to - *filter_.from == kDayMs) {   // one day, as a dashboard bar picks
        const QDate d = epoch.addDays(items::seoulDay(*filter_.from));
        day_->setText(tr("%1 ✕").arg(QLocale(QLocale::Korean).toString(d, QStringLiteral("M월 d일"))));
        day_->show();
    } else {
        day_->hide();
    }
    clear_->setEnabled(!filter_.isEmpty());
    showing_ = false;
}

QDate OrphanFilterBar::noBound() { return QDate(2000, 1, 1); }

void OrphanFilterBar::showMerchant()
{
    const bool wasShowing = showing_;
    showing_ = true;
    merchant_->setCurrentIndex(merchants_->rowOf(filter_.merchantId));
    showing_ = wasShowing;
}

}  // namespace reconsole::ui
