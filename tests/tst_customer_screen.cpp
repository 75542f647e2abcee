// The Customers screen driven like an agent would: type into the search box, open a
// customer, find the ₩50,000 orphan highlighted in the list and on the chart, copy its
// explanation. Real widgets under the offscreen platform, real worker threads.
#include "items/customer_search_model.h"
#include "items/timeline_model.h"
#include "test_mirror.h"
#include "ui/charts/timeline_chart.h"
#include "ui/customer/account_table.h"
#include "ui/customer/customer_screen.h"
#include "ui/customer/customer_timeline_panel.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QHBoxLayout>

using namespace reconsole;
using items::TimelineModel;

class TestCustomerScreen : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void searchAsYouType_data();
    void searchAsYouType();
    void openTimelineFromResults();
    void openedFromElsewhere();
    void orphanHighlightedInListAndChart();
    void copyExplanation();
    void chartAndListSelectTogether();
    void chartZoomsAndPansByTime();
    void reloadKeepsSelection();
    void busyCustomerOpensOnFirstPage();
    void busyCustomerKeepsItsPlace();
    void unknownCustomer();
    void accountRowsFollowEachTimeline();

private:
    void type(const QString& text);
    void openNam();
    QModelIndex rowFor(const QString& id) const;
    QString currentKey() const;

    test::TestMirror mirror_;
    ui::CustomerScreen* screen_ = nullptr;
    QLineEdit* box_ = nullptr;
    QTableView* results_ = nullptr;
    QTreeView* events_ = nullptr;
    charts::TimelineChart* chart_ = nullptr;
};

void TestCustomerScreen::initTestCase()
{
    QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK KR"), 10));
    mirror_.import({test::sharedPath("examples/incident-small.jsonl")});
}

void TestCustomerScreen::init()
{
    screen_ = new ui::CustomerScreen(QString::fromStdString(mirror_.path()));
    screen_->resize(1440, 900);
    screen_->show();
    QVERIFY(QTest::qWaitForWindowExposed(screen_));
    box_ = screen_->findChild<QLineEdit*>(QStringLiteral("customerSearchBox"));
    results_ = screen_->findChild<QTableView*>(QStringLiteral("customerSearchResults"));
    events_ = screen_->findChild<QTreeView*>(QStringLiteral("timelineEvents"));
    chart_ = screen_->findChild<charts::TimelineChart*>(QStringLiteral("timelineChart"));
    QVERIFY(box_ && results_ && events_ && chart_);
}

void TestCustomerScreen::cleanup()
{
    delete screen_;
    screen_ = nullptr;
}

void TestCustomerScreen::type(const QString& text)
{
    auto* model = qobject_cast<items::CustomerSearchModel*>(results_->model());
    QVERIFY(model);
    QSignalSpy finished(model, &items::CustomerSearchModel::searchFinished);
    box_->clear();
    box_->setFocus();
    for (QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClick(box_, c.toLatin1());
        } else {   // Hangul arrives through the input method, as it does from a Korean keyboard
            QInputMethodEvent commit;
            commit.setCommitString(c);
            QApplication::sendEvent(box_, &commit);
        }
    }
    QTRY_VERIFY(!finished.isEmpty() && finished.last().at(0).toString() == text);
}

QModelIndex TestCustomerScreen::rowFor(const QString& id) const
{
    const QAbstractItemModel* m = events_->model();
    for (int g = 0; g < m->rowCount(); ++g) {
        const QModelIndex group = m->index(g, 0);
        for (int r = 0; r < m->rowCount(group); ++r)
            if (m->index(r, TimelineModel::IdColumn, group).data().toString() == id)
                return m->index(r, 0, group);
    }
    return {};
}

QString TestCustomerScreen::currentKey() const { return events_->currentIndex().data(TimelineModel::KeyRole).toString(); }

void TestCustomerScreen::openNam()
{
    QSignalSpy loaded(screen_, &ui::CustomerScreen::timelineLoaded);
    // Loaded means shown whole: at that moment the first orphan's explanation is in, not
    // "loading" (a screenshot taken then showed the loading text).
    const auto* explanation = screen_->findChild<QLabel*>(QStringLiteral("explanationText"));
    QVERIFY(explanation);
    QString shownWhenLoaded;
    const auto watch = connect(screen_, &ui::CustomerScreen::timelineLoaded, this,
                               [&] { shownWhenLoaded = explanation->text(); });
    type(QStringLiteral("남"));
    const QRect row = results_->visualRect(results_->model()->index(0, 0));
    QTest::mouseClick(results_->viewport(), Qt::LeftButton, {}, row.center());
    QTRY_COMPARE(loaded.count(), 1);
    disconnect(watch);
    QCOMPARE(loaded.at(0).at(0).toString(), QStringLiteral("C-NAM"));
    QVERIFY2(shownWhenLoaded.contains(QStringLiteral("₩50,000")) && !shownWhenLoaded.contains(QStringLiteral("불러오는")),
             qPrintable(shownWhenLoaded));
}

void TestCustomerScreen::searchAsYouType_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("reason");
    QTest::newRow("masked name") << "남" << "이름 남**";
    QTest::newRow("phone last four") << "4821" << "전화 뒷자리 4821";
    QTest::newRow("order id") << "O-1001" << "주문 O-1001";
    QTest::newRow("ledger id") << "L-0003" << "원장 L-0003";
}

void TestCustomerScreen::searchAsYouType()
{
    QFETCH(QString, query);
    QFETCH(QString, reason);
    type(query);
    const QAbstractItemModel* m = results_->model();
    QCOMPARE(m->rowCount(), 1);
    QCOMPARE(m->index(0, items::CustomerSearchModel::IdColumn).data().toString(), QStringLiteral("C-NAM"));
    QCOMPARE(m->index(0, items::CustomerSearchModel::NameColumn).data().toString(), QStringLiteral("남**"));
    QCOMPARE(m->index(0, items::CustomerSearchModel::PhoneColumn).data().toString(), QStringLiteral("4821"));
    QCOMPARE(m->index(0, items::CustomerSearchModel::ReasonColumn).data().toString(), reason);
}

void TestCustomerScreen::openTimelineFromResults()
{
    QSignalSpy loaded(screen_, &ui::CustomerScreen::timelineLoaded);
    type(QStringLiteral("O-1002"));
    QTest::keyClick(box_, Qt::Key_Return);   // Enter opens the first result
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toString(), QStringLiteral("C-KIM"));
    QVERIFY(events_->isVisible());
    QVERIFY(rowFor(QStringLiteral("L-0006")).isValid());
}

void TestCustomerScreen::openedFromElsewhere()
{
    // The orphan queue's "Open customer" calls showCustomer: the search box says who it is.
    QSignalSpy loaded(screen_, &ui::CustomerScreen::timelineLoaded);
    screen_->showCustomer(QStringLiteral("C-KIM"));
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(box_->text(), QStringLiteral("C-KIM"));
    QTRY_COMPARE(results_->model()->rowCount(), 1);
    QCOMPARE(results_->model()->index(0, 0).data().toString(), QStringLiteral("C-KIM"));
    QCOMPARE(currentKey(), QStringLiteral("L-0006"));   // at its only orphan
}

void TestCustomerScreen::orphanHighlightedInListAndChart()
{
    openNam();
    const QModelIndex orphan = rowFor(QStringLiteral("L-0003"));
    QVERIFY(orphan.isValid());
    QVERIFY(orphan.data(TimelineModel::IsOrphanRole).toBool());
    const QColor background = orphan.data(Qt::BackgroundRole).value<QColor>();
    QVERIFY(background.isValid());
    QVERIFY(background.red() > background.green());   // a red tint
    QCOMPARE(orphan.siblingAtColumn(TimelineModel::OrphanColumn).data().toString(), QStringLiteral("₩50,000"));
    QCOMPARE(orphan.siblingAtColumn(TimelineModel::StatusColumn).data().toString(), QStringLiteral("결제 미완료"));
    QVERIFY(events_->visualRect(orphan).isValid());   // expanded and on screen

    // Opened at the first orphan, on the list and on the chart.
    QCOMPARE(currentKey(), QStringLiteral("L-0003"));
    QCOMPARE(chart_->orphanMarkerCount(), 3);
    QCOMPARE(chart_->highlightedKey(), QStringLiteral("L-0003"));
    const auto* summary = screen_->findChild<QLabel*>(QStringLiteral("customerOrphanSummary"));
    QVERIFY(summary && summary->text().contains(QStringLiteral("₩85,000")));
}

void TestCustomerScreen::copyExplanation()
{
    openNam();
    QApplication::clipboard()->clear();
    auto* copy = screen_->findChild<QPushButton*>(QStringLiteral("copyExplanationButton"));
    QVERIFY(copy);
    QTRY_VERIFY(copy->isEnabled());
    QSignalSpy status(screen_, &ui::CustomerScreen::statusMessage);
    QTest::mouseClick(copy, Qt::LeftButton);
    QTRY_VERIFY(QApplication::clipboard()->text().contains(QStringLiteral("₩50,000")));
    QTRY_VERIFY(!status.isEmpty());

    // A row that is no orphan has nothing to copy.
    events_->setCurrentIndex(rowFor(QStringLiteral("L-0001")));
    QVERIFY(!copy->isEnabled());
}

void TestCustomerScreen::chartAndListSelectTogether()
{
    openNam();
    events_->setCurrentIndex(rowFor(QStringLiteral("L-0010")));
    QCOMPARE(chart_->highlightedKey(), QStringLiteral("L-0010"));

    const QPoint point = chart_->viewportPositionOf(QStringLiteral("L-0001"));
    QVERIFY(point.x() >= 0);
    QTest::mouseClick(chart_->plotViewport(), Qt::LeftButton, {}, point);
    QCOMPARE(currentKey(), QStringLiteral("L-0001"));
    QCOMPARE(chart_->highlightedKey(), QStringLiteral("L-0001"));

    // A payment attempt is not on the chart: nothing stays ringed.
    events_->setCurrentIndex(rowFor(QStringLiteral("PAY-1001")));
    QCOMPARE(chart_->highlightedKey(), QString());
}

void TestCustomerScreen::chartZoomsAndPansByTime()
{
    openNam();
    const qint64 fullFrom = chart_->visibleFromMs(), fullTo = chart_->visibleToMs();
    QVERIFY(fullTo > fullFrom);

    // The wheel zooms the time axis in around the cursor.
    QWidget* plot = chart_->plotViewport();
    const QPointF centre(plot->width() / 2.0, plot->height() / 2.0);
    QWheelEvent wheel(centre, plot->mapToGlobal(centre), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &wheel);
    const qint64 span = chart_->visibleToMs() - chart_->visibleFromMs();
    QVERIFY(span < fullTo - fullFrom);

    // Dragging to the right moves the window back in time, and never past the data.
    const qint64 from = chart_->visibleFromMs();
    auto mouse = [&](QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
        QMouseEvent e(type, at, plot->mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
        QApplication::sendEvent(plot, &e);
    };
    mouse(QEvent::MouseButtonPress, centre, Qt::LeftButton);
    mouse(QEvent::MouseMove, centre + QPointF(40, 0), Qt::LeftButton);
    mouse(QEvent::MouseButtonRelease, centre + QPointF(40, 0), Qt::NoButton);
    QVERIFY(chart_->visibleFromMs() < from);
    QVERIFY(chart_->visibleFromMs() >= fullFrom);
    QCOMPARE(chart_->visibleToMs() - chart_->visibleFromMs(), span);   // a pan keeps the zoom
    QCOMPARE(currentKey(), QStringLiteral("L-0003"));                   // and is no click

    // Selecting a row outside the window brings its point into view; reset shows everything.
    const qint64 l0011 = QDateTime::fromString(QStringLiteral("2026-03-11T11:25:00+09:00"), Qt::ISODate).toMSecsSinceEpoch();
    QVERIFY(l0011 > chart_->visibleToMs());
    events_->setCurrentIndex(rowFor(QStringLiteral("L-0011")));
    QVERIFY(chart_->visibleFromMs() <= l0011 && l0011 <= chart_->visibleToMs());
    auto* reset = chart_->findChild<QPushButton*>(QStringLiteral("resetZoomButton"));
    QVERIFY(reset);
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(chart_->visibleFromMs(), fullFrom);
    QCOMPARE(chart_->visibleToMs(), fullTo);
}

void TestCustomerScreen::reloadKeepsSelection()
{
    openNam();
    events_->setCurrentIndex(rowFor(QStringLiteral("L-0010")));
    QSignalSpy loaded(screen_, &ui::CustomerScreen::timelineLoaded);
    screen_->reload();
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(currentKey(), QStringLiteral("L-0010"));
}

void TestCustomerScreen::busyCustomerOpensOnFirstPage()
{
    // A window of one order and two entries makes C-NAM a "busy" customer: the newest events
    // first, then the whole timeline, the orphan selected throughout.
    ui::CustomerTimelinePanel* panel = screen_->timelinePanel();
    items::TimelineModel* model = panel->model();
    model->setFirstPageWindow(recon::RecentWindow{1, 2});
    auto* tabs = screen_->findChild<QTabWidget*>(QStringLiteral("timelineTabs"));
    QVERIFY(tabs);
    const auto labelsSay = [this](const QString& words) {
        const auto labels = screen_->findChildren<QLabel*>();
        return std::any_of(labels.begin(), labels.end(), [&](const QLabel* l) { return l->text().contains(words); });
    };
    struct Shown {
        bool whole, canExport, sumsPending;
        QString tab, selected;
    };
    std::vector<Shown> shown;
    connect(model, &TimelineModel::loaded, this, [&] {   // after the panel has shown the answer
        shown.push_back({model->isComplete(), panel->canExport(), labelsSay(QStringLiteral("합산 중")),
                         tabs->tabText(0), currentKey()});
    });
    QSignalSpy loaded(screen_, &ui::CustomerScreen::timelineLoaded);
    screen_->showCustomer(QStringLiteral("C-NAM"));
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(shown.size(), std::size_t(2));
    QVERIFY2(!shown[0].whole && !shown[0].canExport && shown[0].sumsPending, "a first page, said to be one");
    QVERIFY2(shown[0].tab.contains(QStringLiteral("최근만")), qPrintable(shown[0].tab));
    QVERIFY(!shown[0].selected.isEmpty());
    QVERIFY(shown[1].whole && shown[1].canExport && !shown[1].sumsPending);
    QVERIFY2(!shown[1].tab.contains(QStringLiteral("최근만")), qPrintable(shown[1].tab));
    QCOMPARE(shown[1].selected, shown[0].selected);   // the agent's row stays chosen
}

void TestCustomerScreen::busyCustomerKeepsItsPlace()
{
    // A wallet of 40 000 orders: its whole timeline takes long enough to read that the first
    // page is on screen, laid out and painted, for a while (photographed at both sizes when
    // RECONSOLE_SCREENSHOT_DIR is set); the list stays where it was when the whole arrives.
    const QString dir = qEnvironmentVariable("RECONSOLE_SCREENSHOT_DIR");
    test::TestMirror busy;
    busy.importLines({R"({"seq":1,"type":"customer","id":"C-BUSY","name":"김**","phone_last4":"0000","created_at":"2025-01-01T09:00:00+09:00"})",
                      R"({"seq":2,"type":"account","id":"A-BUSY","customer_id":"C-BUSY","kind":"money","label":"카카오머니"})"});
    busy.db().exec(R"(
        WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 40000)
        INSERT INTO orders SELECT printf('O-%06d', x), x + 10, 'C-BUSY', 'P-1', 1, 5000, 5000, 'paid',
                                  1767225600000 + x * 60000, 0 FROM c;
        INSERT INTO payment SELECT 'PAY' || substr(id, 2), seq, id, 5000, 'approved', created_at + 1000 FROM orders;)");
    ui::CustomerScreen screen(QString::fromStdString(busy.path()));
    screen.resize(1440, 900);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    items::TimelineModel* model = screen.timelinePanel()->model();
    screen.showCustomer(QStringLiteral("C-BUSY"));
    QTRY_VERIFY(model->timeline() != nullptr);
    QVERIFY(!model->isComplete());
    for (const QSize size : {QSize(1440, 900), QSize(1024, 700)}) {
        screen.resize(size);
        QTest::qWait(100);
        if (model->isComplete())
            QSKIP("the whole timeline was read before the first page could be looked at");
        if (!dir.isEmpty())
            screen.grab().save(dir + QStringLiteral("/customer-first-page-%1.png").arg(size.width()));
    }
    // The agent picks a row further down, then scrolls back up, while the rest is read.
    auto* events = screen.findChild<QTreeView*>(QStringLiteral("timelineEvents"));
    auto* proxy = qobject_cast<QAbstractProxyModel*>(events->model());
    QVERIFY(proxy);
    const QString picked = QStringLiteral("payment:PAY-039900");
    events->setCurrentIndex(proxy->mapFromSource(model->indexForKey(picked)));
    QCOMPARE(events->currentIndex().data(TimelineModel::KeyRole).toString(), picked);
    events->scrollToTop();
    const QString top = events->indexAt(QPoint(0, 0)).data(TimelineModel::KeyRole).toString();
    QVERIFY(model->isLoading() && !model->isComplete());
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete(), 60000);
    QTest::qWait(200);
    if (!dir.isEmpty())
        screen.grab().save(dir + QStringLiteral("/customer-whole-after-first-page-1024.png"));
    // Where the agent was reading stays in view when the rest arrives above it, their row chosen.
    QCOMPARE(events->indexAt(QPoint(0, 0)).data(TimelineModel::KeyRole).toString(), top);
    QCOMPARE(events->currentIndex().data(TimelineModel::KeyRole).toString(), picked);
}

void TestCustomerScreen::unknownCustomer()
{
    QSignalSpy status(screen_, &ui::CustomerScreen::statusMessage);
    screen_->showCustomer(QStringLiteral("C-NOBODY"));
    QTRY_VERIFY(!status.isEmpty());
    QVERIFY(status.last().at(0).toString().contains(QStringLiteral("C-NOBODY")));
    QVERIFY(!events_->isVisible());
}

void TestCustomerScreen::accountRowsFollowEachTimeline()
{
    // The table keeps its labels from one timeline to the next: what it shows must still be
    // exactly the accounts of the timeline given last, however their number changes.
    QWidget host;   // as in the customer header: a layout gives the table what it asks for
    auto* layout = new QHBoxLayout(&host);
    auto* tablePtr = new ui::AccountTable;
    ui::AccountTable& table = *tablePtr;
    layout->addWidget(tablePtr, 1, Qt::AlignTop);
    layout->addStretch(0);
    host.resize(900, 400);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    const auto rowsNamed = [](const QStringList& names, bool sums) {
        QVector<ui::AccountTable::Row> rows;
        for (const QString& name : names)
            rows.push_back({name, QStringLiteral("+₩1,000"), sums ? QStringLiteral("₩2,000") : QString(),
                            sums ? QStringLiteral("₩3,000") : QString()});
        return rows;
    };
    const auto shown = [&table] {
        QStringList names;
        for (QLabel* label : table.findChildren<QLabel*>(QStringLiteral("accountName")))
            names << label->text();
        return names;
    };
    const QList<QStringList> sequence = {{"머니 A", "은행 B", "카드 C"}, {"머니 D"}, {"a", "b", "c", "d", "e", "f"}, {"x", "y"}};
    QPointer<QLabel> first;   // deleted if the table made its labels again
    bool firstCall = true;
    int heightOfOne = 0;
    for (const QStringList& names : sequence) {
        table.setRows(rowsNamed(names, true));
        QCOMPARE(shown(), names);
        QCOMPARE(table.findChildren<QLabel*>(QStringLiteral("accountNet")).size(), names.size());
        QCOMPARE(table.findChildren<QLabel*>(QStringLiteral("accountHeading")).size(), 4);
        QTest::qWait(30);   // laid out
        // Six rows scroll by whole rows; fewer never scroll, even after six (no room kept for them).
        QCOMPARE(table.verticalScrollBar()->isVisible(), names.size() > ui::AccountTable::kVisibleRows);
        if (names.size() == 1)
            heightOfOne = table.height();
        auto* now = table.findChild<QLabel*>(QStringLiteral("accountName"));
        QVERIFY2(firstCall || (first && now == first.data()), "the row's labels were made again");
        first = now;
        firstCall = false;
    }
    QVERIFY(heightOfOne > 0 && heightOfOne < table.height());   // one row is lower than two
    // A first page has no sums: the debit and credit columns go, and come back with the whole.
    table.setRows(rowsNamed({"x", "y"}, false));
    QTest::qWait(20);
    QVERIFY(!table.showsDetail());
    table.setRows(rowsNamed({"x", "y"}, true));
    QTest::qWait(20);
    QVERIFY(table.showsDetail());
    for (QLabel* debit : table.findChildren<QLabel*>(QStringLiteral("accountDebits")))
        QVERIFY(debit->isVisible());
}

QTEST_MAIN(TestCustomerScreen)
#include "tst_customer_screen.moc"
