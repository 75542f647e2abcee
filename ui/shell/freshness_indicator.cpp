#include "ui/shell/freshness_indicator.h"

#include "core/display.h"

#include <QDateTime>
#include <QTimer>

namespace reconsole::ui {

FreshnessIndicator::FreshnessIndicator(QWidget* parent) : ElidingLabel(parent), tick_(new QTimer(this))
{
    setObjectName(QStringLiteral("freshness"));
    // Ages grow while nothing changes in the mirror: say them again every half minute.
    tick_->setObjectName(QStringLiteral("freshness tick"));
    tick_->setInterval(30 * 1000);
    connect(tick_, &QTimer::timeout, this, &FreshnessIndicator::render);
    tick_->start();
    clear();
}

void FreshnessIndicator::setFacts(const items::FreshnessFacts& facts)
{
    facts_ = facts;
    render();
}

void FreshnessIndicator::clear()
{
    facts_.reset();
    render();
}

void FreshnessIndicator::render()
{
    if (!facts_) {
        stale_ = false;
        setText(tr("미러 없음"));
        setStyleIfChanged({});
        setNote({});
        return;
    }
    const Instant now = QDateTime::currentMSecsSinceEpoch();
    const auto verdict = items::judgeFreshness(*facts_, now);
    stale_ = verdict.stale;
    const QString newest = facts_->newestRecord ? formatSeoul(*facts_->newestRecord).left(16) : tr("없음");
    const QString imported = facts_->lastImport
        ? tr("%1 (%2 전)").arg(formatSeoul(*facts_->lastImport).left(16), formatDuration(now - *facts_->lastImport))
        : tr("없음");
    // A merchant mirror is a copy written by export-mirror: say when, not "no import".
    const bool exported = facts_->exportedAt && !facts_->lastImport;
    QString text = exported ? tr("최신 기록 %1 · 내보낸 사본 %2 (%3 전)")
                                  .arg(newest, formatSeoul(*facts_->exportedAt).left(16),
                                       formatDuration(now - *facts_->exportedAt))
                            : tr("최신 기록 %1 · 마지막 가져오기 %2").arg(newest, imported);
    if (verdict.stale)
        text = tr("⚠ 오래된 미러: %1 · %2").arg(verdict.reason, text);
    setText(text);
    setStyleIfChanged(verdict.stale ? QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }") : QString());
    if (exported) {
        setNote(tr("시각은 Asia/Seoul (UTC+09:00). 이 파일은 한 가맹점용으로 내보낸 미러의 사본입니다 "
                      "(export-mirror --merchant). 가져오기는 원래 미러에서 하며, 이 사본은 내보낸 때의 기록만 "
                      "담고 있습니다. 최신 원장 기록이 하루보다 오래되면 경고합니다."));
        return;
    }
    setNote(tr("시각은 Asia/Seoul (UTC+09:00). 마지막 가져오기가 1시간보다 오래되었거나 최신 원장 기록이 "
                  "하루보다 오래되면 경고합니다.\n마지막 가져오기 상태: %1")
                   .arg(facts_->lastImportStatus.isEmpty() ? tr("없음") : facts_->lastImportStatus));
}

// Setting a style sheet polishes the label and lays the status bar out again even when it is
// the same one, and the tick says the ages again every half minute.
void FreshnessIndicator::setStyleIfChanged(const QString& sheet)
{
    if (styleSheet() != sheet)
        setStyleSheet(sheet);
}

}  // namespace reconsole::ui
