#pragma once
// The hand-over to the platform (outbox-v1): approved requests are marked sent in the store,
// then written as one JSON Lines file, atomically. An export that dies after the first step is
// finished by the next one: the same requests, the same file, the same keys (at least once).
#include "ops/ops_context.h"
#include "ops/ops_types.h"
#include "ops/result.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole::ops {

struct ExportResult {
    std::vector<std::string> files;   // written by this call (an unfinished earlier export first)
    int requests = 0;                 // refunds and catalog fixes
    int fixes = 0;                    // of which catalog fixes
};

class OutboxService {
public:
    explicit OutboxService(OpsContext ctx) : ctx_(ctx) {}
    // Writes nothing (files empty) when nothing is waiting.
    Result<ExportResult> exportTo(const std::string& actorId, const std::string& dir);

private:
    OpsContext ctx_;
};

// One outbox line for a refund request, or a catalog fix.
std::string outboxLine(const RefundRequest& r, const AuditHead& head);
std::string outboxLine(const CatalogFix& f, const AuditHead& head);

struct OutboxRequest {
    std::string requestId, idempotencyKey, kind, ledgerId, customerId, accountId;
    std::int64_t amount = 0;
    std::string productId;            // kind = catalog_fix
    CatalogValues set, expected;
    std::optional<AuditHead> auditHead;
};

// Reads an outbox file; throws std::runtime_error naming the line that is not a valid request.
std::vector<OutboxRequest> readOutboxFile(const std::string& path);

// Writes `text` to `path` atomically: a temporary file beside it, synced, renamed, the folder synced.
void writeFileAtomically(const std::string& path, const std::string& text);

}  // namespace reconsole::ops
