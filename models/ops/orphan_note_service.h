#pragma once
// Notes on orphan debits (docs/access.md): staff write them on any orphan; a merchant partner on
// an orphan debit of its own orders, and reads back only its merchant's notes. Another brand's
// debit is answered exactly as one that does not exist.
#include "ops/case_types.h"
#include "ops/ops_context.h"
#include "ops/result.h"

#include <string>
#include <vector>

namespace reconsole::ops {

class OrphanNoteService {
public:
    explicit OrphanNoteService(OpsContext ctx) : ctx_(ctx) {}

    Result<OrphanNote> add(const std::string& actorId, const std::string& ledgerId, const std::string& text);
    Result<std::vector<OrphanNote>> list(const std::string& actorId, const std::string& ledgerId);

private:
    OpsContext ctx_;
};

}  // namespace reconsole::ops
