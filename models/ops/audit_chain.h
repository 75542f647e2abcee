#pragma once
// The audit log is a chain: each entry's hash covers its own fields and the previous entry's
// hash, so changing, deleting or reordering any entry breaks the chain from there on. The head
// (count and last hash) goes out in every outbox file, so a truncated or rewritten tail is
// caught against what the platform received.
#include "ops/ops_types.h"

#include <optional>
#include <string>

namespace reconsole::ops {

class OpsReader;

extern const char* const kGenesisHash;   // 64 zeros: the prevHash of entry 1

std::string sha256Hex(const std::string& bytes);
// The hash of `e` given e.prevHash: over seq, at, actor, action, target, before, after, outcome.
std::string entryHash(const AuditEntry& e);

struct ChainVerdict {
    bool intact = true;
    std::int64_t entries = 0;                 // how many were checked
    std::optional<std::int64_t> firstBroken;  // seq (or position) of the first entry that fails
    std::string why;                          // what is wrong there
    AuditHead head;
};

ChainVerdict verifyChain(OpsReader& r);
// Also checks that the chain still holds the head an outbox file carried.
ChainVerdict verifyAgainst(OpsReader& r, const AuditHead& exported);

}  // namespace reconsole::ops
