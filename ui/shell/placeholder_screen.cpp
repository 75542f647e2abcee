#include "ui/shell/placeholder_screen.h"

#include "ui/widgets/wrapping_label.h"

#include <QLabel>
#include <QVBoxLayout>

namespace reconsole::ui {

PlaceholderScreen::PlaceholderScreen(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent)
{
    auto* heading = new QLabel(title);
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    heading->setFont(big);
    auto* text = new WrappingLabel(description);
    text->setMaximumWidth(720);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->addWidget(heading);
    layout->addSpacing(12);
    layout->addWidget(text);
    layout->addStretch(1);
}

}  // namespace reconsole::ui
