#include "ops/platform_simulator.h"

#include "core/json_text.h"
#include "ops/audit_chain.h"
#include "ops/catalog_values.h"
#include "ops/mirror_facts.h"
#include "ops/outbox.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

namespace reconsole::ops {
namespace {

std::set<std::string> readKeys(const std::string& path)
{
    std::set<std::string> keys;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            keys.insert(line);
    return keys;
}

// The highest seq of the lines this simulator wrote earlier ({"seq":N,...} each), or 0.
std::int64_t lastSeq(const std::string& feed)
{
    std::int64_t last = 0;
    const std::string prefix = "{\"seq\":";
    for (std::size_t pos = 0; pos < feed.size();) {
        const std::size_t end = std::min(feed.find('\n', pos), feed.size());
        if (feed.compare(pos, prefix.size(), prefix) == 0)
            last = std::max<std::int64_t>(last, std::strtoll(feed.c_str() + pos + prefix.size(), nullptr, 10));
        pos = end + 1;
    }
    return last;
}

std::string creditLine(std::int64_t seq, const OutboxRequest& r, Instant at)
{
    // The credit's id follows from the key: the platform acts on a key once.
    const std::string id = "PF-" + sha256Hex(r.idempotencyKey).substr(0, 24);
    std::string line = "{\"seq\":" + std::to_string(seq) + ",\"type\":\"ledger\",\"id\":";
    appendJsonString(line, id);
    line += ",\"account_id\":";
    appendJsonString(line, r.accountId);
    line += ",\"customer_id\":";
    appendJsonString(line, r.customerId);
    line += ",\"direction\":\"credit\",\"amount\":" + std::to_string(r.amount) + ",\"purpose\":\"refund\",\"ref_id\":";
    appendJsonString(line, r.ledgerId);
    line += ",\"request_id\":";
    appendJsonString(line, r.requestId);
    line += ",\"at\":\"" + formatUtc(at) + "\"}\n";
    return line;
}

// The platform's own copy of the catalog, changed by the fixes this run applies.
class PlatformCatalog {
public:
    explicit PlatformCatalog(Database* mirror) : mirror_(mirror) {}

    // Applies `r`, or says why not (empty: applied, and `line` is the new product version).
    std::string apply(const OutboxRequest& r, std::int64_t seq, Instant at, std::string& line)
    {
        if (!mirror_)
            return "no catalog to apply it to";
        auto it = known_.find(r.productId);
        if (it == known_.end()) {
            const auto p = findProduct(*mirror_, r.productId);
            if (!p)
                return "unknown product " + r.productId;
            it = known_.emplace(r.productId, *p).first;
        }
        ProductRecord& p = it->second;
        if (!carriesValues(p.values, r.expected))
            return "the product changed since the fix was asked: expected " + catalogValuesJson(r.expected) + ", now "
                 + catalogValuesJson(p.values);
        p.values.price = r.set.price.value_or(*p.values.price);
        p.values.listPrice = r.set.listPrice.value_or(*p.values.listPrice);
        p.values.discountBp = r.set.discountBp.value_or(*p.values.discountBp);
        p.values.cashReceiptEligible = r.set.cashReceiptEligible.value_or(*p.values.cashReceiptEligible);
        line = productLine(seq, p, at);
        return {};
    }

private:
    static std::string productLine(std::int64_t seq, const ProductRecord& p, Instant at)
    {
        std::string line = "{\"seq\":" + std::to_string(seq) + ",\"type\":\"product\",\"id\":";
        appendJsonString(line, p.id);
        line += ",\"merchant_id\":";
        appendJsonString(line, p.merchantId);
        line += ",\"name\":";
        appendJsonString(line, p.name);
        line += ",\"kind\":";
        appendJsonString(line, p.kind);
        line += ",\"list_price\":" + std::to_string(*p.values.listPrice) + ",\"price\":" + std::to_string(*p.values.price)
              + ",\"discount_bp\":" + std::to_string(*p.values.discountBp) + ",\"cash_receipt_eligible\":"
              + (*p.values.cashReceiptEligible ? "true" : "false") + ",\"updated_at\":\"" + formatUtc(at) + "\"}\n";
        return line;
    }

    Database* mirror_;
    std::map<std::string, ProductRecord> known_;
};

}  // namespace

SimulationResult simulatePlatform(const SimulationInput& in)
{
    namespace fs = std::filesystem;
    if (!fs::is_directory(in.outboxDir))
        throw std::runtime_error("the outbox folder '" + in.outboxDir + "' does not exist");
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(in.outboxDir))
        if (entry.is_regular_file() && entry.path().extension() == ".jsonl")
            files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());

    std::set<std::string> acted = readKeys(in.statePath);
    // Lines of earlier runs stay in the feed, and new ones follow them, so that a feed not yet
    // imported is never lost and no seq is written twice.
    std::string earlier;
    if (std::ifstream old(in.feedOut, std::ios::binary); old)
        earlier.assign(std::istreambuf_iterator<char>(old), std::istreambuf_iterator<char>());
    if (!earlier.empty() && earlier.back() != '\n')
        earlier += '\n';
    SimulationResult result;
    result.nextSeq = std::max(in.seqFrom, lastSeq(earlier) + 1);
    std::string feed;
    PlatformCatalog catalog(in.catalog);
    for (const auto& file : files) {
        ++result.files;
        for (const auto& r : readOutboxFile(file)) {
            ++result.requests;
            if (!acted.insert(r.idempotencyKey).second) {
                ++result.alreadyActedOn;
                continue;
            }
            if (r.kind == "refund") {
                feed += creditLine(result.nextSeq++, r, in.at);
                ++result.credited;
                continue;
            }
            std::string line;
            if (const std::string why = catalog.apply(r, result.nextSeq, in.at, line); !why.empty()) {
                result.refusals.push_back(r.requestId + " (" + r.productId + "): refused: " + why);
                ++result.fixesRefused;
                continue;
            }
            feed += line;
            ++result.nextSeq;
            ++result.fixesApplied;
        }
    }
    // The feed first: a run killed between the two writes re-sends lines (the importer skips
    // those it has by seq) rather than losing them.
    writeFileAtomically(in.feedOut, earlier + feed);
    std::string state;
    for (const auto& k : acted)
        state += k + "\n";
    writeFileAtomically(in.statePath, state);
    return result;
}

}  // namespace reconsole::ops
