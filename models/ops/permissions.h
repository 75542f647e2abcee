#pragma once
// What each role may do. Checked by the services for every read and action, never by a dialog.
#include "ops/ops_types.h"

namespace reconsole::ops {

enum class Permission {
    ReadRefunds,        // see refund requests
    RequestRefund,      // agent, ops
    ApproveRefund,      // ops (never one's own request)
    CancelAnyRefund,    // ops: cancel another operator's request before it is sent
    RecordOutcome,      // ops: record that the platform failed a sent request
    ExportOutbox,       // ops, admin: hand approved requests to the platform
    ReadAudit,          // ops, admin
    ManageOperators,    // admin
    ChangePolicy,       // admin
    ReadOperators,      // everyone but merchants
    AcknowledgeCatalog, // ops, admin: a catalog finding is intended
    ProposeCatalogFix,  // ops, admin: ask the platform to correct a product
    ApproveCatalogFix,  // ops (never one's own fix)
    DraftRepair,        // ops: draft the refunds a price error calls for
    ChangeCatalogRules, // admin: the catalog rules' thresholds and switches
    ReadCases,          // agent, ops, admin: complaint cases
    WorkCases,          // agent, ops: open, link, note, answer, close cases
};

bool allows(const Operator& op, Permission p);
const char* permissionText(Permission p);   // "request refunds", ... for refusals

}  // namespace reconsole::ops
