#pragma once
// Who the timeline is about: id, masked name and phone, the orphan total, and a table of its
// accounts with each one's net movement over the mirror's window. The feed carries no opening
// balances, so the cards never say "balance".
#include <QWidget>

class QLabel;

namespace reconsole::recon {
struct CustomerTimeline;
}

namespace reconsole::ui {

class AccountTable;

class CustomerHeader : public QWidget {
    Q_OBJECT
public:
    explicit CustomerHeader(QWidget* parent = nullptr);
    void setTimeline(const recon::CustomerTimeline& t);

private:
    QLabel* name_;
    QLabel* facts_;
    QLabel* orphans_;
    AccountTable* accounts_;
};

}  // namespace reconsole::ui
