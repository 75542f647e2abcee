#include "ops/platform_simulator.h"

#include "core/json_text.h"
#include "ops/audit_chain.h"
#include "ops/outbox.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
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
    SimulationResult result;
    result.nextSeq = in.seqFrom;
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
    // re-deliveries by seq) rather than losing them.
    writeFileAtomically(in.feedOut, feed);
    std::string state;
    for (const auto& k : acted)
        state += k + "\n";
    writeFileAtomically(in.statePath, state);
    return result;
}

}  // namespace reconsole::ops
