#include "ui/shell/mirror_tasks.h"

#include "catalog/catalog_check.h"
#include "items/store_fault_notice.h"
#include "demo/demo_feed.h"
#include "feed/importer.h"
#include "items/quarantine_reason.h"
#include "ops/demo_operations.h"
#include "ops/ops_store.h"
#include "recon/orphan_state.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>

#include <fstream>

namespace reconsole::ui {
namespace {

using Status = TaskOutcome::Status;

QString number(std::int64_t n) { return QLocale().toString(qint64(n)); }

int permille(const feed::ImportProgress& p)
{
    return p.bytesTotal == 0 ? 0 : int(1000 * double(p.bytesDone) / double(p.bytesTotal));
}

QString countsText(const feed::ImportCounts& c)
{
    return QCoreApplication::translate("MirrorTasks", "반영 %1줄, 재전송 건너뜀 %2줄, 격리 %3줄")
        .arg(number(c.applied), number(c.redelivered), number(c.quarantined));
}

TaskOutcome importOutcome(const feed::ImportSummary& s)
{
    TaskOutcome o;
    QStringList samples;
    for (const auto& q : s.samples)
        samples << QStringLiteral("%1:%2 — %3")
                       .arg(QString::fromStdString(q.file))
                       .arg(q.line)
                       .arg(items::quarantineReasonText(QString::fromStdString(q.reason)));
    if (!samples.isEmpty())
        o.detail = QCoreApplication::translate("MirrorTasks", "격리된 줄 (처음 몇 개):\n%1").arg(samples.join('\n'));
    switch (s.status) {
    case feed::ImportStatus::Done:
        o.message = QCoreApplication::translate("MirrorTasks", "가져오기 완료: %1").arg(countsText(s.counts));
        break;
    case feed::ImportStatus::Cancelled:
        o.status = Status::Cancelled;
        o.message = QCoreApplication::translate("MirrorTasks", "가져오기를 취소했습니다. 이미 반영된 줄은 남습니다: %1")
                        .arg(countsText(s.counts));
        break;
    case feed::ImportStatus::Failed:
        o.status = Status::Failed;
        o.message = QCoreApplication::translate("MirrorTasks", "가져오기 실패: %1").arg(QString::fromStdString(s.error));
        o.detail = QCoreApplication::translate("MirrorTasks", "%1 %2번째 줄까지 반영되었습니다.\n\n%3")
                       .arg(QString::fromStdString(s.lastFile))
                       .arg(s.lastLine)
                       .arg(o.detail);
        break;
    }
    return o;
}

void removeMirrorFiles(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".import-lock")})
        QFile::remove(path + suffix);
}

}  // namespace

BackgroundTask::Job openMirrorJob(const QString& mirrorPath, ConsoleIdentity who, std::shared_ptr<PartnerView> view)
{
    return [mirrorPath, who = std::move(who), view](TaskControl&) -> TaskOutcome {
        if (!QFileInfo(mirrorPath).isFile())
            return {Status::Failed, QCoreApplication::translate("MirrorTasks", "미러 파일이 없습니다: %1").arg(mirrorPath), {}};
        try {
            {
                Database db(mirrorPath.toStdString(), Database::Mode::ReadWrite);
                recon::OrphanState().rebuildIfStale(db);
            }
            *view = decidePartnerView(mirrorPath, who);
            return {};
        } catch (const std::exception& writeError) {
            // A mirror on a read-only disk can still be read when it is up to date.
            try {
                *view = decidePartnerView(mirrorPath, who);
                return {Status::Done,
                        QCoreApplication::translate("MirrorTasks", "읽기 전용으로 열었습니다 (쓰기로 열 수 없음: %1)")
                            .arg(QString::fromUtf8(writeError.what())),
                        {}};
            } catch (const std::exception&) {
                // What to do about it (rebuild from the feed, free space...); SQLite's words as the detail.
                const auto report = items::StoreFaultNotice::reportOf(writeError);
                const QString advice = items::StoreFaultNotice::adviceText(report);
                return {Status::Failed, advice.isEmpty() ? report.detail : advice, advice.isEmpty() ? QString() : report.detail};
            }
        }
    };
}

BackgroundTask::Job importFeedJob(const QString& mirrorPath, const QStringList& files, ops::CatalogRulesInForce rules)
{
    return [mirrorPath, files, rules = std::move(rules)](TaskControl& control) -> TaskOutcome {
        Database db(mirrorPath.toStdString(), Database::Mode::ReadWrite);
        recon::OrphanState state;
        // The catalog checks follow the import with the rules in force, as in the CLI: a version
        // that carries one of our fixes is expected, never a sudden change.
        catalog::CatalogState catalogState(rules.settings, rules.settles);
        feed::ImportOptions options;
        options.derived = &state;
        options.catalog = &catalogState;
        options.cancel = control.cancelFlag();
        options.progress = [&control](const feed::ImportProgress& p) {
            control.report(permille(p), countsText(p.counts));
        };
        std::vector<std::string> paths;
        for (const QString& f : files)
            paths.push_back(f.toStdString());
        return importOutcome(feed::importFeed(db, paths, options));
    };
}

BackgroundTask::Job recheckCatalogJob(const QString& mirrorPath, ops::CatalogRulesInForce rules)
{
    return [mirrorPath, rules = std::move(rules)](TaskControl& control) -> TaskOutcome {
        control.report(0, QCoreApplication::translate("MirrorTasks", "카탈로그 이상을 다시 점검하는 중…"));
        Database db(mirrorPath.toStdString(), Database::Mode::ReadWrite);
        catalog::CatalogState state(rules.settings, rules.settles);
        const bool stale = state.isStale(db);
        state.rebuildIfStale(db);
        return {Status::Done,
                stale ? QCoreApplication::translate("MirrorTasks", "카탈로그 이상을 지금 규칙으로 다시 점검했습니다.")
                      : QCoreApplication::translate("MirrorTasks", "카탈로그 이상이 이미 지금 규칙으로 점검되어 있습니다."),
                {}};
    };
}

BackgroundTask::Job createDemoJob(const QString& mirrorPath, std::int64_t orders, std::int64_t customers)
{
    return [mirrorPath, orders, customers](TaskControl& control) -> TaskOutcome {
        if (QFileInfo::exists(mirrorPath))
            return {Status::Failed, QCoreApplication::translate("MirrorTasks", "이미 파일이 있습니다: %1").arg(mirrorPath), {}};
        QTemporaryDir dir;
        const std::string feedPath = (dir.path() + QStringLiteral("/demo-feed.jsonl")).toStdString();
        demo::DemoOptions options;
        options.orders = orders;
        options.customers = customers;
        {
            std::ofstream out(feedPath, std::ios::binary | std::ios::trunc);
            demo::writeDemoFeed(out, options, [&control](std::int64_t done, std::int64_t total) {
                control.report(total > 0 ? int(500 * done / total) : 0,
                               QCoreApplication::translate("MirrorTasks", "데모 피드 쓰는 중: 주문 %1 / %2")
                                   .arg(number(done), number(total)));
                return !control.cancelled();
            });
            if (!out.flush())
                return {Status::Failed, QCoreApplication::translate("MirrorTasks", "데모 피드를 쓰지 못했습니다 (디스크 공간?)"), {}};
        }
        if (control.cancelled())
            return {Status::Cancelled, QCoreApplication::translate("MirrorTasks", "데모 미러 만들기를 취소했습니다."), {}};
        TaskOutcome outcome;
        const std::string opsPath = ops::defaultOpsPath(mirrorPath.toStdString());
        ops::CatalogRulesInForce rules;   // a new store: nobody has chosen other rules yet
        QString rulesNote;
        if (QFileInfo::exists(QString::fromStdString(opsPath))) {
            try {
                rules = ops::catalogRulesInForce(*ops::openOpsStore(opsPath));
            } catch (const std::exception& e) {
                // As the command line: the defaults, and say so (the demo's own store comes after).
                rulesNote = QCoreApplication::translate("MirrorTasks", " · 카탈로그 규칙 설정을 읽지 못해 기본값으로 점검했습니다: %1")
                                .arg(QString::fromUtf8(e.what()));
            }
        }
        {
            Database db(mirrorPath.toStdString(), Database::Mode::ReadWrite);
            recon::OrphanState state;
            catalog::CatalogState catalogState(rules.settings, rules.settles);
            feed::ImportOptions importOptions;
            importOptions.derived = &state;
            importOptions.catalog = &catalogState;
            importOptions.cancel = control.cancelFlag();
            importOptions.progress = [&control](const feed::ImportProgress& p) {
                control.report(500 + permille(p) / 2,
                               QCoreApplication::translate("MirrorTasks", "데모 피드 가져오는 중: %1").arg(countsText(p.counts)));
            };
            outcome = importOutcome(feed::importFeed(db, {feedPath}, importOptions));
        }
        if (outcome.status != Status::Done) {
            removeMirrorFiles(mirrorPath);
            return outcome;
        }
        outcome.message += rulesNote;
        // Operators and refunds in every state, through the real services and loop, so that
        // no screen of the demo is empty.
        control.report(990, QCoreApplication::translate("MirrorTasks", "데모 운영 기록(운영자, 환불) 만드는 중…"));
        try {
            const auto seeded = ops::seedDemoOperations(mirrorPath.toStdString(), opsPath);
            // A demo store only: its passwords are printed for anyone.
            outcome.message += QCoreApplication::translate("MirrorTasks", " · 데모 운영자 %1명(로그인 %2 / 암호 %3), 환불 요청 %4건")
                                   .arg(seeded.operators)
                                   .arg(QString::fromLatin1(ops::kDemoOperator),
                                        QString::fromStdString(ops::demoPassword(ops::kDemoOperator)))
                                   .arg(seeded.refunds);
        } catch (const std::exception& e) {
            // The mirror is good; only the demo's decisions are missing. Say so and keep it.
            outcome.message += QCoreApplication::translate("MirrorTasks", " · 데모 운영 기록을 만들지 못했습니다: %1")
                                   .arg(QString::fromUtf8(e.what()));
        }
        return outcome;
    };
}

}  // namespace reconsole::ui
