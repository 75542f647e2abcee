#pragma once
// Who the timeline is about: id, masked name and phone, the orphan total, and one card per
// account with its net movement over the mirror's window. The feed carries no opening
// balances, so the cards never say "balance".
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QScrollArea;

namespace reconsole::recon {
struct CustomerTimeline;
}

namespace reconsole::ui {

class CustomerHeader : public QWidget {
    Q_OBJECT
public:
    explicit CustomerHeader(QWidget* parent = nullptr);
    void setTimeline(const recon::CustomerTimeline& t);

private:
    QWidget* accountCard(const QString& title, const QString& net, const QString& detail);

    QLabel* name_;
    QLabel* facts_;
    QLabel* orphans_;
    QHBoxLayout* accounts_;
    QScrollArea* accountsArea_;   // scrolls sideways: many accounts never widen the window
};

}  // namespace reconsole::ui
