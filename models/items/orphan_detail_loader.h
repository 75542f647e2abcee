#pragma once
// The explanation of one orphan for the queue's detail pane, read and put into words on a
// MirrorWorker thread of its own. Only the answer for the latest request is delivered.
#include "recon/explanation.h"

#include <QObject>
#include <QString>

#include <optional>

namespace reconsole {
class Database;
}

namespace reconsole::items {

class MirrorWorker;

struct OrphanDetail {
    QString ledgerId, customerId;
    QString explanation;    // for the agent: what happened, the evidence, the likely cause
    recon::OrphanExplanation facts;   // the reply to the customer is written from these
};

// nullopt when `ledgerId` is not an orphan under the default as_of and grace.
std::optional<OrphanDetail> loadOrphanDetail(Database& db, const QString& ledgerId);

class OrphanDetailLoader : public QObject {
    Q_OBJECT
public:
    explicit OrphanDetailLoader(const QString& mirrorPath, QObject* parent = nullptr);
    ~OrphanDetailLoader() override;

    void load(const QString& ledgerId);
    void clear();   // forget the request in flight

signals:
    void loaded(const reconsole::items::OrphanDetail& detail);
    void notFound(const QString& ledgerId);
    void loadFailed(const QString& error);

private:
    MirrorWorker* worker_;
    quint64 generation_ = 0;
};

}  // namespace reconsole::items
