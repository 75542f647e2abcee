#include "ops/ops_copy.h"

#include "ops/audit_chain.h"
#include "ops/ops_store.h"
#include "store/store_error.h"

namespace reconsole::ops {

CopyReport copyOpsStore(OpsStore& from, OpsStore& to)
{
    OpsSnapshot s;
    ChainVerdict source;
    from.read([&](OpsReader& r) {
        s = r.snapshot();
        source = verifyChain(r);
    });
    if (!source.intact)
        throw StoreError("the source's audit chain is broken at entry " + std::to_string(source.firstBroken.value_or(0))
                         + " (" + source.why + "): nothing was copied");
    to.write([&](OpsTx& tx) { tx.restore(s); });
    ChainVerdict copied;
    to.read([&](OpsReader& r) { copied = verifyChain(r); });
    if (!copied.intact || !(copied.head == source.head))
        throw StoreError("the copy's audit chain does not end where the source's does: check the target store");
    return CopyReport{static_cast<int>(s.operators.size()), static_cast<int>(s.refunds.size()), copied.head};
}

}  // namespace reconsole::ops
