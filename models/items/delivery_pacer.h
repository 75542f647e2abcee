#pragma once
// Hands the reading threads' answers to the GUI thread one per turn of its event loop, and the
// window's paint its own turn between them.
//
// Answers that arrive together (after an import, a catalog page, a timeline and the
// dashboard's figures are all read again) were delivered back to back in one pass over the
// posted events, and applying each costs the GUI thread 5-35 ms: 50-100 ms without a look at
// input or the screen (tst_soak, docs/benchmarks.md). Paced, a key press waits behind at most one
// answer or one paint. The order of arrival is kept; an answer whose receiver is gone is dropped
// without using a turn.
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

namespace reconsole::items {

class DeliveryPacer : public QObject {
    Q_OBJECT
public:
    // The pacer of the application's thread, made on first use and owned by the application;
    // null without an application or when called from another thread.
    static DeliveryPacer* forApplicationThread();
    // Adds `delivery` to that pacer; runs it at once where there is none (no application, or
    // called from another thread).
    static void addOrRun(QObject* receiver, const QString& whose, std::function<void()> delivery);

    // Runs `delivery` in a later turn of the loop, after those added before it, unless
    // `receiver` is destroyed first. `whose` names the timer while it waits, so a profile of
    // the loop says whose answer cost what.
    void add(QObject* receiver, const QString& whose, std::function<void()> delivery);
    // The same, ahead of every delivery waiting: the window's paint takes the next turn, so
    // that what was applied is shown before the next answer is applied (ui/shell/paint_pacer.h).
    // Never twice running ahead: after a delivery added so, the next waiting one goes first (a
    // paint that makes the window dirty again would otherwise keep every answer waiting).
    void addFirst(QObject* receiver, const QString& whose, std::function<void()> delivery);
    std::size_t waiting() const { return queue_.size(); }

private:
    struct Delivery {
        QPointer<QObject> receiver;
        QString whose;
        std::function<void()> run;
        bool ahead = false;   // added by addFirst
    };

    explicit DeliveryPacer(QObject* parent);
    void arm();
    void deliverNext();

    // A 1 ms timer, not a posted call: Qt fires each timer at most once per pass over the due
    // timers, and one armed 1 ms ahead never in the pass that armed it, so the loop's other
    // timers and events come between two deliveries. (Armed at 0 ms before a delivery, it was
    // due again within the same pass: tst_delivery_pacer fails so.)
    QTimer timer_;
    std::deque<Delivery> queue_;
    bool lastWentAhead_ = false;   // the last delivery run was added by addFirst
};

}  // namespace reconsole::items
