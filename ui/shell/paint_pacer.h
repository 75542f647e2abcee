#pragma once
// Paints the window in a turn of the event loop of its own, instead of in the turn that made it
// dirty.
//
// Qt paints a window at the end of the pass over posted events that made it dirty, and each
// chart's QGraphicsScene paints it at once when it processes its dirty items (a screen switch
// dirties every chart it shows or hides). So a click on the navigation was one burst of the
// GUI thread: the switch's layout, the whole window's paint through the first chart's scene,
// and the next chart painted again through its own (tst_soak: 22-32 ms, 2026-12-02). Deferred,
// the switch is one turn, everything made dirty in it is painted once, in a later turn, and a
// key press can be handled between the two. The paint goes ahead of the reading threads' answers
// waiting in the DeliveryPacer, so it never shares a turn with one.
#include <QObject>

namespace reconsole::ui {

class PaintPacer : public QObject {
    Q_OBJECT
public:
    // Watches `window`'s update requests; owned by it.
    explicit PaintPacer(QWidget* window);

    bool isPending() const { return pending_; }
    // Paints what is dirty now (benchmarks that measure a switch and its paint together).
    // QWidget::repaint() of any widget in the window is deferred like any other request (Qt
    // turns it into an update request to the window): the console does not call it, and Qt's
    // own callers (a progress bar's new value) only wait for the next turn.
    void paintNow();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* window_;
    bool pending_ = false;    // a paint waits for its turn
    bool painting_ = false;   // our own update request passes through
};

}  // namespace reconsole::ui
