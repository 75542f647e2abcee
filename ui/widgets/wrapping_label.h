#pragma once
// A word-wrapped label that remembers its height for the last few widths it was asked about.
// Qt's box layouts ask a label's minimum height for a width afresh on every layout pass, and
// QLabel lays its whole text out each time (no cache of its own): on a screen switch that was
// about two fifths of the GUI thread's time (docs/benchmarks.md). The remembered heights
// belong to everything the text's layout depends on, so a new text, font, style, margin or
// format asks QLabel again.
#include <QFont>
#include <QLabel>
#include <QMargins>
#include <QSize>

#include <array>
#include <limits>

namespace reconsole::ui {

class WrappingLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrappingLabel(QWidget* parent = nullptr);
    explicit WrappingLabel(const QString& text, QWidget* parent = nullptr);

    int heightForWidth(int width) const override;
    int layoutsOfText() const { return layouts_; }   // how often QLabel laid the text out, for tests

protected:
    void changeEvent(QEvent* event) override;

private:
    // What QLabel's height for a width depends on besides the width.
    struct Shape {
        QString text;
        QFont font;
        QMargins contents;
        int frame = 0, margin = 0, indent = 0;
        QSize minimum;                            // QLabel widens a width and a height below it
        int maximumWidth = 0;
        Qt::Alignment alignment;
        Qt::LayoutDirection direction = Qt::LeftToRight;
        Qt::TextFormat format = Qt::AutoText;
        Qt::TextInteractionFlags interaction;     // some make QLabel lay out through a text document
        bool wrap = false, buddy = false;         // a buddy makes "&" a shortcut mark, not text
        bool textOnly = true;                     // with a pixmap, movie or picture QLabel answers -1
        bool operator==(const Shape&) const = default;
    };
    Shape shape() const;

    struct Known {
        int width = std::numeric_limits<int>::min();   // none: -1 is a width QLabel is asked for
        int height = 0;
    };
    mutable Shape shapeKnown_;
    mutable std::array<Known, 4> known_;   // a layout pass asks two or three widths
    mutable std::size_t next_ = 0;
    mutable int layouts_ = 0;
};

}  // namespace reconsole::ui
