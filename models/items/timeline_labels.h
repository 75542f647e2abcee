#pragma once
// The words and chip colours of the timeline rows, in one place so the model stays wiring.
#include "items/timeline_groups.h"

#include <QString>

namespace reconsole::items {

// How a status chip is coloured: green done, red failed or missing, amber waiting, grey
// cancelled or unknown.
enum class ChipTone { None, Good, Bad, Waiting, Neutral };

struct Chip {
    QString text;
    ChipTone tone = ChipTone::None;
};

QString groupKindLabel(TimelineGroupKind kind);          // "주문", "충전", "주문 없음"
QString eventKindLabel(const recon::TimelineEvent& e);  // "결제 시도", "출금 · 결제"
Chip eventChip(const recon::TimelineEvent& e);
Chip groupChip(const TimelineGroup& g);
// Ledger amounts carry their direction: "-₩50,000" for a debit, "+₩100,000" for a credit.
QString eventAmountText(const recon::TimelineEvent& e);
// "머니 · 카카오머니"; the id when the account record has not arrived.
QString accountText(const recon::CustomerTimeline& t, const std::string& accountId);
// What the group is about: the product, the account topped up from, or a count.
QString groupDetail(const recon::CustomerTimeline& t, const TimelineGroup& g);
Money groupAmount(const TimelineGroup& g);

}  // namespace reconsole::items
