#pragma once
// What kind of failure a store error is, for a console that must tell "the operations server is
// out of reach: trying again by itself" from "the server refused this sign-in: the person must
// act" and from every other error (a refusal of a statement, a schema too old), which is shown
// once and never retried.
#include <exception>
#include <string>

namespace reconsole::ops::pg {

enum class ServerFault {
    None,            // not a connection problem (or not a server at all)
    Unreachable,     // no connection, or it was lost: try again later
    SignInRefused,   // bad password, unknown login role: the same sign-in will fail again
};

ServerFault serverFaultOf(const std::exception& e);

// Whether a libpq or server message says the sign-in was refused rather than the server being
// out of reach (English server messages; others count as out of reach, retried harmlessly).
bool looksLikeSignInRefusal(const std::string& message);

}  // namespace reconsole::ops::pg
