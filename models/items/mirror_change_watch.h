#pragma once
// Notices imports that another process finished: the scheduled `reconsole-cli import` that
// keeps a mirror fresh while agents have the console open. Every two seconds it reads the
// newest import run (one row by its key, on a MirrorWorker thread); when a run finished that
// it has not seen, it says so once, and the screens read again. It reads on a worker it is lent
// (the freshness line's, which reads the same small rows): one thread and one connection fewer.
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QTimer;

namespace reconsole::items {

class MirrorWorker;

class MirrorChangeWatch : public QObject {
    Q_OBJECT
public:
    // `reader` is lent, not owned: while it is gone, nothing is looked at.
    explicit MirrorChangeWatch(MirrorWorker* reader, int intervalMs = 2000, QObject* parent = nullptr);
    ~MirrorChangeWatch() override;

    // The screens have just read everything (after the console's own import, say): what is in
    // the mirror now is seen, and not announced again.
    void acknowledge();
    // Imports announced so far (for tests).
    int announced() const { return announced_; }

signals:
    void importFinishedElsewhere();

private:
    struct RunMark {
        qint64 id = 0;
        bool finished = false;
        bool operator==(const RunMark&) const = default;
    };
    void look(bool announce);

    QPointer<MirrorWorker> worker_;
    QTimer* timer_;
    std::optional<RunMark> seen_;
    bool looking_ = false;
    int announced_ = 0;
};

}  // namespace reconsole::items
