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
    ReadCases,          // agent, ops, admin; merchant: cases that hold its orders, reduced to its part
    WorkCases,          // agent, ops: open, link, note, answer, close cases
    ReadCatalogFixes,   // agent, ops, admin; merchant: the fixes of its own products
    NoteOrphan,         // agent, ops; merchant: an orphan debit of its own orders
    ReadOrphanNotes,    // agent, ops, admin; merchant: its own notes only
    NoteCase,           // agent, ops; merchant: a note about one of its orders in a case
};
inline constexpr Permission kAllPermissions[] = {
    Permission::ReadRefunds,      Permission::RequestRefund,      Permission::ApproveRefund,
    Permission::CancelAnyRefund,  Permission::RecordOutcome,      Permission::ExportOutbox,
    Permission::ReadAudit,        Permission::ManageOperators,    Permission::ChangePolicy,
    Permission::ReadOperators,    Permission::AcknowledgeCatalog, Permission::ProposeCatalogFix,
    Permission::ApproveCatalogFix, Permission::DraftRepair,       Permission::ChangeCatalogRules,
    Permission::ReadCases,        Permission::WorkCases,          Permission::ReadCatalogFixes,
    Permission::NoteOrphan,       Permission::ReadOrphanNotes,    Permission::NoteCase,
};

// A merchant partner: bound to one merchant, whose part of the mirror is all it reads; the
// services filter its reads of the operations store to that part (docs/access.md).
bool isMerchantPartner(const Operator& op);

// The one table of who may do what (docs/access.md has it as a table). A merchant partner's
// permissions hold for its own merchant's records only: the services check which records.
bool allows(const Operator& op, Permission p);
const char* permissionText(Permission p);   // "request refunds", ... for refusals

}  // namespace reconsole::ops
