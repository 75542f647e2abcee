#include "ops/outbox.h"

#include "core/instant.h"
#include "ops/catalog_fix_service.h"
#include "ops/catalog_values.h"
#include "ops/crash_points.h"
#include "ops/ops_store.h"
#include "ops/refund_rules.h"
#include "ops/refund_service.h"
#include "ops/service_support.h"
#include "store/store_error.h"

#include <simdjson.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace reconsole::ops {
namespace {

// Sorts by time; the store id and the random part keep names apart across stores and clocks.
std::string exportFileName(const std::string& storeId, Instant at)
{
    std::string stamp;
    for (char c : formatUtc(at))
        if (c != '-' && c != ':' && c != '.')
            stamp += c;
    return "reconsole-outbox-" + stamp + "-" + storeId + "-" + newOperationId().substr(3, 8) + ".jsonl";
}

// What one export hands over: refunds, then catalog fixes.
struct ExportBatch {
    OutboxExport file;
    std::vector<RefundRequest> refunds;
    std::vector<CatalogFix> fixes;
};

std::string fileText(const ExportBatch& b)
{
    std::string text;
    for (const auto& r : b.refunds)
        text += outboxLine(r, b.file.head) + "\n";
    for (const auto& f : b.fixes)
        text += outboxLine(f, b.file.head) + "\n";
    return text;
}

void syncOrThrow(int fd, const std::string& what)
{
    if (::fsync(fd) != 0)
        throw StoreError("could not sync " + what + ": " + std::strerror(errno));
}

}  // namespace

std::string outboxLine(const RefundRequest& r, const AuditHead& head)
{
    JsonObject o;
    o.add("request_id", r.id).add("idempotency_key", r.idempotencyKey).add("kind", "refund");
    o.add("requested_by", r.requestedBy).add("approved_by", r.approvedBy.value_or(""));
    o.add("requested_at", formatUtc(r.requestedAt)).add("approved_at", formatUtc(r.approvedAt.value_or(r.requestedAt)));
    o.add("reason", r.reason).add("note", r.note);
    o.addRaw("audit_head", JsonObject().add("count", head.count).add("sha256", head.sha256).str());
    o.add("ledger_id", r.ledgerId).add("customer_id", r.customerId).add("account_id", r.accountId);
    o.add("amount", r.amount);
    return o.str();
}

std::string outboxLine(const CatalogFix& f, const AuditHead& head)
{
    JsonObject o;
    o.add("request_id", f.id).add("idempotency_key", f.idempotencyKey).add("kind", "catalog_fix");
    o.add("requested_by", f.requestedBy).add("approved_by", f.approvedBy.value_or(""));
    o.add("requested_at", formatUtc(f.requestedAt)).add("approved_at", formatUtc(f.approvedAt.value_or(f.requestedAt)));
    o.add("reason", f.reason).add("note", f.note);
    o.addRaw("audit_head", JsonObject().add("count", head.count).add("sha256", head.sha256).str());
    o.add("product_id", f.productId).addRaw("set", catalogValuesJson(f.set));
    o.addRaw("expected", catalogValuesJson(f.expected));
    return o.str();
}

void writeFileAtomically(const std::string& path, const std::string& text)
{
    const std::filesystem::path target(path);
    // A name of its own per writer: two consoles finishing the same export each rename a whole
    // file into place, and neither truncates the other's.
    const std::string tmp = path + "." + newOperationId().substr(3) + ".partial";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw StoreError("could not write '" + tmp + "': " + std::strerror(errno));
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            std::filesystem::remove(tmp);
            throw StoreError("could not write '" + tmp + "': " + why);
        }
        done += static_cast<std::size_t>(n);
        crashPoint("export.mid_write");
    }
    try {
        syncOrThrow(fd, tmp);
    } catch (...) {
        ::close(fd);
        std::filesystem::remove(tmp);
        throw;
    }
    ::close(fd);
    std::filesystem::rename(tmp, target);
    // The rename itself must survive a power cut too.
    const std::string dir = target.parent_path().empty() ? "." : target.parent_path().string();
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        syncOrThrow(dfd, dir);
        ::close(dfd);
    }
}

Result<ExportResult> OutboxService::exportTo(const std::string& actorId, const std::string& dir)
{
    if (!std::filesystem::is_directory(dir))
        return refuse(RefusalCode::InvalidInput, "the outbox folder '" + dir + "' does not exist");
    // First the exports an earlier run claimed but did not finish: the same requests again,
    // under the same file name, with the same keys (at least once).
    std::vector<ExportBatch> unfinished;
    std::optional<Refusal> refused;
    ctx_.store.write([&](OpsTx& tx) {
        unfinished.clear();
        refused.reset();
        const Instant now = ctx_.now();
        const AuditNote note{"outbox.export", dir, "", ""};
        auto actor = requireActor(tx, actorId, Permission::ExportOutbox);
        if (!actor) {
            auditRefused(tx, now, actorId, note, actor.refusal());
            refused = actor.refusal();
            return;
        }
        for (const auto& e : tx.unwrittenExports()) {
            if (!tx.holdExport(e.id))
                continue;   // another console is writing it right now: it is not unfinished
            // Only what is still sent: a request settled meanwhile, or recorded as failed, must
            // not reach the platform now under its old key.
            ExportBatch b{e, {}, {}};
            for (auto& r : tx.refundsOfExport(e.id))
                if (r.state == RefundState::Sent)
                    b.refunds.push_back(std::move(r));
            for (auto& f : tx.catalogFixesOfExport(e.id))
                if (f.state == RefundState::Sent)
                    b.fixes.push_back(std::move(f));
            unfinished.push_back(std::move(b));
        }
        // Then claim what is approved now: marked sent before its file exists, so that it can no
        // longer be cancelled once it may have reached the platform.
        ExportBatch b;
        for (auto& r : tx.refunds(RefundFilter{RefundState::Approved, {}, {}, {}, 100000}))
            if (r.approvalHash && *r.approvalHash == approvalHash(r))
                b.refunds.push_back(r);
        for (auto& f : tx.catalogFixes(CatalogFixFilter{{}, RefundState::Approved, 100000}))
            if (f.approvalHash && *f.approvalHash == fixApprovalHash(f))
                b.fixes.push_back(f);
        if (b.refunds.empty() && b.fixes.empty())
            return;
        b.file = OutboxExport{0, exportFileName(tx.storeId(), now), actorId, now, {}, false};
        for (auto& r : b.refunds) {
            const std::string before = refundJson(r);
            r.state = RefundState::Sent;
            r.sentAt = now;
            r.updatedAt = now;
            auditDone(tx, now, actorId, AuditNote{"refund.send", r.id, before, refundJson(r)});
        }
        for (auto& f : b.fixes) {
            const std::string before = catalogFixJson(f);
            f.state = RefundState::Sent;
            f.sentAt = now;
            f.updatedAt = now;
            auditDone(tx, now, actorId, AuditNote{"catalog_fix.send", f.id, before, catalogFixJson(f)});
        }
        b.file.head = tx.auditHead();
        b.file.id = tx.insertExport(b.file);
        tx.holdExport(b.file.id);
        for (auto& r : b.refunds) {
            r.exportId = b.file.id;
            tx.updateRefund(r);
        }
        for (auto& f : b.fixes) {
            f.exportId = b.file.id;
            tx.updateCatalogFix(f);
        }
        unfinished.push_back(std::move(b));
    });
    // The exports held are let go when this run ends, however it ends (or when the process dies).
    const std::unique_ptr<OpsStore, void (*)(OpsStore*)> letGo(&ctx_.store,
                                                                [](OpsStore* s) { s->releaseExports(); });
    if (refused)
        return *refused;
    crashPoint("export.after_claim");
    ExportResult result;
    for (const auto& b : unfinished) {
        const std::string path = (std::filesystem::path(dir) / b.file.fileName).string();
        writeFileAtomically(path, fileText(b));
        crashPoint("export.after_write");
        ctx_.store.write([&](OpsTx& tx) { tx.markExportWritten(b.file.id, ctx_.now()); });
        result.files.push_back(path);
        result.requests += static_cast<int>(b.refunds.size() + b.fixes.size());
        result.fixes += static_cast<int>(b.fixes.size());
    }
    return result;
}

std::vector<OutboxRequest> readOutboxFile(const std::string& path)
{
    simdjson::padded_string text;
    if (simdjson::padded_string::load(path).get(text))
        throw std::runtime_error("cannot read outbox file '" + path + "'");
    simdjson::dom::parser parser;
    std::vector<OutboxRequest> out;
    const std::string_view all(text.data(), text.size());
    std::size_t pos = 0;
    for (int lineNo = 1; pos < all.size(); ++lineNo) {
        const std::size_t end = std::min(all.find('\n', pos), all.size());
        const std::string line(all.substr(pos, end - pos));
        pos = end + 1;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        const auto bad = [&](const std::string& why) {
            return std::runtime_error(path + ":" + std::to_string(lineNo) + ": " + why);
        };
        simdjson::dom::object o;
        if (parser.parse(line).get(o))
            throw bad("not a JSON object");
        const auto str = [&](const char* key) {
            std::string_view v;
            if (o[key].get(v))
                throw bad(std::string("missing or non-string field '") + key + "'");
            return std::string(v);
        };
        OutboxRequest r;
        r.requestId = str("request_id");
        r.idempotencyKey = str("idempotency_key");
        r.kind = str("kind");
        if (r.kind == "refund") {
            r.ledgerId = str("ledger_id");
            r.customerId = str("customer_id");
            r.accountId = str("account_id");
            if (o["amount"].get(r.amount) || r.amount < 1)
                throw bad("amount must be a whole number of won, at least 1");
        } else if (r.kind == "catalog_fix") {
            r.productId = str("product_id");
            const auto values = [&](const char* key) {
                simdjson::dom::object v;
                if (o[key].get(v))
                    throw bad(std::string("missing or non-object field '") + key + "'");
                auto parsed = catalogValuesFromJson(simdjson::minify(v));
                if (!parsed)
                    throw bad(std::string("'") + key + "' names a field or value outbox-v1 does not allow");
                return *parsed;
            };
            r.set = values("set");
            r.expected = values("expected");
            if (r.set.empty())
                throw bad("'set' names no value");
        } else {
            throw bad("unknown kind '" + r.kind + "'");
        }
        simdjson::dom::object head;
        if (!o["audit_head"].get(head)) {
            AuditHead h;
            std::string_view sha;
            if (head["count"].get(h.count) || head["sha256"].get(sha))
                throw bad("audit_head needs count and sha256");
            h.sha256 = std::string(sha);
            r.auditHead = h;
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace reconsole::ops
