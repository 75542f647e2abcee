#pragma once
// The demo mirror's decisions: operators in every role and refunds in every state, made
// through the real services and the real loop (request, approve, export, the simulated
// platform's feed imported into the mirror, settlement), so that no screen is empty.
#include <string>

namespace reconsole::ops {

struct DemoOperationsSummary {
    int operators = 0, refunds = 0;
};

// `mirrorPath` must hold a demo mirror; the store at `opsSpec` is created when missing.
// Operators: "admin" and "admin2" (admin), "kim.agent" (agent), "lee.ops" and "park.ops" (ops),
// "lotte.partner" (merchant). Throws StoreError on a store failure.
DemoOperationsSummary seedDemoOperations(const std::string& mirrorPath, const std::string& opsSpec);

// The operator a demo console acts as.
inline constexpr const char* kDemoOperator = "lee.ops";

}  // namespace reconsole::ops
