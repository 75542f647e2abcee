#include "items/timeline_explanation.h"

#include "items/mirror_worker.h"
#include "recon/explanation_text.h"

#include <optional>

namespace reconsole::items {
namespace {

struct Texts {
    std::optional<recon::OrphanExplanation> facts;
    QString agent;
};

}  // namespace

TimelineExplanation::TimelineExplanation(const QString& mirrorPath, QObject* parent)
    : QObject(parent), worker_(new MirrorWorker(mirrorPath, this))
{
}

TimelineExplanation::~TimelineExplanation() = default;

void TimelineExplanation::request(const QString& ledgerId)
{
    const quint64 generation = ++generation_;
    ledgerId_ = ledgerId;
    ready_ = false;
    agentText_.clear();
    facts_.reset();
    worker_->run(
        this,
        [id = ledgerId.toStdString()](Database& db) {
            Texts t;
            t.facts = recon::explainOrphan(db, id);
            if (t.facts)
                t.agent = recon::explanationText(*t.facts);
            return t;
        },
        [this, generation, ledgerId](std::optional<Texts> texts, const QString& error) {
            if (generation != generation_)
                return;
            if (!texts || !texts->facts) {
                emit failed(ledgerId, texts ? tr("%1: 지금은 미해결 출금이 아닙니다.").arg(ledgerId) : error);
                return;
            }
            agentText_ = texts->agent;
            facts_ = std::move(texts->facts);
            ready_ = true;
            emit ready(ledgerId);
        });
}

QString TimelineExplanation::replyText(const recon::RefundPromise& promise) const
{
    return facts_ ? recon::customerReplyText(*facts_, promise) : QString();
}

void TimelineExplanation::clear()
{
    ++generation_;
    ledgerId_.clear();
    agentText_.clear();
    facts_.reset();
    ready_ = false;
}

}  // namespace reconsole::items
