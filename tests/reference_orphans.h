#pragma once
// A deliberately plain second implementation of orphan-rules v1, for differential tests:
// it reads the feed lines itself (QJsonDocument, QDateTime), keeps the latest version of
// each record in memory and applies the rules as the spec words them, with 128-bit sums.
// Only what the rules need is kept: payments and ledger entries.
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reconsole::test {

class ReferenceOrphans {
public:
    // Feeds one line, in arrival order: re-deliveries (seq at or below the highest seen)
    // and invalid records are left out, as feed-v1 says; the first version of a ledger entry stays.
    void apply(const std::string& line);

    // One row per orphan, sorted by at then id bytes, in the form of describeRow().
    QStringList orphans(std::optional<std::int64_t> asOf, std::int64_t grace) const;

    std::optional<std::int64_t> defaultAsOf() const;

    // "ledger|customer|account|order|payment|CLASS|amount|orphan|at-ms", null fields as "-".
    static QString describeRow(const std::string& ledgerId, const std::string& customerId, const std::string& accountId,
        const std::optional<std::string>& orderId, const std::optional<std::string>& paymentId, const QString& cls,
        std::int64_t amount, std::int64_t orphanAmount, std::int64_t at);

private:
    struct Payment {
        std::int64_t amount = 0;
        std::string status;
    };
    struct Entry {
        std::string id, accountId, customerId, direction, purpose;
        std::optional<std::string> paymentId, orderId, refId;
        std::int64_t amount = 0, at = 0;
    };

    QString classOf(const Entry& d) const;
    __extension__ typedef __int128 Wide;
    Wide covered(const Entry& d) const;
    Wide sumCredits(const std::string& debitId, std::initializer_list<const char*> purposes) const;

    std::int64_t maxSeq_ = 0;
    std::map<std::string, Payment> payments_;
    std::map<std::string, Entry> ledger_;
};

}  // namespace reconsole::test
