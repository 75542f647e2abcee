// Fuzz target: the outbox file reader that `reconsole-cli simulate-platform` and
// `audit verify --against` use (outbox-v1). The input is written as an outbox file and read
// back. A file that is not valid outbox-v1 must be refused with std::runtime_error naming the
// file and line; one that is read must give only requests outbox-v1 allows.
#include "fuzz_support.h"

#include "ops/outbox.h"

#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>

using namespace reconsole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::scratchDir() + "/outbox.jsonl";
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    std::vector<ops::OutboxRequest> requests;
    try {
        requests = ops::readOutboxFile(path);
    } catch (const std::runtime_error& e) {
        const std::string what = e.what();
        FUZZ_CHECK(what.find(path) != std::string::npos, "the refusal does not name the file: %s", e.what());
        return 0;
    }
    for (const auto& r : requests) {
        FUZZ_CHECK(r.kind == "refund" || r.kind == "catalog_fix", "kind '%s'", r.kind.c_str());
        if (r.kind == "refund")
            FUZZ_CHECK(r.amount >= 1, "refund of %lld", static_cast<long long>(r.amount));
        else
            FUZZ_CHECK(!r.set.empty(), "a catalog fix that sets nothing");
        for (const auto* v : {&r.set, &r.expected}) {
            for (const auto& n : {v->price, v->listPrice, v->discountBp})
                FUZZ_CHECK(!n || *n >= 0, "a negative catalog value");
            FUZZ_CHECK(!v->discountBp || *v->discountBp <= 10000, "discount_bp %lld", (long long)*v->discountBp);
        }
    }
    return 0;
}
