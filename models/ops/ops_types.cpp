#include "ops/ops_types.h"

#include <array>

namespace reconsole::ops {
namespace {

constexpr std::array kRoles = {Role::Agent, Role::Ops, Role::Admin, Role::Merchant};
constexpr std::array kStateCodes = {"requested", "approved", "sent", "settled", "rejected", "cancelled", "failed"};

}  // namespace

Roles::Roles(std::initializer_list<Role> roles)
{
    for (Role r : roles)
        add(r);
}

Roles Roles::fromBits(unsigned bits)
{
    Roles r;
    r.bits_ = bits & 15u;
    return r;
}

const char* roleCode(Role r)
{
    switch (r) {
    case Role::Agent: return "agent";
    case Role::Ops: return "ops";
    case Role::Admin: return "admin";
    case Role::Merchant: return "merchant";
    }
    return "?";
}

std::optional<Role> roleFromCode(std::string_view code)
{
    for (Role r : kRoles)
        if (code == roleCode(r))
            return r;
    return std::nullopt;
}

std::string rolesText(Roles roles)
{
    std::string out;
    for (Role r : kRoles)
        if (roles.has(r))
            out += (out.empty() ? "" : ",") + std::string(roleCode(r));
    return out;
}

std::optional<Roles> rolesFromText(std::string_view text)
{
    Roles roles;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto part = text.substr(0, comma);
        const auto role = roleFromCode(part);
        if (!role)
            return std::nullopt;
        roles.add(*role);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    if (roles.empty())
        return std::nullopt;
    return roles;
}

const char* refundStateCode(RefundState s) { return kStateCodes[static_cast<std::size_t>(s)]; }

std::optional<RefundState> refundStateFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kStateCodes.size(); ++i)
        if (code == kStateCodes[i])
            return static_cast<RefundState>(i);
    return std::nullopt;
}

const std::vector<std::string>& refundReasonCodes()
{
    static const std::vector<std::string> codes = {"ORPHAN_DEBIT", "DUPLICATE_CHARGE", "PRICE_ERROR",
                                                   "GOODWILL",     "CASH_RECEIPT_ERROR", "ORDER_CANCELLED"};
    return codes;
}

bool isRefundReason(std::string_view code)
{
    for (const auto& c : refundReasonCodes())
        if (c == code)
            return true;
    return false;
}

}  // namespace reconsole::ops
