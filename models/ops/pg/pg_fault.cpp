#include "ops/pg/pg_fault.h"

#include "ops/pg/pg_connection.h"

#include <algorithm>
#include <cctype>

namespace reconsole::ops::pg {

bool looksLikeSignInRefusal(const std::string& message)
{
    std::string m = message;
    std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    for (const char* needle : {"password authentication failed", "no password supplied", "authentication failed for user",
                               "fe_sendauth", "no pg_hba.conf entry"})
        if (m.find(needle) != std::string::npos)
            return true;
    return m.find("role \"") != std::string::npos && m.find("does not exist") != std::string::npos;
}

ServerFault serverFaultOf(const std::exception& e)
{
    if (const auto* pg = dynamic_cast<const PgError*>(&e)) {
        const std::string& s = pg->sqlstate();
        // Class 08: connection exceptions; 57P01-03: the server shutting down or starting up.
        if (s.rfind("08", 0) == 0 || s == "57P01" || s == "57P02" || s == "57P03")
            return ServerFault::Unreachable;
        return ServerFault::None;
    }
    const std::string what = e.what();
    // PgConnection's words for a connection that could not be made or was lost.
    if (what.rfind("cannot reach the operations server", 0) == 0)
        return looksLikeSignInRefusal(what) ? ServerFault::SignInRefused : ServerFault::Unreachable;
    if (what.rfind("the operations server went away", 0) == 0)
        return ServerFault::Unreachable;
    return ServerFault::None;
}

}  // namespace reconsole::ops::pg
