#include "ui/customer/account_table.h"

#include "ui/widgets/eliding_label.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollBar>

#include <algorithm>
#include <array>

namespace reconsole::ui {
namespace {

constexpr int kColumnGap = 14;
constexpr int kRowGap = 2;
constexpr int kMargin = 8;

int textWidth(const QLabel* label) { return label->fontMetrics().horizontalAdvance(label->text()) + 1; }

// An eliding label shows its own tooltip (its note, and its whole text when cut).
void setTip(QLabel* label, const QString& tip)
{
    if (auto* eliding = qobject_cast<ElidingLabel*>(label))
        eliding->setNote(tip);
    else
        label->setToolTip(tip);
}

}  // namespace

AccountTable::AccountTable(QWidget* parent) : QScrollArea(parent), body_(new QFrame), grid_(new QGridLayout(body_))
{
    setObjectName(QStringLiteral("accountTable"));
    body_->setObjectName(QStringLiteral("accountTableBody"));
    body_->setStyleSheet(QStringLiteral("#accountTableBody { background: palette(base); border: 1px solid palette(mid);"
                                        " border-radius: 6px; }"));
    body_->setFrameShape(QFrame::StyledPanel);
    grid_->setContentsMargins(kMargin, kMargin / 2, kMargin, kMargin / 2);
    grid_->setHorizontalSpacing(kColumnGap);
    grid_->setVerticalSpacing(kRowGap);
    grid_->setColumnStretch(0, 1);   // the account's name takes what the amounts leave
    setWidget(body_);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Scrolled, the view starts at a row's top: no sliver of the row above.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        const int step = verticalScrollBar()->singleStep();
        const int base = body_->frameWidth() + kMargin / 2;
        const int snapped = value <= 0 || step <= 0 ? 0 : base + std::max(0, (value - base + step / 2) / step) * step;
        if (snapped != value && snapped > 0 && snapped <= verticalScrollBar()->maximum())
            verticalScrollBar()->setValue(snapped);
    });
}

QLabel* AccountTable::cell(const QString& text, Qt::Alignment align, const char* objectName)
{
    QLabel* label = align & Qt::AlignLeft ? new ElidingLabel : new QLabel;
    label->setText(text);
    label->setAlignment(align | Qt::AlignVCenter);
    label->setObjectName(QString::fromLatin1(objectName));
    return label;
}

void AccountTable::ensureHeadings()
{
    if (!headings_.isEmpty())
        return;
    body_->ensurePolished();   // its style sheet's border sets the frame width used below
    const QString titles[] = {tr("계정"), tr("기간 내 순증감"), tr("출금"), tr("입금")};
    for (int c = 0; c < 4; ++c) {
        QLabel* heading = cell(titles[c], c == 0 ? Qt::AlignLeft : Qt::AlignRight, "accountHeading");
        heading->setStyleSheet(QStringLiteral("color: palette(dark);"));
        setTip(heading, meaning());
        grid_->addWidget(heading, 0, c);
        headings_ << heading;
    }
}

QString AccountTable::meaning() const
{
    return tr("피드에는 시작 잔액이 없으므로, 미러에 있는 기간 동안 들어온 돈에서 나간 돈을 뺀 값입니다. "
              "잔액이 아닙니다.");
}

// The labels are kept from one call to the next and only their text changes: making and
// destroying them (each polished under the body's style sheet) was half the cost of applying a
// timeline on the GUI thread, at every reload of the customer shown (tst_soak's profile).
void AccountTable::setRows(const QVector<Row>& rows)
{
    ensureHeadings();
    detail_ = {headings_[2], headings_[3]};   // before any label it names is deleted
    while (cells_.size() > rows.size()) {
        for (QLabel* label : cells_.takeLast())
            delete label;   // leaves the grid with it; an empty grid row takes no room
    }
    while (cells_.size() < rows.size()) {
        const int r = int(cells_.size());
        const std::array<QLabel*, 4> made = {cell(QString(), Qt::AlignLeft, "accountName"),
                                             cell(QString(), Qt::AlignRight, "accountNet"),
                                             cell(QString(), Qt::AlignRight, "accountDebits"),
                                             cell(QString(), Qt::AlignRight, "accountCredits")};
        QFont bold = made[1]->font();
        bold.setBold(true);
        made[0]->setFont(bold);
        made[1]->setFont(bold);
        for (int c = 0; c < 4; ++c)
            grid_->addWidget(made[std::size_t(c)], r + 1, c);
        cells_.push_back(made);
    }

    int widest[4] = {};
    for (int c = 0; c < 4; ++c)
        widest[c] = textWidth(headings_[c]);
    int rowHeight = headings_[0]->sizeHint().height();
    int nameHead = 0;   // the narrowest a name may become: its head and "…"
    for (int r = 0; r < rows.size(); ++r) {
        const Row& row = rows[r];
        const auto& cells = cells_[r];
        const QString texts[4] = {row.account, row.net, row.debits, row.credits};
        const QString tip = row.debits.isEmpty()
            ? meaning()
            : tr("%1\n출금 %2 · 입금 %3\n\n%4").arg(row.account, row.debits, row.credits, meaning());
        for (int c = 0; c < 4; ++c) {
            cells[std::size_t(c)]->setText(texts[c]);
            setTip(cells[std::size_t(c)], tip);
            widest[c] = std::max(widest[c], textWidth(cells[std::size_t(c)]));
            rowHeight = std::max(rowHeight, cells[std::size_t(c)]->sizeHint().height());
        }
        nameHead = std::max(nameHead, cells[0]->minimumSizeHint().width());
        detail_.push_back(cells[2]);
        detail_.push_back(cells[3]);
    }
    // The amounts keep their width whatever happens; the name may shrink to its head and "…".
    for (int c = 1; c < 4; ++c)
        grid_->setColumnMinimumWidth(c, c == 1 ? widest[c] : 0);
    fullWidth_ = widest[0] + widest[1] + widest[2] + widest[3] + 3 * kColumnGap + 2 * kMargin + 2 * body_->frameWidth();
    // While a first page is shown there are no sums: no empty debit and credit columns.
    hasDetail_ = std::any_of(rows.begin(), rows.end(), [](const Row& r) { return !r.debits.isEmpty(); });

    const int shown = std::min<int>(int(rows.size()), kVisibleRows);
    const bool scrolls = rows.size() > kVisibleRows;
    verticalScrollBar()->setSingleStep(rowHeight + kRowGap);   // whole rows, never a row in part
    const int frame = 2 * body_->frameWidth();
    // When it scrolls, the view ends right under its last whole row: the next row starts below
    // the edge instead of showing its top few pixels.
    const int below = scrolls ? 0 : kMargin / 2 + body_->frameWidth();
    setFixedHeight(body_->frameWidth() + kMargin / 2 + (shown + 1) * rowHeight + shown * kRowGap + below);
    const int scrollBar = scrolls ? verticalScrollBar()->sizeHint().width() : 0;
    setMaximumWidth(fullWidth_ + scrollBar);   // wider would only open gaps between the columns
    setMinimumWidth(nameHead + widest[1] + kColumnGap + 2 * kMargin + frame
                    + scrollBar);
    fitToWidth();
}

void AccountTable::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    fitToWidth();
}

void AccountTable::fitToWidth()
{
    showsDetail_ = hasDetail_ && viewport()->width() >= fullWidth_;
    for (QLabel* label : std::as_const(detail_))
        label->setVisible(showsDetail_);
}

}  // namespace reconsole::ui
