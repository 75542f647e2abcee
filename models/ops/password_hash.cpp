#include "ops/password_hash.h"

#include <argon2.h>
#include <sys/random.h>

#include <cstdlib>
#include <cstring>
#include <regex>
#include <stdexcept>
#include <vector>

namespace reconsole::ops {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

void randomBytes(unsigned char* out, std::size_t n)
{
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = getrandom(out + got, n - got, 0);
        if (r < 0)
            throw std::runtime_error("the kernel's random source (getrandom) failed: no salt, no password set");
        got += static_cast<std::size_t>(r);
    }
}

}  // namespace

Argon2Params argon2Policy()
{
    const char* floorForTests = std::getenv("RECONSOLE_ARGON2_FLOOR_FOR_TESTS");
    if (floorForTests && std::strcmp(floorForTests, "1") == 0)
        return kArgon2Floor;
    return kArgon2Default;
}

bool meetsFloor(const Argon2Params& p)
{
    return p.memoryKiB >= kArgon2Floor.memoryKiB && p.iterations >= kArgon2Floor.iterations
        && p.parallelism >= kArgon2Floor.parallelism;
}

bool weakerThan(const Argon2Params& p, const Argon2Params& policy)
{
    return p.memoryKiB < policy.memoryKiB || p.iterations < policy.iterations || p.parallelism < policy.parallelism;
}

std::string hashPassword(const std::string& password, const Argon2Params& params)
{
    if (!meetsFloor(params))
        throw std::invalid_argument("Argon2id parameters below the floor (m=19456 KiB, t=2, p=1) are refused");
    unsigned char salt[kSaltBytes];
    randomBytes(salt, sizeof salt);
    std::vector<char> encoded(argon2_encodedlen(params.iterations, params.memoryKiB, params.parallelism, kSaltBytes,
                                                kHashBytes, Argon2_id));
    const int rc = argon2id_hash_encoded(params.iterations, params.memoryKiB, params.parallelism, password.data(),
                                         password.size(), salt, sizeof salt, kHashBytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        throw std::runtime_error(std::string("Argon2id hashing failed: ") + argon2_error_message(rc));
    return std::string(encoded.data());
}

bool verifyPassword(const std::string& phc, const std::string& password)
{
    if (!paramsOf(phc))
        return false;
    return argon2_verify(phc.c_str(), password.data(), password.size(), Argon2_id) == ARGON2_OK;
}

std::optional<Argon2Params> paramsOf(const std::string& phc)
{
    static const std::regex form(R"(^\$argon2id\$v=19\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,3})\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$)");
    std::smatch m;
    if (!std::regex_match(phc, m, form))
        return std::nullopt;
    const auto num = [&](int i) { return static_cast<std::uint32_t>(std::stoull(m[i].str())); };
    return Argon2Params{num(1), num(2), num(3)};
}

}  // namespace reconsole::ops
