#include "ops/result.h"

namespace reconsole::ops {

const char* refusalCodeName(RefusalCode code)
{
    switch (code) {
    case RefusalCode::NotPermitted: return "not_permitted";
    case RefusalCode::UnknownOperator: return "unknown_operator";
    case RefusalCode::OperatorDisabled: return "operator_disabled";
    case RefusalCode::UnknownDebit: return "unknown_debit";
    case RefusalCode::NotADebit: return "not_a_debit";
    case RefusalCode::OverRefundable: return "over_refundable";
    case RefusalCode::NothingLeft: return "nothing_left";
    case RefusalCode::SelfApproval: return "self_approval";
    case RefusalCode::WrongState: return "wrong_state";
    case RefusalCode::UnknownRequest: return "unknown_request";
    case RefusalCode::InvalidInput: return "invalid_input";
    case RefusalCode::ApprovalVoided: return "approval_voided";
    case RefusalCode::NoChange: return "no_change";
    case RefusalCode::SignInRefused: return "sign_in_refused";
    case RefusalCode::TooManyAttempts: return "too_many_attempts";
    case RefusalCode::MustChangePassword: return "must_change_password";
    }
    return "refused";
}

}  // namespace reconsole::ops
