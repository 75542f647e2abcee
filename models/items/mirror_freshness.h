#pragma once
// How fresh the mirror is: the newest ledger record, the last import (or, for a merchant
// mirror, which is never imported into, when it was exported), and whether either is old
// enough that an agent should not trust the mirror for "where did my money go" today.
// Read on a MirrorWorker thread, again every minute and whenever asked.
#include "core/instant.h"

#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace reconsole {
class Database;
}

namespace reconsole::items {

class MirrorWorker;

struct FreshnessFacts {
    std::optional<Instant> newestRecord;      // the latest ledger `at` (the rules' default as_of)
    std::optional<Instant> lastImport;        // when the last import run finished
    QString lastImportStatus;                 // done, cancelled, failed, running; empty: never
    bool orphanStateStale = false;            // a bulk import left the orphan state to rebuild
    std::optional<Instant> exportedAt;        // a merchant mirror: when export-mirror wrote it
};

// The thresholds: an import at least hourly, and some ledger record in the last day.
constexpr DurationMs kStaleImportAfter = 60 * kMinuteMs;
constexpr DurationMs kStaleRecordAfter = 24 * 60 * kMinuteMs;

struct FreshnessVerdict {
    bool stale = false;
    QString reason;   // why, in words; empty when fresh
};

FreshnessVerdict judgeFreshness(const FreshnessFacts& facts, Instant now);
FreshnessFacts loadFreshnessFacts(Database& db);

class MirrorFreshness : public QObject {
    Q_OBJECT
public:
    explicit MirrorFreshness(const QString& mirrorPath, QObject* parent = nullptr);
    ~MirrorFreshness() override;

    void refresh();
    bool isLoaded() const { return loaded_; }
    const FreshnessFacts& facts() const { return facts_; }
    // Its reader thread, lent to MirrorChangeWatch, which reads as little as often.
    MirrorWorker* reader() const { return worker_; }

signals:
    void changed(const reconsole::items::FreshnessFacts& facts);
    void loadFailed(const QString& error);

private:
    MirrorWorker* worker_;
    QTimer* timer_;
    FreshnessFacts facts_;
    bool loaded_ = false;
    quint64 generation_ = 0;
};

}  // namespace reconsole::items
