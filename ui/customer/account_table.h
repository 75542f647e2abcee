#pragma once
// The customer's accounts, one row each: the net movement over the mirror's window, then the
// debits and credits behind it. Replaces a strip of cards that scrolled sideways and, at
// 1024 px, left the second card's amount half outside the window. Amounts keep their full
// width: when the table is narrow the debit and credit columns give way first (they stay in
// the row's tooltip), then the account's name is cut with "…". Past kVisibleRows accounts the
// table scrolls by whole rows, so no row is ever shown in part.
#include <QScrollArea>
#include <QString>
#include <QVector>

#include <array>

class QFrame;
class QGridLayout;
class QLabel;

namespace reconsole::ui {

class AccountTable : public QScrollArea {
    Q_OBJECT
public:
    struct Row {
        QString account;    // "은행 · KB국민 ****6131"
        QString net;        // signed, or "합산 중…" while a first page is shown
        QString debits, credits;   // empty while a first page is shown
    };
    static constexpr int kVisibleRows = 5;

    explicit AccountTable(QWidget* parent = nullptr);
    void setRows(const QVector<Row>& rows);

    bool showsDetail() const { return showsDetail_; }   // the debit and credit columns

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QLabel* cell(const QString& text, Qt::Alignment align, const char* objectName);
    void ensureHeadings();
    QString meaning() const;
    void fitToWidth();

    QFrame* body_;
    QGridLayout* grid_;
    QVector<QLabel*> headings_;
    QVector<std::array<QLabel*, 4>> cells_;   // a row's name, net, debits and credits, kept
    QVector<QLabel*> detail_;   // the debit and credit cells, headings included
    int fullWidth_ = 0;         // the width every column needs at full length
    bool hasDetail_ = false;    // some row has sums (not while a first page is shown)
    bool showsDetail_ = true;
};

}  // namespace reconsole::ui
