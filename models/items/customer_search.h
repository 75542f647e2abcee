#pragma once
// Finding a customer from whatever the caller has in hand: a customer id, a masked name,
// the last four digits of a phone, or an order, payment or ledger id. Every lookup is an
// exact-or-prefix range over a primary key or an index, so it stays fast on a mirror of
// millions of rows; there is deliberately no substring search.
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::items {

// In the order results are ranked (within exact matches, then within prefix matches).
enum class CustomerMatchKind { CustomerId, OrderId, PaymentId, LedgerId, PhoneLast4, Name };

struct CustomerMatch {
    std::string customerId, name, phoneLast4;   // name and phone empty when the mirror lacks the customer record
    CustomerMatchKind kind = CustomerMatchKind::CustomerId;
    std::string matched;                         // the value that matched, e.g. "O-1001"
    bool exact = false;
};

constexpr int kDefaultSearchLimit = 50;

// Distinct customers, exact matches first; at most `limit`. Blank text finds nothing.
// While a bulk load has dropped the secondary indexes only primary keys are searched (never
// a scan); `partial` then says that names, phones and debit-only payments were left out.
std::vector<CustomerMatch> searchCustomers(Database& db, const QString& text, int limit = kDefaultSearchLimit,
                                           bool* partial = nullptr);

// False while a bulk load has dropped `index` (it is rebuilt when the load ends).
bool indexPresent(Database& db, const char* index);

// Why a result matched, for the results list: "주문 O-1001", "전화 뒷자리 4821".
QString matchReason(const CustomerMatch& m);

}  // namespace reconsole::items
