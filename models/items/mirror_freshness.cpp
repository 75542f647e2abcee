#include "items/mirror_freshness.h"

#include "core/display.h"
#include "items/mirror_worker.h"
#include "recon/orphan_query.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QTimer>

namespace reconsole::items {

FreshnessFacts loadFreshnessFacts(Database& db)
{
    ReadSnapshot snapshot(db);
    FreshnessFacts f;
    f.newestRecord = recon::defaultAsOf(db);
    // main.: a merchant partner's connection reads import runs as empty (their counts are every
    // brand's), but when the mirror was last refreshed is no brand's record (docs/access.md).
    auto& run = db.cached("SELECT status, coalesce(finished_at, started_at) FROM main.import_run ORDER BY id DESC LIMIT 1");
    if (run.step()) {
        f.lastImportStatus = QString::fromStdString(run.string(0));
        f.lastImport = run.int64(1);
    }
    run.reset();
    // A merchant mirror's import runs stay in the full mirror; its mirror_scope row says when
    // it was written.
    auto& scope = db.cached("SELECT exported_at FROM main.mirror_scope LIMIT 1");
    if (scope.step())
        f.exportedAt = scope.int64(0);
    scope.reset();
    auto& state = db.cached("SELECT needs_rebuild FROM orphan_state WHERE singleton = 1");
    f.orphanStateStale = state.step() && state.int64(0) != 0;
    state.reset();
    return f;
}

FreshnessVerdict judgeFreshness(const FreshnessFacts& facts, Instant now)
{
    // An exported copy is as fresh as its records: no import is expected of it.
    if (facts.exportedAt && !facts.lastImport) {
        if (!facts.newestRecord)
            return {true, QCoreApplication::translate("Freshness", "원장 기록이 없습니다")};
        if (now - *facts.newestRecord > kStaleRecordAfter)
            return {true, QCoreApplication::translate("Freshness", "최신 원장 기록이 %1 전입니다").arg(formatDuration(now - *facts.newestRecord))};
        return {};
    }
    if (!facts.lastImport)
        return {true, QCoreApplication::translate("Freshness", "가져오기 기록이 없습니다")};
    if (facts.lastImportStatus == QLatin1String("failed"))
        return {true, QCoreApplication::translate("Freshness", "마지막 가져오기가 실패했습니다")};
    if (facts.orphanStateStale)
        return {true, QCoreApplication::translate("Freshness", "미해결 출금 상태를 다시 계산해야 합니다")};
    if (now - *facts.lastImport > kStaleImportAfter)
        return {true, QCoreApplication::translate("Freshness", "마지막 가져오기가 %1 전입니다").arg(formatDuration(now - *facts.lastImport))};
    if (!facts.newestRecord)
        return {true, QCoreApplication::translate("Freshness", "원장 기록이 없습니다")};
    if (now - *facts.newestRecord > kStaleRecordAfter)
        return {true, QCoreApplication::translate("Freshness", "최신 원장 기록이 %1 전입니다").arg(formatDuration(now - *facts.newestRecord))};
    return {};
}

MirrorFreshness::MirrorFreshness(const QString& mirrorPath, QObject* parent)
    : QObject(parent), worker_(new MirrorWorker(mirrorPath, this)), timer_(new QTimer(this))
{
    timer_->setInterval(60 * 1000);
    connect(timer_, &QTimer::timeout, this, &MirrorFreshness::refresh);
    timer_->start();
    refresh();
}

MirrorFreshness::~MirrorFreshness() = default;

void MirrorFreshness::refresh()
{
    const quint64 generation = ++generation_;
    worker_->run(
        this, [](Database& db) { return loadFreshnessFacts(db); },
        [this, generation](std::optional<FreshnessFacts> facts, const QString& error) {
            if (generation != generation_)
                return;
            if (!facts) {
                emit loadFailed(error);
                return;
            }
            facts_ = std::move(*facts);
            loaded_ = true;
            emit changed(facts_);
        });
}

}  // namespace reconsole::items
