#include "ops/orphan_note_service.h"
#include "ops/read_audit.h"

#include "ops/mirror_facts.h"
#include "ops/ops_store.h"
#include "ops/scoped_reads.h"
#include "ops/service_support.h"

namespace reconsole::ops {
namespace {

constexpr std::size_t kMaxText = 4000;

Refusal noSuchOrphan(const std::string& ledgerId)
{
    return refuse(RefusalCode::UnknownDebit, "there is no orphan debit '" + ledgerId + "'");
}

// The debit as this actor may see it: for a partner, only one of its own orders (read through
// the scoped mirror, and its merchant checked again on the record itself). Notes are written
// on orphans; once settled, the debit's notes can still be read.
std::optional<DebitRecord> visibleDebit(Database& mirror, const Operator& actor, const std::string& ledgerId,
                                        bool mustBeOrphan)
{
    auto debit = findLedgerEntry(mirror, ledgerId);
    if (!debit || debit->direction != "debit" || (mustBeOrphan && !orphanAmount(mirror, ledgerId)))
        return std::nullopt;
    if (isMerchantPartner(actor) && (!actor.merchantId || debit->merchantId != actor.merchantId))
        return std::nullopt;
    return debit;
}

}  // namespace

Result<OrphanNote> OrphanNoteService::add(const std::string& actorId, const std::string& ledgerId,
                                          const std::string& text)
{
    std::optional<Result<OrphanNote>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        AuditNote note{"orphan.note", ledgerId, "", ""};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::NoteOrphan);
        if (!actor)
            return refused(actor.refusal());
        if (auto why = requireScopeFor(ctx_.mirror, *actor))
            return refused(*why);
        const auto debit = visibleDebit(ctx_.mirror, *actor, ledgerId, true);
        if (!debit)
            return refused(noSuchOrphan(ledgerId));
        if (text.empty() || text.size() > kMaxText)
            return refused(refuse(RefusalCode::InvalidInput, "a note is 1 to 4000 bytes"));
        OrphanNote n{0, ledgerId, debit->orderId, isMerchantPartner(*actor) ? actor->merchantId : std::nullopt,
                     actor->id, now, text};
        n.id = tx.insertOrphanNote(n);
        note.after = JsonObject().add("ledger_id", n.ledgerId).add("order_id", n.orderId).add("merchant_id", n.merchantId)
                         .add("text", n.text).str();
        auditDone(tx, now, actorId, note);
        out = n;
    });
    return *out;
}

Result<std::vector<OrphanNote>> OrphanNoteService::list(const std::string& actorId, const std::string& ledgerId)
{
    std::optional<Result<std::vector<OrphanNote>>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadOrphanNotes);
        if (!actor) {
            out = actor.refusal();
            return;
        }
        if (auto why = requireScopeFor(ctx_.mirror, *actor)) {
            out = *why;
            return;
        }
        if (!visibleDebit(ctx_.mirror, *actor, ledgerId, false)) {
            out = noSuchOrphan(ledgerId);
            return;
        }
        auto notes = r.orphanNotes(ledgerId);
        if (isMerchantPartner(*actor))
            std::erase_if(notes, [&](const OrphanNote& n) { return n.merchantId != actor->merchantId; });
        out = std::move(notes);
    });
    return auditRefusedRead(ctx_, actorId, "orphan_note.list", ledgerId, std::move(*out));
}

}  // namespace reconsole::ops
