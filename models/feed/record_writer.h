#pragma once
// Writes validated records into the mirror: upserts where the higher seq wins, product
// versions kept as history, ledger entries immutable. Runs inside the importer's transaction.
#include "feed/records.h"
#include "feed/touched.h"
#include "store/statement.h"

#include <optional>
#include <string>

namespace reconsole {
class Database;
}

namespace reconsole::feed {

class RecordWriter {
public:
    RecordWriter(Database& db, Touched& touched);

    // Applies `record` with sequence number `seq`. Returns a quarantine reason when the
    // record conflicts with what the mirror holds (a changed ledger entry), else nullopt.
    std::optional<std::string> apply(const Record& record, std::int64_t seq);

private:
    std::optional<std::string> write(const MerchantRecord& r, std::int64_t seq);
    std::optional<std::string> write(const ProductRecord& r, std::int64_t seq);
    std::optional<std::string> write(const CustomerRecord& r, std::int64_t seq);
    std::optional<std::string> write(const AccountRecord& r, std::int64_t seq);
    std::optional<std::string> write(const OrderRecord& r, std::int64_t seq);
    std::optional<std::string> write(const PaymentRecord& r, std::int64_t seq);
    std::optional<std::string> write(const LedgerRecord& r, std::int64_t seq);
    std::optional<std::string> write(const CashReceiptRecord& r, std::int64_t seq);

    std::optional<std::string> compareStored(const LedgerRecord& r);

    Database& db_;
    Touched& touched_;
    // Prepared once per import: the hot path binds and steps, nothing else.
    Statement merchant_, product_, productVersion_, customer_, account_, order_, payment_, cashReceipt_,
        ledgerFind_, ledgerInsert_;
};

}  // namespace reconsole::feed
