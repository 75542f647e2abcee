#pragma once
// A one-line label that, when it is given less room than its text needs, shows the text cut
// with "…" instead of widening the window; the whole text then heads its tooltip. For lines
// that explain rather than state a figure (an amount is never cut): the orphan queue's note
// beside its total, whose full width made a "1024 px" window 1080 px wide once a refund summary
// stood next to it, and the status bar's operator and freshness, which a plain label clipped
// mid-letter at 1024 px with no way to read the rest.
#include <QLabel>

namespace reconsole::ui {

class ElidingLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidingLabel(QWidget* parent = nullptr);

    // What the tooltip explains besides the text (the text itself is added when it is cut).
    void setNote(const QString& note);
    QString note() const { return note_; }

    QString shownText() const;       // as drawn: the text, or its head and "…"
    bool isElided() const { return shownText() != text(); }
    QString composedToolTip() const;

    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QString note_;
    static constexpr int kMinimumCharacters = 8;   // shown even in the narrowest window
};

}  // namespace reconsole::ui
