#include "ui/dashboard/stat_card.h"

#include <QLabel>
#include <QVBoxLayout>

namespace reconsole::ui {

StatCard::StatCard(const QString& caption, QWidget* parent) : QFrame(parent), value_(new QLabel), note_(new QLabel)
{
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    auto* title = new QLabel(caption);
    QFont small = title->font();
    title->setFont(small);
    title->setForegroundRole(QPalette::PlaceholderText);
    QFont big = value_->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    value_->setFont(big);
    value_->setText(QStringLiteral("…"));
    value_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    note_->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    layout->addWidget(title);
    layout->addWidget(value_);
    layout->addWidget(note_);
}

void StatCard::setValue(const QString& value, const QString& note)
{
    value_->setText(value);
    note_->setText(note);
}

QString StatCard::value() const { return value_->text(); }

QString StatCard::note() const { return note_->text(); }

}  // namespace reconsole::ui
