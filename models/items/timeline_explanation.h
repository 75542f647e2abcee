#pragma once
// The explanation of the orphan selected in the timeline, read on a worker thread: the
// agent's version (evidence and likely cause) and the plain reply for the customer.
#include "recon/customer_reply.h"

#include <QObject>
#include <QString>
#include <optional>

namespace reconsole::items {

class MirrorWorker;

class TimelineExplanation : public QObject {
    Q_OBJECT
public:
    explicit TimelineExplanation(const QString& mirrorPath, QObject* parent = nullptr);
    ~TimelineExplanation() override;

    QString ledgerId() const { return ledgerId_; }
    bool isReady() const { return ready_; }
    QString agentText() const { return agentText_; }
    // The reply for the customer, promising what `promise` says has been decided (by default,
    // nothing yet).
    QString replyText(const recon::RefundPromise& promise = {}) const;

public slots:
    void request(const QString& ledgerId);   // replaces any request still on its way
    void clear();

signals:
    void ready(const QString& ledgerId);
    void failed(const QString& ledgerId, const QString& error);

private:
    MirrorWorker* worker_;
    QString ledgerId_, agentText_;
    std::optional<recon::OrphanExplanation> facts_;
    quint64 generation_ = 0;
    bool ready_ = false;
};

}  // namespace reconsole::items
