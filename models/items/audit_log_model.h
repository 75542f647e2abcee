#pragma once
// The audit log, newest first (AuditService::list on the session's worker), with filters on
// the actor, the action, the target and refused attempts only. Read-only: nothing in the
// console edits the log.
#include "ops/ops_store.h"
#include "ops/result.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace reconsole::items {

class OpsSession;

class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Seq, At, Actor, Action, Target, Outcome, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, BeforeRole, AfterRole, RefusedRole, HashRole };

    explicit AuditLogModel(OpsSession* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFilter(const ops::AuditFilter& filter);
    const ops::AuditFilter& filter() const { return filter_; }
    void reload();

    bool isLoaded() const { return loaded_ == requested_ && loaded_ > 0; }
    const ops::AuditEntry* entryAt(int row) const;
    QString notice() const { return notice_; }

signals:
    void loaded();

private:
    struct Answer {
        std::vector<ops::AuditEntry> entries;
        std::optional<ops::Refusal> refusal;
    };
    void accept(quint64 generation, std::optional<Answer> answer, const QString& error);

    OpsSession* session_;
    ops::AuditFilter filter_;
    std::vector<ops::AuditEntry> entries_;
    quint64 requested_ = 0, loaded_ = 0;
    QString notice_;
};

// "refused: <reason>" -> true.
bool isRefusedOutcome(const std::string& outcome);

}  // namespace reconsole::items
