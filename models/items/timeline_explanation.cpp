#include "items/timeline_explanation.h"

#include "items/mirror_worker.h"
#include "recon/explanation_text.h"

#include <optional>

namespace reconsole::items {
namespace {

struct Texts {
    bool found = false;
    QString agent, reply;
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
    replyText_.clear();
    worker_->run(
        this,
        [id = ledgerId.toStdString()](Database& db) {
            Texts t;
            if (const auto e = recon::explainOrphan(db, id)) {
                t.found = true;
                t.agent = recon::explanationText(*e);
                t.reply = recon::customerReplyText(*e);
            }
            return t;
        },
        [this, generation, ledgerId](std::optional<Texts> texts, const QString& error) {
            if (generation != generation_)
                return;
            if (!texts || !texts->found) {
                emit failed(ledgerId, texts ? tr("%1은(는) 지금 미해결 출금이 아닙니다.").arg(ledgerId) : error);
                return;
            }
            agentText_ = texts->agent;
            replyText_ = texts->reply;
            ready_ = true;
            emit ready(ledgerId);
        });
}

void TimelineExplanation::clear()
{
    ++generation_;
    ledgerId_.clear();
    agentText_.clear();
    replyText_.clear();
    ready_ = false;
}

}  // namespace reconsole::items
