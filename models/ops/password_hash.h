#pragma once
// Sign-in passwords of the embedded operations store: Argon2id (libargon2), kept as the PHC
// string "$argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>" so that each hash carries its own
// parameters and can be upgraded when the policy grows. A team server keeps SCRAM verifiers of
// its own instead (docs/sign-in.md).
#include <cstdint>
#include <optional>
#include <string>

namespace reconsole::ops {

struct Argon2Params {
    std::uint32_t memoryKiB = 0, iterations = 0, parallelism = 0;
    friend bool operator==(const Argon2Params&, const Argon2Params&) = default;
};

// The policy for new hashes (and for upgrading older ones on sign-in).
inline constexpr Argon2Params kArgon2Default{65536, 3, 1};
// The written floor: OWASP's minimum for Argon2id. Nothing hashes below it, tests included.
inline constexpr Argon2Params kArgon2Floor{19456, 2, 1};
// Passwords shorter than this are refused (as on the team server).
inline constexpr std::size_t kMinPasswordLength = 12;

// The parameters in force: kArgon2Default, or the floor itself when the environment sets
// RECONSOLE_ARGON2_FLOOR_FOR_TESTS=1 (the test suite does, to keep races and processes fast).
Argon2Params argon2Policy();

// True when `p` is at or above the floor in every parameter.
bool meetsFloor(const Argon2Params& p);
// True when `p` is below `policy` in any parameter (the hash is upgraded on the next sign-in).
bool weakerThan(const Argon2Params& p, const Argon2Params& policy);

// A PHC string with a fresh 16-byte salt from the kernel's CSPRNG (getrandom). Throws
// std::invalid_argument below the floor, std::runtime_error when hashing fails.
std::string hashPassword(const std::string& password, const Argon2Params& params);

// Constant-time verification (argon2_verify) of `password` against a PHC string. False for a
// malformed string as for a wrong password.
bool verifyPassword(const std::string& phc, const std::string& password);

// The parameters a PHC string was made with; nullopt when it is not an Argon2id PHC string.
std::optional<Argon2Params> paramsOf(const std::string& phc);

}  // namespace reconsole::ops
