#pragma once
// The demo mirror's decisions: operators in every role and refunds in every state, made
// through the real services and the real loop (request, approve, export, the simulated
// platform's feed imported into the mirror, settlement), so that no screen is empty.
#include <string>
#include <utility>
#include <vector>

namespace reconsole::ops {

struct DemoOperationsSummary {
    int operators = 0, refunds = 0;
    std::vector<std::pair<std::string, std::string>> signIns;   // operator id, password: printed by the demo
};

// `mirrorPath` must hold a demo mirror; the store at `opsSpec` is created when missing and must
// have no operators yet (a demo never seeds a real desk's store: StoreError says so).
// Operators: "admin" and "admin2" (admin), "kim.agent" (agent), "lee.ops" and "park.ops" (ops),
// "lotte.partner" (merchant), each with the password demoPassword(id), theirs already (no
// change needed). Throws StoreError on a store failure.
DemoOperationsSummary seedDemoOperations(const std::string& mirrorPath, const std::string& opsSpec);

// The operator a demo console offers to sign in as.
inline constexpr const char* kDemoOperator = "lee.ops";

// A demo operator's password: known, printed, and only ever in a demo store.
std::string demoPassword(const std::string& operatorId);

}  // namespace reconsole::ops
