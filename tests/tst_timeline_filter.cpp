// A customer's timeline filtered as an agent does on a busy account: by kind of record and by
// text typed in (ids, product and merchant names, statuses), the tab saying "N / M", the chosen
// debit kept while the filter shows it, and "open at debit L-…" clearing a filter that hides
// it. A customer with 8 200 records is filtered in memory, quickly, with no database read.
#include "items/timeline_filter_proxy.h"
#include "items/timeline_model.h"
#include "test_mirror.h"
#include "ui/charts/timeline_chart.h"
#include "ui/customer/customer_screen.h"
#include "ui/customer/customer_timeline_panel.h"
#include "ui/customer/timeline_filter_bar.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <string>
#include <vector>

using namespace reconsole;
using items::TimelineModel;

class TestTimelineFilter : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void filtersByKind();
    void filtersByText();
    void keepsTheSelectedDebitWhileShown();
    void openingAtADebitClearsAFilterThatHidesIt();
    void aChartClickOnAHiddenPointClearsTheFilter();
    void aBusyTimelineFiltersQuickly();

private:
    void open(const QString& customerId, const QString& ledgerId = {});
    void chooseKind(int kinds);
    void typeText(const QString& text);
    QStringList shownIds() const;   // every row's id, groups and records, top to bottom
    QString tabText() const { return tabs_->tabText(0); }
    QString currentKey() const { return events_->currentIndex().data(TimelineModel::KeyRole).toString(); }

    test::TestMirror mirror_;
    ui::CustomerScreen* screen_ = nullptr;
    ui::CustomerTimelinePanel* panel_ = nullptr;
    QTreeView* events_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QComboBox* kind_ = nullptr;
    QLineEdit* text_ = nullptr;
};

namespace {

// C-BUSY: 2 050 orders, each with a payment attempt, a debit and a cash receipt (8 200
// records). Every 100th order is a mug from 한빛상회, whose product name does not say so.
std::vector<std::string> busyCustomer()
{
    std::vector<std::string> lines{
        R"({"seq":100,"type":"merchant","id":"M-HANBIT","name":"한빛상회","category":"goods","max_discount_bp":0})",
        R"({"seq":101,"type":"product","id":"P-MUG","merchant_id":"M-HANBIT","name":"머그컵","kind":"goods","list_price":12000,"price":12000,"discount_bp":0,"cash_receipt_eligible":true,"updated_at":"2026-01-01T09:00:00+09:00"})",
        R"({"seq":102,"type":"customer","id":"C-BUSY","name":"바**","phone_last4":"1234","created_at":"2025-01-01T09:00:00+09:00"})",
        R"({"seq":103,"type":"account","id":"A-BUSY","customer_id":"C-BUSY","kind":"money","label":"머니"})",
    };
    int seq = 104;
    for (int i = 0; i < 2050; ++i) {
        const bool mug = i % 100 == 0;
        const std::string n = std::to_string(100000 + i);
        const std::string product = mug ? "P-MUG" : "P-SBUX-AMER";
        const std::string amount = mug ? "12000" : "4700";
        const qint64 secs = 1'767'225'600LL + i * 600;   // from 2026-01-01T00:00:00Z, 10 minutes apart
        const std::string iso = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate).toStdString();
        lines.push_back(R"({"seq":)" + std::to_string(seq++) + R"(,"type":"order","id":"O-B)" + n
                        + R"(","customer_id":"C-BUSY","product_id":")" + product + R"(","quantity":1,"unit_price":)"
                        + amount + R"(,"total":)" + amount + R"(,"status":"paid","created_at":")" + iso
                        + R"(","updated_at":")" + iso + R"("})");
        lines.push_back(R"({"seq":)" + std::to_string(seq++) + R"(,"type":"payment","id":"PAY-B)" + n
                        + R"(","order_id":"O-B)" + n + R"(","amount":)" + amount + R"(,"status":"approved","at":")" + iso
                        + R"("})");
        lines.push_back(R"({"seq":)" + std::to_string(seq++) + R"(,"type":"ledger","id":"L-B)" + n
                        + R"(","account_id":"A-BUSY","customer_id":"C-BUSY","direction":"debit","amount":)" + amount
                        + R"(,"purpose":"payment","payment_id":"PAY-B)" + n + R"(","order_id":"O-B)" + n + R"(","at":")"
                        + iso + R"("})");
        lines.push_back(R"({"seq":)" + std::to_string(seq++) + R"(,"type":"cash_receipt","id":"R-B)" + n
                        + R"(","order_id":"O-B)" + n + R"(","amount":)" + amount + R"(,"status":"issued","at":")" + iso
                        + R"("})");
    }
    return lines;
}

}  // namespace

void TestTimelineFilter::initTestCase()
{
    QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK KR"), 10));
    mirror_.import({test::sharedPath("examples/incident-small.jsonl")});
    mirror_.importLines(busyCustomer());
    QCOMPARE(mirror_.count("SELECT count(*) FROM ledger WHERE customer_id = 'C-BUSY'"), 2050);
}

void TestTimelineFilter::init()
{
    screen_ = new ui::CustomerScreen(QString::fromStdString(mirror_.path()));
    screen_->resize(1440, 900);
    screen_->show();
    QVERIFY(QTest::qWaitForWindowExposed(screen_));
    panel_ = screen_->timelinePanel();
    events_ = screen_->findChild<QTreeView*>(QStringLiteral("timelineEvents"));
    tabs_ = screen_->findChild<QTabWidget*>(QStringLiteral("timelineTabs"));
    kind_ = screen_->findChild<QComboBox*>(QStringLiteral("timelineKindFilter"));
    text_ = screen_->findChild<QLineEdit*>(QStringLiteral("timelineTextFilter"));
    QVERIFY(panel_ && events_ && tabs_ && kind_ && text_);
}

void TestTimelineFilter::cleanup()
{
    delete screen_;
    screen_ = nullptr;
}

void TestTimelineFilter::open(const QString& customerId, const QString& ledgerId)
{
    QSignalSpy loaded(screen_, &ui::CustomerScreen::timelineLoaded);
    screen_->showCustomer(customerId, ledgerId);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
}

void TestTimelineFilter::chooseKind(int kinds)
{
    const int index = kind_->findData(kinds);
    QVERIFY(index >= 0);
    kind_->setCurrentIndex(index);
    emit kind_->activated(index);   // as a choice from the list
}

// Typed, then applied a moment after the last key.
void TestTimelineFilter::typeText(const QString& text)
{
    text_->setFocus();
    text_->selectAll();
    QTest::keyClick(text_, Qt::Key_Backspace);
    for (QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClick(text_, c.toLatin1());
        } else {   // Hangul arrives through the input method, as it does from a Korean keyboard
            QInputMethodEvent commit;
            commit.setCommitString(c);
            QApplication::sendEvent(text_, &commit);
        }
    }
    QTRY_COMPARE(panel_->shownModel()->filter().text, text);
}

QStringList TestTimelineFilter::shownIds() const
{
    QStringList ids;
    const QAbstractItemModel* m = events_->model();
    for (int g = 0; g < m->rowCount(); ++g) {
        const QModelIndex group = m->index(g, TimelineModel::IdColumn);
        ids << group.data().toString();
        for (int r = 0; r < m->rowCount(m->index(g, 0)); ++r)
            ids << m->index(r, TimelineModel::IdColumn, m->index(g, 0)).data().toString();
    }
    return ids;
}

void TestTimelineFilter::filtersByKind()
{
    open(QStringLiteral("C-NAM"));
    QVERIFY(panel_->filterBar()->isVisible());
    const int total = panel_->shownModel()->totalRecords();
    QCOMPARE(tabText(), QStringLiteral("거래 흐름 (%1)").arg(total));

    chooseKind(items::CreditKind);
    // Credits: the top-up's and the reversal, each under its group.
    QCOMPARE(shownIds(), (QStringList{"L-0001", "L-0002", "O-1001", "L-0009"}));
    QCOMPARE(tabText(), QStringLiteral("거래 흐름 (2 / %1)").arg(total));

    chooseKind(items::OrphanKind);
    QCOMPARE(shownIds(), (QStringList{"O-1001", "L-0003", "L-0010", "L-0010", "", "L-0011"}));
    QCOMPARE(tabText(), QStringLiteral("거래 흐름 (3 / %1)").arg(total));

    chooseKind(items::OrderKind);   // the order rows, for themselves
    QCOMPARE(shownIds(), QStringList{"O-1001"});
    QCOMPARE(tabText(), QStringLiteral("거래 흐름 (1 / %1)").arg(total));

    chooseKind(0);
    QCOMPARE(tabText(), QStringLiteral("거래 흐름 (%1)").arg(total));
}

void TestTimelineFilter::filtersByText()
{
    open(QStringLiteral("C-NAM"));
    const int total = panel_->shownModel()->totalRecords();
    typeText(QStringLiteral("pay-1001"));   // an id, any case: the payment and the debit naming it
    QCOMPARE(shownIds(), (QStringList{"O-1001", "L-0003", "PAY-1001"}));   // in time order
    QCOMPARE(tabText(), QStringLiteral("거래 흐름 (2 / %1)").arg(total));

    typeText(QStringLiteral("롯데"));   // a product: the whole order
    QCOMPARE(shownIds().first(), QStringLiteral("O-1001"));
    QVERIFY(shownIds().contains(QStringLiteral("R-1001")) && shownIds().contains(QStringLiteral("L-0009")));
    QVERIFY(!shownIds().contains(QStringLiteral("L-0011")));

    typeText(QStringLiteral("충전 미입금"));   // a status chip
    QCOMPARE(shownIds(), (QStringList{"L-0010", "L-0010"}));

    typeText(QStringLiteral("없는 말"));
    QCOMPARE(shownIds(), QStringList{});
    QCOMPARE(tabText(), QStringLiteral("거래 흐름 (0 / %1)").arg(total));

    // Kind and text together.
    typeText(QStringLiteral("O-1001"));
    chooseKind(items::DebitKind);
    QCOMPARE(shownIds(), (QStringList{"O-1001", "L-0003", "L-0008"}));
}

void TestTimelineFilter::keepsTheSelectedDebitWhileShown()
{
    open(QStringLiteral("C-NAM"));
    QCOMPARE(currentKey(), QStringLiteral("L-0003"));
    auto* chart = screen_->findChild<charts::TimelineChart*>(QStringLiteral("timelineChart"));
    const int points = chart->orphanMarkerCount();

    chooseKind(items::DebitKind);
    QCOMPARE(currentKey(), QStringLiteral("L-0003"));
    QVERIFY(events_->visualRect(events_->currentIndex()).isValid());
    typeText(QStringLiteral("50,000"));
    QCOMPARE(currentKey(), QStringLiteral("L-0003"));
    QCOMPARE(chart->highlightedKey(), QStringLiteral("L-0003"));
    QCOMPARE(chart->orphanMarkerCount(), points);   // the chart stays the whole picture

    // Hidden by the filter: let go, not moved to a neighbour, and the explanation says so.
    chooseKind(items::CreditKind);
    QCOMPARE(currentKey(), QString());
    QCOMPARE(chart->highlightedKey(), QString());
    const auto* explanation = screen_->findChild<QLabel*>(QStringLiteral("explanationText"));
    QVERIFY(!explanation->text().contains(QStringLiteral("₩50,000")));
}

void TestTimelineFilter::openingAtADebitClearsAFilterThatHidesIt()
{
    open(QStringLiteral("C-NAM"));
    typeText(QStringLiteral("L-0002"));
    QCOMPARE(shownIds(), (QStringList{"L-0001", "L-0002"}));
    // "Open customer" from the queue on L-0011, while the filter hides it.
    open(QStringLiteral("C-NAM"), QStringLiteral("L-0011"));
    QCOMPARE(currentKey(), QStringLiteral("L-0011"));
    QVERIFY(events_->visualRect(events_->currentIndex()).isValid());
    QCOMPARE(text_->text(), QString());
    QVERIFY(!panel_->shownModel()->filter().active());
    QCOMPARE(tabText(), QStringLiteral("거래 흐름 (%1)").arg(panel_->shownModel()->totalRecords()));

    // Another customer starts unfiltered.
    chooseKind(items::CreditKind);
    open(QStringLiteral("C-KIM"));
    QCOMPARE(kind_->currentData().toInt(), 0);
    QCOMPARE(currentKey(), QStringLiteral("L-0006"));
}

void TestTimelineFilter::aChartClickOnAHiddenPointClearsTheFilter()
{
    open(QStringLiteral("C-NAM"));
    chooseKind(items::CreditKind);
    auto* chart = screen_->findChild<charts::TimelineChart*>(QStringLiteral("timelineChart"));
    emit chart->pointActivated(QStringLiteral("L-0010"));
    QCOMPARE(currentKey(), QStringLiteral("L-0010"));
    QCOMPARE(kind_->currentData().toInt(), 0);
}

void TestTimelineFilter::aBusyTimelineFiltersQuickly()
{
    open(QStringLiteral("C-BUSY"));
    QCOMPARE(panel_->shownModel()->totalRecords(), 8200);
    QCOMPARE(tabText(), QStringLiteral("거래 흐름 (8,200)"));

    // A merchant's name, found through its product: 21 orders of four records each.
    events_->scrollToBottom();
    text_->setText(QStringLiteral("한빛"));
    QElapsedTimer timer;
    timer.start();
    QTest::keyClick(text_, Qt::Key_Return);
    const qint64 ms = timer.elapsed();
    QCOMPARE(tabText(), QStringLiteral("거래 흐름 (84 / 8,200)"));
    QVERIFY2(ms < 500, qPrintable(QStringLiteral("filtering took %1 ms on the GUI thread").arg(ms)));
    // Opened, and from the top (the unfiltered list had been scrolled to its end, below).
    QVERIFY(events_->visualRect(events_->model()->index(0, 0, events_->model()->index(0, 0))).isValid());

    // A kind over the whole timeline: every debit.
    events_->scrollToBottom();
    timer.restart();
    text_->clear();
    chooseKind(items::DebitKind);
    const qint64 kindMs = timer.elapsed();
    QCOMPARE(tabText(), QStringLiteral("거래 흐름 (2,050 / 8,200)"));
    QVERIFY(events_->visualRect(events_->model()->index(0, 0)).isValid());   // from the top again
    QVERIFY2(kindMs < 1000, qPrintable(QStringLiteral("the kind filter took %1 ms").arg(kindMs)));
    qInfo("text filter %lld ms, kind filter %lld ms", ms, kindMs);
}

QTEST_MAIN(TestTimelineFilter)
#include "tst_timeline_filter.moc"
