#pragma once
// Plays the platform for demos and tests: answers each refund request in the outbox files with
// the feed line the platform would send (a refund credit carrying the request id), and each
// catalog fix with a new version of the product, or a refusal when the product no longer has
// the values the fix expected. It acts on each idempotency key once however often it is handed
// over, also across runs (the keys acted on are kept in a state file).
#include "core/instant.h"

#include <cstdint>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::ops {

struct SimulationInput {
    std::string outboxDir;
    std::string feedOut;       // written atomically: earlier runs' lines kept, this run's after them
    std::string statePath;     // the keys acted on, one per line
    std::int64_t seqFrom = 1;  // the first seq written (or above the last one already in feedOut)
    Instant at = 0;            // the credits' and product versions' time
    // The catalog as the platform has it, for catalog fixes (a mirror, read only). Without it
    // a catalog fix is refused ("no catalog to apply it to").
    Database* catalog = nullptr;
};

struct SimulationResult {
    int files = 0, requests = 0, credited = 0, alreadyActedOn = 0;
    int fixesApplied = 0, fixesRefused = 0;
    std::vector<std::string> refusals;   // "CF-...: refused: ..." one per refused fix
    std::int64_t nextSeq = 0;
};

// Throws std::runtime_error on an unreadable folder or file (naming it).
SimulationResult simulatePlatform(const SimulationInput& in);

}  // namespace reconsole::ops
