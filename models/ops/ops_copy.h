#pragma once
// Moving a single machine's decisions onto a new team server: operators, policy, requests in
// their states, exports, settlement bookkeeping and the audit chain, ids and hashes intact.
#include "ops/ops_types.h"

namespace reconsole::ops {

class OpsStore;

struct CopyReport {
    int operators = 0, refunds = 0;
    AuditHead head;   // the chain's head, the same on both sides
};

// Copies all of `from` into `to`, which must be empty, in one transaction on `to`; refuses a
// source whose audit chain does not verify, and checks the copy's chain ends at the same head.
// Throws StoreError.
CopyReport copyOpsStore(OpsStore& from, OpsStore& to);

}  // namespace reconsole::ops
