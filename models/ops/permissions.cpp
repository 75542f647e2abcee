#include "ops/permissions.h"

namespace reconsole::ops {

bool isMerchantPartner(const Operator& op) { return op.roles.has(Role::Merchant); }

bool allows(const Operator& op, Permission p)
{
    if (!op.enabled)
        return false;
    const Roles& r = op.roles;
    switch (p) {
    case Permission::ReadRefunds: return r.has(Role::Agent) || r.has(Role::Ops) || r.has(Role::Admin);
    case Permission::RequestRefund: return r.has(Role::Agent) || r.has(Role::Ops);
    case Permission::ApproveRefund:
    case Permission::CancelAnyRefund:
    case Permission::RecordOutcome: return r.has(Role::Ops);
    case Permission::ExportOutbox:
    case Permission::ReadAudit: return r.has(Role::Ops) || r.has(Role::Admin);
    case Permission::ManageOperators:
    case Permission::ChangePolicy: return r.has(Role::Admin);
    case Permission::ReadOperators: return r.has(Role::Agent) || r.has(Role::Ops) || r.has(Role::Admin);
    case Permission::AcknowledgeCatalog: return r.has(Role::Ops) || r.has(Role::Admin);
    case Permission::ProposeCatalogFix: return r.has(Role::Ops) || r.has(Role::Admin) || r.has(Role::Merchant);
    case Permission::ApproveCatalogFix:
    case Permission::DraftRepair: return r.has(Role::Ops);
    case Permission::ChangeCatalogRules: return r.has(Role::Admin);
    case Permission::ReadCases:
    case Permission::ReadCatalogFixes:
    case Permission::ReadOrphanNotes:
        return r.has(Role::Agent) || r.has(Role::Ops) || r.has(Role::Admin) || r.has(Role::Merchant);
    case Permission::WorkCases: return r.has(Role::Agent) || r.has(Role::Ops);
    case Permission::NoteOrphan:
    case Permission::NoteCase: return r.has(Role::Agent) || r.has(Role::Ops) || r.has(Role::Merchant);
    }
    return false;
}

const char* permissionText(Permission p)
{
    switch (p) {
    case Permission::ReadRefunds: return "see refund requests";
    case Permission::RequestRefund: return "request refunds";
    case Permission::ApproveRefund: return "approve refunds";
    case Permission::CancelAnyRefund: return "cancel another operator's refund";
    case Permission::RecordOutcome: return "record a refund's outcome at the platform";
    case Permission::ExportOutbox: return "hand requests over to the platform";
    case Permission::ReadAudit: return "read the audit log";
    case Permission::ManageOperators: return "manage operators";
    case Permission::ChangePolicy: return "change policy";
    case Permission::ReadOperators: return "see operators";
    case Permission::AcknowledgeCatalog: return "acknowledge catalog findings";
    case Permission::ProposeCatalogFix: return "propose catalog fixes";
    case Permission::ApproveCatalogFix: return "approve catalog fixes";
    case Permission::DraftRepair: return "draft repair refunds";
    case Permission::ChangeCatalogRules: return "change the catalog rules";
    case Permission::ReadCases: return "see complaint cases";
    case Permission::WorkCases: return "work on complaint cases";
    case Permission::ReadCatalogFixes: return "see catalog fixes";
    case Permission::NoteOrphan: return "add notes to orphan debits";
    case Permission::ReadOrphanNotes: return "see notes on orphan debits";
    case Permission::NoteCase: return "add notes to complaint cases";
    }
    return "do that";
}

}  // namespace reconsole::ops
