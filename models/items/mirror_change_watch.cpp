#include "items/mirror_change_watch.h"

#include "items/mirror_worker.h"
#include "store/database.h"

#include <QTimer>

namespace reconsole::items {

MirrorChangeWatch::MirrorChangeWatch(MirrorWorker* reader, int intervalMs, QObject* parent)
    : QObject(parent), worker_(reader), timer_(new QTimer(this))
{
    timer_->setObjectName(QStringLiteral("mirror change watch"));
    timer_->setInterval(intervalMs);
    connect(timer_, &QTimer::timeout, this, [this] { look(true); });
    timer_->start();
    look(false);
}

MirrorChangeWatch::~MirrorChangeWatch() = default;

void MirrorChangeWatch::acknowledge() { look(false); }

void MirrorChangeWatch::look(bool announce)
{
    if ((looking_ && announce) || !worker_)
        return;   // the previous look has not answered yet: no pile-up behind a slow disk
    looking_ = true;
    worker_->run(
        this,
        [](Database& db) {
            RunMark mark;
            auto& st = db.cached("SELECT id, status <> 'running' FROM main.import_run ORDER BY id DESC LIMIT 1");
            if (st.step())
                mark = RunMark{st.int64(0), st.int64(1) != 0};
            st.reset();
            return mark;
        },
        [this, announce](std::optional<RunMark> mark, const QString&) {
            looking_ = false;
            if (!mark)
                return;   // unreadable for now: the screens say why when they read
            const bool isNew = seen_ && !(*seen_ == *mark);
            seen_ = mark;
            if (announce && isNew && mark->finished) {
                ++announced_;
                emit importFinishedElsewhere();
            }
        });
}

}  // namespace reconsole::items
