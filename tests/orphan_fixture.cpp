#include "orphan_fixture.h"

#include "store/database.h"

#include <algorithm>
#include <cstdio>

namespace reconsole::test {
namespace {

std::string id(const char* prefix, int n)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s-%06d", prefix, n);
    return buf;
}

constexpr Instant kBase = 1'772'323'200'000;   // 2026-03-01T00:00:00Z
constexpr int kMerchants = 7, kProducts = 30, kCustomers = 200;

}  // namespace

SyntheticMirror addSyntheticOrphans(Database& db, int count)
{
    SyntheticMirror m;
    Transaction tx(db);
    auto& merchant = db.cached("INSERT OR REPLACE INTO merchant (id, seq, name, category, max_discount_bp)"
                               " VALUES (?1, 1, ?2, 'retail', NULL)");
    // Names sort the other way round from ids, so a sort by name is not a sort by id.
    for (int i = 0; i < kMerchants; ++i)
        merchant.bind(1, id("M", i)).bind(2, "Merchant " + std::string(1, char('G' - i))).run();
    auto& product = db.cached("INSERT OR REPLACE INTO product (id, seq, merchant_id, name, kind, list_price, price,"
                              " discount_bp, cash_receipt_eligible, updated_at) VALUES (?1, 1, ?2, ?3, 'voucher',"
                              " 10000, 10000, 0, 1, 0)");
    for (int i = 0; i < kProducts; ++i)
        product.bind(1, id("P", i)).bind(2, id("M", i % kMerchants)).bind(3, "Product " + std::to_string(97 - i)).run();
    auto& customer = db.cached("INSERT OR REPLACE INTO customer (id, seq, name, phone_last4, created_at)"
                               " VALUES (?1, 1, ?2, NULL, 0)");
    for (int i = 0; i < kCustomers; ++i)
        customer.bind(1, id("C", i)).bind(2, "Customer " + std::to_string(i % 37)).run();
    auto& order = db.cached("INSERT OR REPLACE INTO orders (id, seq, customer_id, product_id, quantity, unit_price,"
                            " total, status, created_at, updated_at) VALUES (?1, 1, ?2, ?3, 1, ?4, ?4, 'failed', ?5, ?5)");
    // The queue's sort keys as recon::writeUnsettled keeps them (migration 0008).
    auto& debit = db.cached("INSERT OR REPLACE INTO unsettled_debit (ledger_id, customer_id, account_id, order_id,"
                            " payment_id, class, amount, covered, returned, orphan_amount, at, product_id, customer_name)"
                            " VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, 0, ?8, ?9,"
                            " (SELECT product_id FROM orders WHERE id = ?4), (SELECT name FROM customer WHERE id = ?2))");
    for (int i = 0; i < count; ++i) {
        SyntheticOrphan o;
        o.ledgerId = id("L", i);
        o.customerId = id("C", (i * 13) % kCustomers);
        o.cls = static_cast<OrphanClass>(i % kOrphanClassCount);
        o.amount = Money(1000 * (1 + (i * 31) % 50));
        o.orphanAmount = i % 3 == 0 ? Money(o.amount.won() / 2) : o.amount;
        o.at = kBase + Instant((i * 7919LL) % (count + 11)) * 60'000;
        const int p = (i * 11) % kProducts;
        if (i % 4 != 0) {
            o.orderId = id("O", i);
            o.merchantId = id("M", p % kMerchants);
            o.merchantName = "Merchant " + std::string(1, char('G' - p % kMerchants));
            o.productName = "Product " + std::to_string(97 - p);
            order.bind(1, o.orderId).bind(2, o.customerId).bind(3, id("P", p)).bind(4, o.amount.won()).bind(5, o.at).run();
        }
        debit.bind(1, o.ledgerId).bind(2, o.customerId).bind(3, o.customerId + "-MONEY");
        if (o.orderId.empty())
            debit.bindNull(4);
        else
            debit.bind(4, o.orderId);
        debit.bind(5, std::string(orphanClassCode(o.cls)))
            .bind(6, o.amount.won())
            .bind(7, (o.amount - o.orphanAmount).won())
            .bind(8, o.orphanAmount.won())
            .bind(9, o.at)
            .run();
        m.asOf = std::max(m.asOf, o.at);
        m.orphans.push_back(std::move(o));
    }
    m.asOf += 60 * 60'000;
    db.cached("UPDATE feed_cursor SET max_ledger_at = ?1 WHERE singleton = 1").bind(1, m.asOf).run();
    tx.commit();
    return m;
}

}  // namespace reconsole::test
