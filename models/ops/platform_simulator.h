#pragma once
// Plays the platform for demos and tests: answers each refund request in the outbox files with
// the feed line the platform would send (a refund credit carrying the request id), acting on
// each idempotency key once however often it is handed over, also across runs (the keys acted
// on are kept in a state file).
#include "core/instant.h"

#include <cstdint>
#include <string>

namespace reconsole::ops {

struct SimulationInput {
    std::string outboxDir;
    std::string feedOut;       // written atomically: earlier runs' lines kept, this run's after them
    std::string statePath;     // the keys acted on, one per line
    std::int64_t seqFrom = 1;  // the first seq written (or above the last one already in feedOut)
    Instant at = 0;            // the credits' time
};

struct SimulationResult {
    int files = 0, requests = 0, credited = 0, alreadyActedOn = 0;
    std::int64_t nextSeq = 0;
};

// Throws std::runtime_error on an unreadable folder or file (naming it).
SimulationResult simulatePlatform(const SimulationInput& in);

}  // namespace reconsole::ops
