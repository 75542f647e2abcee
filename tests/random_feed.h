#pragma once
// A seeded random feed-v1 feed that exercises the orphan rules: payments whose status and
// amount change over versions, split and duplicate debits, ties on `at`, ids that sort
// differently by bytes than by locale, top-ups, partial and excess returns, credits naming
// debits that never arrive, unknown purposes, mixed offsets, lines arriving out of order,
// identical and conflicting ledger re-sends, re-delivered lines and a few bad lines.
#include <cstdint>
#include <string>
#include <vector>

namespace reconsole::test {

struct RandomFeed {
    std::vector<std::string> lines;  // in arrival order, seq already assigned
    std::vector<std::int64_t> ledgerAts;  // instants of the ledger entries, for picking as_of
};

RandomFeed randomFeed(std::uint64_t seed, int approxLines = 150);

}  // namespace reconsole::test
