#include "ops/platform_simulator.h"

#include "core/json_text.h"
#include "ops/audit_chain.h"
#include "ops/outbox.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
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
    std::string feed, newKeys;
    for (const auto& file : files) {
        ++result.files;
        for (const auto& r : readOutboxFile(file)) {
            ++result.requests;
            if (r.kind != "refund" || !acted.insert(r.idempotencyKey).second) {
                ++result.alreadyActedOn;
                continue;
            }
            feed += creditLine(result.nextSeq++, r, in.at);
            newKeys += r.idempotencyKey + "\n";
            ++result.credited;
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
