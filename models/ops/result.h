#pragma once
// What a service returns: a value, or the reason a rule refused the action. Refusals are
// expected outcomes (exit 5 on the command line, a message in the window); failures of the
// store itself are StoreError exceptions.
#include <string>
#include <utility>
#include <variant>

namespace reconsole::ops {

enum class RefusalCode {
    NotPermitted,        // the operator's roles do not allow it
    UnknownOperator,
    OperatorDisabled,
    UnknownDebit,        // no such ledger entry in the mirror
    NotADebit,
    OverRefundable,      // the amount is above what is still refundable
    NothingLeft,         // nothing is left to refund on this debit
    SelfApproval,        // nobody approves their own request
    WrongState,          // e.g. cancelling a sent request
    UnknownRequest,
    InvalidInput,        // a bad amount, an unknown reason code, ...
    ApprovalVoided,      // the request changed since the approver saw it
    NoChange,
    SignInRefused,       // unknown operator or wrong password (one answer for both)
    TooManyAttempts,     // failed sign-ins: the next attempt waits
    MustChangePassword,  // a password set by someone else: the operator sets their own first
};

const char* refusalCodeName(RefusalCode code);   // "not_permitted", ...

struct Refusal {
    RefusalCode code;
    std::string message;   // English, for a person: says what was refused and why
};

template <typename T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Refusal refusal) : v_(std::move(refusal)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const { return std::get<0>(v_); }
    T& value() { return std::get<0>(v_); }
    const T* operator->() const { return &value(); }
    const T& operator*() const { return value(); }
    const Refusal& refusal() const { return std::get<1>(v_); }

private:
    std::variant<T, Refusal> v_;
};

inline Refusal refuse(RefusalCode code, std::string message) { return Refusal{code, std::move(message)}; }

}  // namespace reconsole::ops
