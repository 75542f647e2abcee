#pragma once
// The reply an agent pastes to the customer about one orphan debit. Always Korean, whatever
// the console's language (the customers are Korean; an English-speaking agent still answers
// them in Korean), in the customer's words (no internal cause labels), and promising only
// what has been decided: a refund only when a refund request exists for the debit.
#include "recon/explanation.h"

#include <QString>

namespace reconsole::recon {

// What has been decided about giving the money back, as the operations store says.
struct RefundPromise {
    enum class State { Undecided, UnderWay, Refunded };
    State state = State::Undecided;
    Money amount;   // requested (UnderWay) or given back (Refunded)
};

// How the cause reads to a customer: "결제는 실패했지만 출금이 취소되지 않았습니다."
QString customerCauseText(LikelyCause cause);

// The whole reply: what happened, why in plain words, and what happens next.
QString customerReplyText(const OrphanExplanation& e, const RefundPromise& promise = {});

}  // namespace reconsole::recon
