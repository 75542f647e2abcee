#pragma once
// The complaint cases of the operations store in one table (CaseService::list, read on the
// session's worker): running cases first by time left, then answered and closed ones. Every
// case is read and the filters (state, owner, channel, customer, overdue only) are applied
// here, so the counts behind the navigation and dashboard badges (due within 3 days, overdue)
// are always over every case, whatever is shown. Overdue rows are tinted red, due-soon amber.
#include "ops/case_service.h"

#include <QAbstractTableModel>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reconsole::items {

class OpsSession;

struct CaseQuery {
    std::optional<ops::CaseState> state;
    std::string owner;          // empty: anyone
    std::string channel;        // empty: any
    std::string customerId;     // empty: every customer
    std::string merchantId;     // empty: any; else cases holding this merchant's debits or orders
    bool overdueOnly = false;
    bool operator==(const CaseQuery&) const = default;
};

// The running cases that need attention (over every case).
struct CaseCounts {
    int dueSoon = 0, overdue = 0;
    bool operator==(const CaseCounts&) const = default;
};

std::vector<ops::CaseRow> shapeCaseRows(const std::vector<ops::CaseRow>& rows, const CaseQuery& query);
CaseCounts countCases(const std::vector<ops::CaseRow>& rows);

class CaseListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Deadline, DaysLeft, State, Customer, Channel, Owner, Origin, Debits, Id, ColumnCount };
    enum Role { CaseIdRole = Qt::UserRole + 1, CustomerIdRole, OverdueRole, DueSoonRole };

    explicit CaseListModel(OpsSession* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setQuery(const CaseQuery& query);
    const CaseQuery& query() const { return query_; }
    // The clock is read at this instant instead of the wall clock (tests, screenshots).
    void setAsOf(std::optional<Instant> asOf);
    std::optional<Instant> asOf() const { return asOf_; }
    void reload();

    bool isLoaded() const { return loaded_ == requested_ && loaded_ > 0; }
    const ops::CaseRow* rowAt(int row) const;
    int rowOf(const QString& caseId) const;     // -1 when not shown
    CaseCounts counts() const { return counts_; }
    QStringList owners() const;                 // every owner named in any case
    // Every merchant named in any case's links, id -> name (the id when the mirror has no name).
    const std::map<std::string, QString>& merchants() const { return merchants_; }
    QString notice() const { return notice_; }  // why the list could not be read; empty when it was

signals:
    void loaded();
    void countsChanged(reconsole::items::CaseCounts counts);

private:
    void reshape();

    OpsSession* session_;
    CaseQuery query_;
    std::optional<Instant> asOf_;
    std::vector<ops::CaseRow> all_, rows_;
    std::map<std::string, QString> merchants_;
    CaseCounts counts_;
    QString notice_;
    quint64 requested_ = 0, loaded_ = 0;
};

}  // namespace reconsole::items
