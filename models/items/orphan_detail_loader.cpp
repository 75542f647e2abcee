#include "items/orphan_detail_loader.h"

#include "items/mirror_worker.h"
#include "recon/explanation_text.h"

namespace reconsole::items {

std::optional<OrphanDetail> loadOrphanDetail(Database& db, const QString& ledgerId)
{
    const auto e = recon::explainOrphan(db, ledgerId.toStdString());
    if (!e)
        return std::nullopt;
    return OrphanDetail{ledgerId, QString::fromStdString(e->orphan.customerId), recon::explanationText(*e), *e};
}

OrphanDetailLoader::OrphanDetailLoader(const QString& mirrorPath, QObject* parent)
    : QObject(parent), worker_(new MirrorWorker(mirrorPath, this))
{
}

OrphanDetailLoader::~OrphanDetailLoader() = default;

void OrphanDetailLoader::clear() { ++generation_; }

void OrphanDetailLoader::load(const QString& ledgerId)
{
    const quint64 generation = ++generation_;
    worker_->run(
        this, [ledgerId](Database& db) { return loadOrphanDetail(db, ledgerId); },
        [this, generation, ledgerId](std::optional<std::optional<OrphanDetail>> detail, const QString& error) {
            if (generation != generation_)
                return;
            if (!detail)
                emit loadFailed(error);
            else if (!*detail)
                emit notFound(ledgerId);
            else
                emit loaded(**detail);
        });
}

}  // namespace reconsole::items
