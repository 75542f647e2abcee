#pragma once
// Writes validated records into the mirror: upserts where the higher seq wins, product
// versions kept as history, ledger entries immutable. Runs inside the importer's transaction.
// Records are queued and written table by table, TableStatements::kRows rows to a statement:
// the tables do not depend on one another, and within a table the queue keeps the feed's order.
#include "feed/records.h"
#include "feed/table_statements.h"
#include "feed/touched.h"
#include "store/statement.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::feed {

class RecordWriter {
public:
    // A queued record that conflicts with what the mirror holds (a changed ledger entry).
    struct Conflict {
        std::size_t tag;
        std::string reason;
    };

    RecordWriter(Database& db, Touched& touched);

    // Queues `record` with sequence number `seq`; its text must stay valid until flush(). `tag`
    // names it in a conflict (the importer's index of the line in its chunk). Merchants and
    // products, rare (a product is written to two tables), are written at once.
    void add(const Record& record, std::int64_t seq, std::size_t tag);
    // Writes every queued record. Returns the conflicts, by the tag each record was queued with.
    // When it throws, nothing stays queued.
    std::vector<Conflict> flush();

private:
    template <class R>
    struct Queued {
        const R* record;
        std::int64_t seq;
        std::size_t tag;
    };
    template <class R>
    using Queue = std::vector<Queued<R>>;

    void take(const MerchantRecord& r, std::int64_t seq, std::size_t tag);
    void take(const ProductRecord& r, std::int64_t seq, std::size_t tag);
    void take(const CustomerRecord& r, std::int64_t seq, std::size_t tag);
    void take(const AccountRecord& r, std::int64_t seq, std::size_t tag);
    void take(const OrderRecord& r, std::int64_t seq, std::size_t tag);
    void take(const PaymentRecord& r, std::int64_t seq, std::size_t tag);
    void take(const LedgerRecord& r, std::int64_t seq, std::size_t tag);
    void take(const CashReceiptRecord& r, std::int64_t seq, std::size_t tag);

    template <class R>
    void bindRows(Statement& st, const TableStatements& table, std::span<const Queued<R>> rows);
    template <class R>
    void writeQueued(TableStatements& table, Queue<R>& queued);
    template <class R>
    void writeOne(TableStatements& table, const Queued<R>& q);
    void writeLedger(std::vector<Conflict>& conflicts);
    void settleLedger(const Queued<LedgerRecord>& q, std::vector<Conflict>& conflicts);
    void touchLedger(const LedgerRecord& r);
    void clear();

    Database& db_;
    Touched& touched_;
    // Prepared once per import: the hot path binds and steps, nothing else.
    Statement merchant_, product_, productVersion_, ledgerFind_;
    TableStatements customer_, account_, order_, payment_, cashReceipt_, ledger_;
    Queue<CustomerRecord> customers_;
    Queue<AccountRecord> accounts_;
    Queue<OrderRecord> orders_;
    Queue<PaymentRecord> payments_;
    Queue<CashReceiptRecord> cashReceipts_;
    Queue<LedgerRecord> ledgerEntries_;
};

}  // namespace reconsole::feed
