#pragma once
// The status bar's account of how fresh the mirror is: newest ledger record, last import,
// and a warning when either is too old (thresholds in items/mirror_freshness.h). Cut with "…" when
// the window is narrow, the whole line then in its tooltip.
#include "items/mirror_freshness.h"

#include "ui/widgets/eliding_label.h"

class QTimer;

namespace reconsole::ui {

class FreshnessIndicator : public ElidingLabel {
    Q_OBJECT
public:
    explicit FreshnessIndicator(QWidget* parent = nullptr);

    void setFacts(const items::FreshnessFacts& facts);
    void clear();
    bool isStale() const { return stale_; }

private:
    void render();
    void setStyleIfChanged(const QString& sheet);

    std::optional<items::FreshnessFacts> facts_;
    QTimer* tick_;
    bool stale_ = false;
};

}  // namespace reconsole::ui
