#pragma once
// Finds the versions a later line of the same chunk replaces, so the writer can skip them.
// Half the demo feed's order lines are an order's first version ('pending'), followed a few
// lines later by its second ('paid'); writing both cost 350 000 upserts of 2.2 M lines, each
// undone by the next. Marked here, on the parse thread, which has time to spare.
//
// A version A is superseded by a later line B of the same chunk when:
// - both are records of the same kind with the same id, of a kind whose write is a plain
//   "newest seq wins" upsert with no other effect than naming that id (merchant, customer,
//   account, order, payment); products keep every version and ledger entries are immutable
//   (a differing copy must be quarantined), cash receipts name their order as touched;
// - B's seq is above A's, and above every seq before B in the chunk.
// Then B is applied whenever A would be (B is above the cursor if A is), and its upsert
// overwrites A's; if B is a re-delivery, so is A. The importer commits whole chunks, so A and
// B always fall in the same transaction: no committed mirror ever lacks A without having B.
#include "feed/parse_pipeline.h"

#include <vector>

namespace reconsole::feed {

void markSupersededVersions(std::vector<ParsedLine>& lines);

}  // namespace reconsole::feed
