#include "ops/sign_in_service.h"

#include "ops/ops_store.h"
#include "ops/service_support.h"

#include <algorithm>

namespace reconsole::ops {
namespace {

constexpr int kFreeAttempts = 2;                     // failures before any wait
constexpr DurationMs kMaxDelay = 15 * kMinuteMs;

const char* actionOf(int purpose)
{
    static const char* const names[] = {"operator.sign_in", "operator.unlock", "operator.password"};
    return names[purpose];
}

// A hash nobody's password matches, checked for an unknown operator so that the answer takes
// as long as for a known one with a wrong password.
const std::string& decoyHash(const Argon2Params& policy)
{
    static const std::string hash = hashPassword("reconsole: no operator has this password", policy);
    return hash;
}

std::optional<Refusal> badNewPassword(const std::string& current, const std::string& next)
{
    if (next.size() < kMinPasswordLength)
        return refuse(RefusalCode::InvalidInput, "a password is at least 12 characters");
    if (next == current)
        return refuse(RefusalCode::InvalidInput, "the new password is the current one: choose another");
    return std::nullopt;
}

std::string paramsJson(const Argon2Params& p)
{
    JsonObject o;
    o.add("argon2id_m_kib", std::int64_t(p.memoryKiB)).add("t", std::int64_t(p.iterations));
    o.add("p", std::int64_t(p.parallelism));
    return o.str();
}

}  // namespace

DurationMs SignInService::delayAfter(int failedAttempts)
{
    if (failedAttempts <= kFreeAttempts)
        return 0;
    const int exponent = std::min(failedAttempts, 20);   // 2^20 s is far past the cap already
    return std::min<DurationMs>((DurationMs(1) << exponent) * 1000, kMaxDelay);
}

Result<Operator> SignInService::signIn(const std::string& operatorId, const std::string& password)
{
    return check(operatorId, password, Purpose::SignIn);
}

Result<Operator> SignInService::unlock(const std::string& operatorId, const std::string& password)
{
    return check(operatorId, password, Purpose::Unlock);
}

Result<Operator> SignInService::changeOwnPassword(const std::string& operatorId, const std::string& current,
                                                  const std::string& next)
{
    return check(operatorId, current, Purpose::ChangePassword, &next);
}

void SignInService::signOut(const std::string& operatorId)
{
    const Instant now = ctx_.now();
    ctx_.store.write([&](OpsTx& tx) { auditDone(tx, now, operatorId, AuditNote{"operator.sign_out", operatorId, "", ""}); });
}

Result<Operator> SignInService::check(const std::string& id, const std::string& password, Purpose purpose,
                                      const std::string* next)
{
    if (ctx_.store.authenticatesOperators())
        return checkOnServer(id, password, purpose, next);
    const Instant now = ctx_.now();
    const AuditNote note{actionOf(int(purpose)), id, "", ""};   // never a password
    const auto refusedAudited = [&](const Refusal& why) -> Result<Operator> {
        ctx_.store.write([&](OpsTx& tx) { auditRefused(tx, now, id, note, why); });
        return why;
    };
    std::optional<Operator> op;
    std::optional<Credential> cred;
    ctx_.store.read([&](OpsReader& r) {
        op = r.findOperator(id);
        cred = r.credential(id);
    });
    if (cred && now < cred->nextAttemptAt) {
        const auto seconds = (cred->nextAttemptAt - now + 999) / 1000;
        return refusedAudited(refuse(RefusalCode::TooManyAttempts,
                                     "too many failed sign-ins for operator '" + id + "': try again in "
                                         + std::to_string(seconds) + " s"));
    }
    const bool known = op && cred;
    // Constant-time in the password (argon2_verify), and the same work whether or not the
    // operator exists.
    const bool matches = verifyPassword(known ? cred->hash : decoyHash(policy_), password) && known;
    std::string upgraded, nextHash;
    if (matches && next) {
        if (auto bad = badNewPassword(password, *next))
            return refusedAudited(*bad);
        nextHash = hashPassword(*next, policy_);
    } else if (matches) {
        if (const auto params = paramsOf(cred->hash); params && weakerThan(*params, policy_))
            upgraded = hashPassword(password, policy_);
    }
    std::optional<Result<Operator>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const auto fresh = tx.credential(id);
        const auto current = tx.findOperator(id);
        // A password changed between the check and now is not the one that was checked.
        if (!matches || !fresh || !current || fresh->hash != cred->hash) {
            if (fresh && current) {
                const int failed = fresh->failedAttempts + 1;
                tx.recordSignInAttempts(id, failed, failed > kFreeAttempts ? now + delayAfter(failed) : 0);
            }
            const Refusal why = refuse(RefusalCode::SignInRefused, kSignInRefusedText);
            auditRefused(tx, now, id, note, why);
            out = why;
            return;
        }
        if (!current->enabled) {
            const Refusal why = refuse(RefusalCode::OperatorDisabled, "operator '" + id + "' is disabled");
            auditRefused(tx, now, id, note, why);
            out = why;
            return;
        }
        if (fresh->failedAttempts != 0 || fresh->nextAttemptAt != 0)
            tx.recordSignInAttempts(id, 0, 0);
        AuditNote done = note;
        if (!nextHash.empty()) {
            tx.setSignInPassword(id, NewPassword{{}, nextHash, false, now});
        } else if (!upgraded.empty()) {
            tx.replacePasswordHash(id, upgraded);
            done.before = paramsJson(*paramsOf(cred->hash));
            done.after = paramsJson(policy_);
        }
        auditDone(tx, now, id, done);
        out = *current;
    });
    return *out;
}

Result<Operator> SignInService::checkOnServer(const std::string& id, const std::string& password, Purpose purpose,
                                              const std::string* next)
{
    // Signing in is opening the store: the server checked the password then (and slowed a wrong
    // one with auth_delay). Unlocking and changing a password ask it again, on a new connection.
    const Instant now = ctx_.now();
    const AuditNote note{actionOf(int(purpose)), id, "", ""};
    const bool matches = purpose == Purpose::SignIn || ctx_.store.checkServerPassword(id, password);
    std::optional<Result<Operator>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const auto op = tx.findOperator(id);
        std::optional<Refusal> why;
        if (!op || !matches)
            why = refuse(RefusalCode::SignInRefused, kSignInRefusedText);
        else if (!op->enabled)
            why = refuse(RefusalCode::OperatorDisabled, "operator '" + id + "' is disabled");
        else if (next)
            why = badNewPassword(password, *next);
        if (why) {
            auditRefused(tx, now, id, note, *why);
            out = *why;
            return;
        }
        if (next)
            tx.setSignInPassword(id, NewPassword{*next, {}, false, now});
        auditDone(tx, now, id, note);
        out = *op;
    });
    return *out;
}

}  // namespace reconsole::ops
