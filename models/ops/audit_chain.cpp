#include "ops/audit_chain.h"

#include "ops/ops_store.h"

#include <QCryptographicHash>

namespace reconsole::ops {

const char* const kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

std::string sha256Hex(const std::string& bytes)
{
    const QByteArray digest = QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256);
    return digest.toHex().toStdString();
}

namespace {
// Each field with its length first, so that no two different entries serialize alike.
void field(std::string& out, const std::string& value)
{
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}
}  // namespace

std::string entryHash(const AuditEntry& e)
{
    std::string s = "reconsole-audit-v1\n";
    field(s, e.prevHash);
    field(s, std::to_string(e.seq));
    field(s, std::to_string(e.at));
    field(s, e.actor);
    field(s, e.action);
    field(s, e.target);
    field(s, e.before);
    field(s, e.after);
    field(s, e.outcome);
    return sha256Hex(s);
}

ChainVerdict verifyChain(OpsReader& r)
{
    ChainVerdict v;
    std::string prev = kGenesisHash;
    std::int64_t expectSeq = 1;
    r.walkAudit([&](const AuditEntry& e) {
        ++v.entries;
        std::string why;
        if (e.seq != expectSeq)
            why = "entry " + std::to_string(expectSeq) + " is missing (the next entry is " + std::to_string(e.seq) + ")";
        else if (e.prevHash != prev)
            why = "its link to the previous entry is broken (entries were removed or reordered)";
        else if (entryHash(e) != e.hash)
            why = "its contents do not match its hash (the entry was changed)";
        if (!why.empty()) {
            v.intact = false;
            v.firstBroken = expectSeq;
            v.why = why;
            return false;
        }
        prev = e.hash;
        ++expectSeq;
        return true;
    });
    if (v.intact) {
        v.head.count = expectSeq - 1;
        v.head.sha256 = prev;
    }
    return v;
}

ChainVerdict verifyAgainst(OpsReader& r, const AuditHead& exported)
{
    ChainVerdict v = verifyChain(r);
    if (!v.intact)
        return v;
    if (exported.count > v.head.count) {
        v.intact = false;
        v.firstBroken = v.head.count + 1;
        v.why = "the log ends at entry " + std::to_string(v.head.count) + " but the outbox file was written when it had "
            + std::to_string(exported.count) + " entries (the tail was truncated)";
        return v;
    }
    std::string hashAt;
    r.walkAudit([&](const AuditEntry& e) {
        if (e.seq == exported.count)
            hashAt = e.hash;
        return e.seq < exported.count;
    });
    if (exported.count == 0)
        hashAt = kGenesisHash;
    if (hashAt != exported.sha256) {
        v.intact = false;
        v.firstBroken = exported.count;
        v.why = "entry " + std::to_string(exported.count)
            + " differs from the one the outbox file recorded (the log was rewritten up to there)";
    }
    return v;
}

}  // namespace reconsole::ops
