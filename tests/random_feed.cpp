#include "random_feed.h"

#include "feed_lines.h"

#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <limits>
#include <random>
#include <set>

namespace reconsole::test {
namespace {

constexpr std::int64_t kBase = 1773190800000;  // 2026-03-11T01:00:00Z
constexpr std::int64_t k9e18 = 9'000'000'000'000'000'000;
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

struct LedgerEntry {
    std::string id, direction, purpose;
    std::int64_t amount = 0;
    Link link;
    std::int64_t at = 0;
};

class Generator {
public:
    explicit Generator(std::uint64_t seed)
        : rng_(seed)
    { }

    RandomFeed run(int approxLines)
    {
        const int scale = std::max(1, approxLines / 35);  // about 35 lines per unit
        accounts();
        for (int i = 0; i < 3 * scale + pick(2 * scale); ++i)
            payment();
        for (int i = 0; i < 4 * scale + pick(2 * scale); ++i)
            loneDebit();
        for (int i = 0; i < scale + pick(2 * scale); ++i)
            topup();
        for (int i = 0; i < 5 * scale + pick(3 * scale); ++i)
            giveBack();
        if (chance(25))
            huge();
        resends(scale);
        out_.lines = arrive();
        return std::move(out_);
    }

private:
    int pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return pick(100) < percent; }
    template <class T> T oneOf(std::initializer_list<T> xs)
    {
        return *(xs.begin() + pick(static_cast<int>(xs.size())));
    }

    // Pieces whose byte order differs from a locale's: B < a < b < z, "10" < "9", 가 and é above ASCII.
    std::string token()
    {
        std::string s;
        for (int n = 1 + pick(3); n > 0; --n)
            s += oneOf<const char*>({"a", "B", "b", "z", "0", "9", "10", "가", "é", "_"});
        return s;
    }
    std::string fresh(const char* prefix)
    {
        for (;;) {
            std::string id = prefix + token();
            if (used_.insert(id).second)
                return id;
        }
    }

    // Ties on `at` are frequent: whole minutes over one hour, now and then a fraction.
    std::int64_t randomAt() { return kBase + pick(60) * 60'000 + (chance(20) ? oneOf<int>({1, 250, 999}) : 0); }

    // RFC 3339 at a random offset, sometimes lower-case, sometimes with sub-millisecond digits.
    std::string stamp(std::int64_t ms)
    {
        const int offset = oneOf<int>({0, 0, 540, 540, -300, 330});
        const std::int64_t local = ms + std::int64_t(offset) * 60'000;
        const auto dt = QDateTime::fromMSecsSinceEpoch(local, QTimeZone::utc());
        std::string s = dt.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")).toStdString();
        const int frac = static_cast<int>(((local % 1000) + 1000) % 1000);
        if (frac != 0 || chance(10)) {
            char buf[16];
            std::snprintf(buf, sizeof buf, ".%03d", frac);
            s += buf;
            if (chance(30))
                s += std::to_string(100 + pick(900));  // finer digits, to be dropped
        }
        if (offset == 0) {
            s += chance(80) ? "Z" : "+00:00";
        } else {
            char buf[24];
            const int a = std::abs(offset);
            std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset < 0 ? '-' : '+', a / 60, a % 60);
            s += buf;
        }
        if (chance(10))
            std::transform(s.begin(), s.end(), s.begin(), [](char c) { return c == 'T' ? 't' : c == 'Z' ? 'z' : c; });
        return s;
    }

    Link owner(const char* kind = nullptr)
    {
        const std::string c = std::to_string(pick(3));
        const char* k = kind ? kind : oneOf<const char*>({"money", "card", "points"});
        return Link().on("A-" + c + "-" + k, "C-" + c);
    }

    void addEntry(const LedgerEntry& e)
    {
        bodies_.push_back(ledgerFields(e.id, e.direction, e.amount, e.purpose, stamp(e.at), e.link));
        ledger_.push_back(e);
        out_.ledgerAts.push_back(e.at);
        if (e.direction == "debit")
            debits_.push_back(e);
    }
    void debit(std::int64_t amount, const std::string& purpose, const Link& link, std::int64_t at = 0)
    {
        addEntry({fresh("L-"), "debit", purpose, amount, link, at ? at : randomAt()});
    }
    void credit(std::int64_t amount, const std::string& purpose, const Link& link)
    {
        addEntry({fresh("L-"), "credit", purpose, amount, link, randomAt()});
    }

    void accounts()
    {
        for (int c = 0; c < 3; ++c) {
            const std::string id = std::to_string(c);
            bodies_.push_back(
                R"("type":"customer","id":"C-)" + id + R"(","name":"김**","created_at":")" + stamp(kBase) + "\"");
            for (const char* kind : {"money", "bank", "card", "points"})
                bodies_.push_back(R"("type":"account","id":"A-)" + id + "-" + kind + R"(","customer_id":"C-)" + id
                    + R"(","kind":")" + kind + "\"");
        }
    }

    std::int64_t someAmount() { return oneOf<std::int64_t>({700, 1400, 5000, 8000, 9400, 16000, 50000}); }

    // An attempt with 1-3 versions and 0-3 debits: exact splits, duplicates, excess.
    void payment()
    {
        const std::string id = fresh("P-");
        payments_.push_back(id);
        std::int64_t amount = someAmount();
        const std::int64_t firstAmount = amount;
        for (int v = 1 + pick(3); v > 0; --v) {
            if (chance(10))
                amount = someAmount();
            const int s = pick(100);
            const char* status = s < 50 ? "approved" : s < 70 ? "pending" : s < 85 ? "failed" : "cancelled";
            bodies_.push_back(paymentFields(id, amount, status, stamp(randomAt()), "O-" + id));
        }
        const int n = pick(4);
        const bool split = n == 2 && firstAmount > 1 && chance(50);
        const std::int64_t part = split ? 1 + pick(static_cast<int>(firstAmount - 1)) : 0;
        std::int64_t lastAt = randomAt();
        for (int i = 0; i < n; ++i) {
            const std::int64_t a = split ? (i == 0 ? part : firstAmount - part)
                : chance(50)             ? firstAmount
                                         : someAmount();
            const std::string purpose = chance(90) ? "payment" : oneOf<const char*>({"fee", "cash_receipt"});
            lastAt = chance(35) ? lastAt : randomAt();
            debit(a, purpose, owner().withPayment(id).withOrder("O-" + id), lastAt);
        }
    }

    void loneDebit()
    {
        const std::int64_t amount = someAmount();
        switch (pick(7)) {
        case 0:
            debit(amount, "payment", owner().withPayment(fresh("P-missing-")));
            break;
        case 1:
            debit(amount, "payment", owner().withNullPayment());
            break;
        case 2:
            debit(amount, "payment", owner());
            break;
        case 3:
            debit(amount, oneOf<const char*>({"cash_receipt", "fee", "bonus_claw_back", "Payment"}), owner());
            break;
        case 4:
            if (!debits_.empty())
                debit(amount, "refund", owner().withRef(debits_[pick(int(debits_.size()))].id));
            break;
        default:
            if (!payments_.empty())
                debit(amount, "payment", owner().withPayment(payments_[pick(int(payments_.size()))]));
        }
    }

    void topup()
    {
        const std::int64_t amount = oneOf<std::int64_t>({10000, 30000, 100000});
        const std::string c = std::to_string(pick(3));
        const LedgerEntry d {
            fresh("L-"), "debit", "topup", amount, Link().on("A-" + c + "-bank", "C-" + c), randomAt()};
        addEntry(d);
        const Link money = Link().on("A-" + c + "-money", "C-" + c).withRef(d.id);
        switch (pick(7)) {
        case 0:
            break;
        case 1:
            credit(amount, "topup", money);
            break;
        case 2:
            credit(amount / 3, "topup", money);
            break;
        case 3:
            credit(amount * 2, "topup", money);
            break;
        case 4:
            credit(amount / 2, "topup", money);
            credit(amount / 2, "topup", money);
            break;
        case 5:
            credit(amount, "cashback", money);
            break;
        default:
            addEntry({fresh("L-"), "debit", "topup", amount, money, randomAt()});
        }
    }

    // Refunds, reversals and other credits naming a debit (or an id that never arrives).
    void giveBack()
    {
        const bool ghost = debits_.empty() || chance(15);
        const LedgerEntry* target = ghost ? nullptr : &debits_[pick(int(debits_.size()))];
        const std::string ref = target ? target->id : fresh("L-ghost-");
        const std::int64_t full = target ? target->amount : someAmount();
        const int p = pick(100);
        const char* purpose = p < 45 ? "refund"
            : p < 80                 ? "reversal"
            : p < 88                 ? "topup"
            : p < 95                 ? "cashback"
                                     : "Refund";
        std::int64_t amount = full;  // a third in full, else mostly partial, sometimes more than the debit
        if (pick(3) != 0)
            amount = chance(70) ? std::max<std::int64_t>(1, full / (2 + pick(3)))
                                : full + std::min<std::int64_t>(1000, kMax - full);
        credit(amount, purpose, owner().withRef(ref));
    }

    void huge()
    {
        const std::string id = fresh("P-");
        bodies_.push_back(paymentFields(id, chance(50) ? k9e18 : kMax, "approved", stamp(randomAt())));
        const std::int64_t at = randomAt();
        debit(k9e18, "payment", owner().withPayment(id), at);
        debit(k9e18, "payment", owner().withPayment(id), chance(50) ? at : randomAt());
        const std::string second = debits_.back().id;
        for (int n = pick(3); n > 0; --n)
            credit(k9e18, "refund", owner().withRef(second));
        debit(kMax, "topup", owner("bank"));
        const std::string top = debits_.back().id;
        for (int n = pick(3); n > 0; --n)
            credit(k9e18, "topup", owner("money").withRef(top));
    }

    // Identical re-sends (no-ops, maybe at another offset), conflicting versions and bad lines.
    void resends(int scale)
    {
        for (int i = 0; i < scale && !ledger_.empty(); ++i) {
            const LedgerEntry e = ledger_[pick(int(ledger_.size()))];
            bodies_.push_back(ledgerFields(e.id, e.direction, e.amount, e.purpose, stamp(e.at), e.link));
            LedgerEntry changed = e;
            // A conflicting amount, kept inside the feed's 64-bit range for amounts near it.
            const std::int64_t step = 1 + pick(100);
            changed.amount = changed.amount > std::numeric_limits<std::int64_t>::max() - step ? changed.amount - step : changed.amount + step;
            if (chance(50))
                bodies_.push_back(ledgerFields(
                    changed.id, changed.direction, changed.amount, changed.purpose, stamp(changed.at), changed.link));
        }
        if (chance(50))
            bodies_.push_back(ledgerFields(fresh("L-bad-"), "debit", 0, "fee", stamp(randomAt()), owner()));
        if (chance(50) && !payments_.empty())
            bodies_.push_back(paymentFields(payments_[0], 5000, "settled", stamp(randomAt())));
    }

    // Local shuffles, then seq numbers in arrival order (with gaps), then re-delivered lines.
    std::vector<std::string> arrive()
    {
        std::vector<std::string> items = bodies_;
        for (std::size_t i = 0; i + 1 < items.size(); ++i)
            if (chance(25))
                std::swap(items[i], items[std::min(items.size() - 1, i + 1 + static_cast<std::size_t>(pick(3)))]);
        std::vector<std::string> lines;
        std::int64_t seq = 0;
        for (const auto& body : items) {
            seq += chance(10) ? 2 + pick(3) : 1;
            lines.push_back("{\"seq\":" + std::to_string(seq) + "," + body + "}");
            if (chance(3))
                lines.emplace_back();
        }
        for (int n = pick(4); n > 0; --n) {
            const std::size_t src = static_cast<std::size_t>(pick(static_cast<int>(lines.size())));
            std::string copy = lines[src];
            if (const auto at = copy.find("\"status\":\"pending\""); at != std::string::npos)
                copy.replace(at, 18, "\"status\":\"approved\"");
            else if (const auto am = copy.find("\"amount\":"); am != std::string::npos)
                copy.insert(am + 9, "1");
            const auto gap = lines.size() - src;
            lines.insert(
                lines.begin() + static_cast<std::ptrdiff_t>(src + 1 + static_cast<std::size_t>(pick(int(gap)))), copy);
        }
        return lines;
    }

    std::mt19937_64 rng_;
    std::vector<std::string> bodies_, payments_;
    std::vector<LedgerEntry> ledger_, debits_;
    std::set<std::string> used_;
    RandomFeed out_;
};

}  // namespace

RandomFeed randomFeed(std::uint64_t seed, int approxLines)
{
    return Generator(seed).run(approxLines);
}

}  // namespace reconsole::test
