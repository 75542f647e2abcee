// What the agent chose is what the console shows (issue 11): Enter opens what was typed,
// whatever the search's timing; a customer opened from a debit opens on that debit, in the
// list and on the chart; the queue's detail pane explains the selected row and nothing else;
// the age column's sort arrow says the order shown. The real main window, offscreen.
#include "items/orphan_queue_model.h"
#include "items/timeline_model.h"
#include "test_mirror.h"
#include "ui/charts/timeline_chart.h"
#include "ui/customer/customer_screen.h"
#include "ui/customer/customer_timeline_panel.h"
#include "ui/main_window.h"
#include "ui/orphans/orphan_detail_pane.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace reconsole;
using items::OrphanQueueModel;
using items::QueueColumn;
using ui::MainWindow;
using ui::ScreenId;

class TestConsoleSelection : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void enterRightAfterTypingOpensWhatWasTyped();
    void enterOnAPasteOpensIt();
    void doubleClickedDebitIsSelectedOnTheTimeline();
    void openCustomerButtonSelectsItsDebit();
    void searchForALedgerIdSelectsThatDebit();
    void paneFollowsTheSelectionAfterClearingFilters();
    void paneFollowsTheSelectionAfterAnImport();
    void ageArrowPointsTheWayTheAgesRun();
    void keyboardFindReloadAndShortcutList();
    void copiesARowOrItsId();

private:
    ui::OrphanQueueScreen* queue() const { return window_->screens()->orphans(); }
    ui::CustomerScreen* customers() const { return static_cast<ui::CustomerScreen*>(window_->screens()->customers()); }
    ui::CustomerTimelinePanel* timeline() const { return customers()->timelinePanel(); }
    QLineEdit* searchBox() const { return window_->findChild<QLineEdit*>(QStringLiteral("customerSearchBox")); }
    int queueRowOf(const QString& ledgerId) const;
    void openMirror(const std::string& path);
    void showQueue();
    void clickQueueRow(const QString& ledgerId);
    void expectTimelineOn(const QString& customerId, const QString& ledgerId);
    QString selectedQueueLedger() const;
    int arrowWidening(QHeaderView* header, int section);

    test::TestMirror example_;
    ui::ConsoleSettings settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestConsoleSelection::initTestCase() { example_.import({test::sharedPath("examples/incident-small.jsonl")}); }

void TestConsoleSelection::init()
{
    window_ = std::make_unique<MainWindow>(settings_);
    window_->show();
    window_->activateWindow();   // focus moves as with a person at the keyboard
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    openMirror(example_.path());
}

void TestConsoleSelection::cleanup() { window_.reset(); }

void TestConsoleSelection::openMirror(const std::string& path)
{
    QSignalSpy opened(window_.get(), &MainWindow::mirrorOpened);
    window_->openMirror(QString::fromStdString(path));
    QVERIFY(opened.wait(10000));
}

void TestConsoleSelection::showQueue()
{
    window_->showScreen(ScreenId::Orphans);
    QTRY_VERIFY_WITH_TIMEOUT(queue()->isLoaded(), 10000);
}

int TestConsoleSelection::queueRowOf(const QString& ledgerId) const
{
    QAbstractItemModel* model = queue()->view()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(OrphanQueueModel::LedgerIdRole).toString() == ledgerId)
            return row;
    return -1;
}

void TestConsoleSelection::clickQueueRow(const QString& ledgerId)
{
    QTableView* view = queue()->view();
    const int row = queueRowOf(ledgerId);
    QVERIFY(row >= 0);
    QSignalSpy detail(queue(), &ui::OrphanQueueScreen::detailLoaded);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(row, int(QueueColumn::Ledger))).center());
    QVERIFY(detail.wait(10000));
    QCOMPARE(queue()->detail()->ledgerId(), ledgerId);
}

QString TestConsoleSelection::selectedQueueLedger() const
{
    const QModelIndexList rows = queue()->view()->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(OrphanQueueModel::LedgerIdRole).toString();
}

// The customer's timeline is loaded with `ledgerId` current in the list, ringed on the chart
// and scrolled into view in both.
void TestConsoleSelection::expectTimelineOn(const QString& customerId, const QString& ledgerId)
{
    QTRY_COMPARE_WITH_TIMEOUT(timeline()->model()->customerId(), customerId, 10000);
    QTreeView* events = timeline()->eventList();
    QTRY_COMPARE_WITH_TIMEOUT(events->currentIndex().data(items::TimelineModel::KeyRole).toString(), ledgerId, 10000);
    QVERIFY(events->selectionModel()->isSelected(events->currentIndex()));
    QVERIFY(events->viewport()->rect().intersects(events->visualRect(events->currentIndex())));
    QCOMPARE(timeline()->chart()->highlightedKey(), ledgerId);
    QVERIFY(timeline()->chart()->viewportPositionOf(ledgerId) != QPoint(-1, -1));
}

void TestConsoleSelection::enterRightAfterTypingOpensWhatWasTyped()
{
    window_->showScreen(ScreenId::Customers);
    QLineEdit* box = searchBox();
    QVERIFY(box);
    QTest::keyClicks(box, QStringLiteral("C-KIM"));
    QTRY_VERIFY_WITH_TIMEOUT(!window_->findChild<QTableView*>(QStringLiteral("customerSearchResults"))
                                  ->model()->index(0, 0).data().toString().isEmpty(), 10000);
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(timeline()->model()->customerId(), QStringLiteral("C-KIM"), 10000);
    // Now the next customer, Enter at once: the results still answer "C-KIM" at that moment.
    box->selectAll();
    QTest::keyClicks(box, QStringLiteral("C-NAM"));
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(timeline()->model()->customerId(), QStringLiteral("C-NAM"), 10000);
    QTest::qWait(400);   // and nothing answers later with the older customer
    QCOMPARE(timeline()->model()->customerId(), QStringLiteral("C-NAM"));
}

void TestConsoleSelection::enterOnAPasteOpensIt()
{
    window_->showScreen(ScreenId::Customers);
    QLineEdit* box = searchBox();
    box->setFocus();
    box->insert(QStringLiteral("C-KIM"));   // a paste: one change, Enter at once
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(timeline()->model()->customerId(), QStringLiteral("C-KIM"), 10000);
}

void TestConsoleSelection::doubleClickedDebitIsSelectedOnTheTimeline()
{
    showQueue();
    QTableView* view = queue()->view();
    const int row = queueRowOf(QStringLiteral("L-0011"));
    QVERIFY(row >= 0);
    const QPoint at = view->visualRect(view->model()->index(row, int(QueueColumn::Ledger))).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(window_->screens()->currentScreen(), ScreenId::Customers);
    expectTimelineOn(QStringLiteral("C-NAM"), QStringLiteral("L-0011"));
}

void TestConsoleSelection::openCustomerButtonSelectsItsDebit()
{
    showQueue();
    clickQueueRow(QStringLiteral("L-0010"));
    QTest::mouseClick(window_->findChild<QPushButton*>(QStringLiteral("openCustomer")), Qt::LeftButton);
    expectTimelineOn(QStringLiteral("C-NAM"), QStringLiteral("L-0010"));
    // Back to the queue and the customer again from another of their debits: that one, not the last.
    showQueue();
    clickQueueRow(QStringLiteral("L-0003"));
    QTest::mouseClick(window_->findChild<QPushButton*>(QStringLiteral("openCustomer")), Qt::LeftButton);
    expectTimelineOn(QStringLiteral("C-NAM"), QStringLiteral("L-0003"));
}

void TestConsoleSelection::searchForALedgerIdSelectsThatDebit()
{
    window_->showScreen(ScreenId::Customers);
    QLineEdit* box = searchBox();
    QTest::keyClicks(box, QStringLiteral("L-0011"));
    QTest::keyClick(box, Qt::Key_Return);
    expectTimelineOn(QStringLiteral("C-NAM"), QStringLiteral("L-0011"));
}

void TestConsoleSelection::paneFollowsTheSelectionAfterClearingFilters()
{
    showQueue();
    clickQueueRow(QStringLiteral("L-0003"));
    auto* classes = window_->findChild<QComboBox*>(QStringLiteral("classFilter"));
    QSignalSpy loaded(queue(), &ui::OrphanQueueScreen::loaded);
    classes->setCurrentIndex(classes->findText(QStringLiteral("초과 출금")));   // L-0006 only
    QVERIFY(loaded.wait(10000));
    QTest::mouseClick(window_->findChild<QToolButton*>(QStringLiteral("clearFilter")), Qt::LeftButton);
    QVERIFY(loaded.wait(10000));
    // The focus comes back to the table (a click, a dialog closing, Tab): the view makes its
    // first row current without selecting it. The pane must not explain that row.
    window_->findChild<QLineEdit*>(QStringLiteral("textFilter"))->setFocus(Qt::MouseFocusReason);
    QTest::qWait(50);
    queue()->view()->setFocus(Qt::TabFocusReason);
    QTest::qWait(300);
    QCOMPARE(queue()->detail()->ledgerId(), selectedQueueLedger());
    // Chosen again, it is explained again.
    clickQueueRow(QStringLiteral("L-0011"));
    QCOMPARE(selectedQueueLedger(), QStringLiteral("L-0011"));
}

void TestConsoleSelection::paneFollowsTheSelectionAfterAnImport()
{
    test::TestMirror mirror;
    mirror.import({test::sharedPath("examples/incident-small.jsonl")});
    openMirror(mirror.path());
    showQueue();
    clickQueueRow(QStringLiteral("L-0011"));
    const std::string feed = mirror.writeFeed(
        {R"({"seq":40,"type":"ledger","id":"L-0040","account_id":"A-NAM-MONEY","customer_id":"C-NAM",)"
         R"("direction":"debit","amount":7000,"purpose":"payment","payment_id":"PAY-GONE","at":"2026-03-11T11:00:00+09:00"})"});
    QSignalSpy finished(window_.get(), &MainWindow::taskFinished);
    window_->importFeeds({QString::fromStdString(feed)});
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(queue()->model()->matchingRows(), std::int64_t(5), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(queue()->detail()->isLoaded(), 10000);
    queue()->view()->setFocus(Qt::ActiveWindowFocusReason);
    QTest::qWait(300);
    // The debit chosen before the import is still listed: still chosen, still explained.
    QCOMPARE(selectedQueueLedger(), QStringLiteral("L-0011"));
    QCOMPARE(queue()->detail()->ledgerId(), QStringLiteral("L-0011"));
}

// The sort arrow drawn in `section`: the rightmost block of dark columns, apart from the title
// (Fusion draws it at the section's right end). > 0 when it widens downwards (▲, smallest on
// top), < 0 when it narrows (▼, largest on top).
int TestConsoleSelection::arrowWidening(QHeaderView* header, int section)
{
    const QRect rect(header->sectionViewportPosition(section), 0, header->sectionSize(section), header->height());
    const QImage image = header->grab(rect).toImage();
    const auto dark = [&](int x, int y) { return QColor(image.pixel(x, y)).lightness() < 170; };
    const auto inked = [&](int x) {
        for (int y = 0; y < image.height(); ++y)
            if (dark(x, y))
                return true;
        return false;
    };
    int right = image.width() - 1;
    while (right > 0 && !inked(right))
        --right;
    int left = right;
    while (left > 0 && inked(left - 1))
        --left;
    std::vector<int> widths;
    for (int y = 0; y < image.height(); ++y) {
        int n = 0;
        for (int x = left; x <= right; ++x)
            n += dark(x, y) ? 1 : 0;
        if (n > 0)
            widths.push_back(n);
    }
    return widths.size() < 2 ? 0 : widths.back() - widths.front();
}

void TestConsoleSelection::ageArrowPointsTheWayTheAgesRun()
{
    showQueue();
    QHeaderView* header = queue()->view()->horizontalHeader();
    const int age = int(QueueColumn::Age);
    // By default the oldest first: ages fall down the column, so the arrow points down.
    QCOMPARE(header->sortIndicatorSection(), age);
    const QString first = queue()->view()->model()->index(0, age).data().toString();
    const QString last = queue()->view()->model()->index(queue()->view()->model()->rowCount() - 1, age).data().toString();
    QVERIFY2(queue()->model()->rowAt(0)->at <= queue()->model()->rowAt(queue()->model()->rowCount() - 1)->at,
             qPrintable(first + QStringLiteral(" … ") + last));
    QVERIFY2(arrowWidening(header, age) < 0, "▲ over ages that fall down the column");
    // Clicked: the youngest first, ages grow down the column, the arrow points up.
    QSignalSpy loaded(queue(), &ui::OrphanQueueScreen::loaded);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(age) + header->sectionSize(age) / 2, header->height() / 2));
    QVERIFY(loaded.wait(10000));
    QVERIFY(queue()->model()->rowAt(0)->at >= queue()->model()->rowAt(queue()->model()->rowCount() - 1)->at);
    QVERIFY2(arrowWidening(header, age) > 0, "▼ over ages that grow down the column");
}

void TestConsoleSelection::keyboardFindReloadAndShortcutList()
{
    // Ctrl+F from the queue's table: the Customers screen, its search box ready for typing.
    showQueue();
    queue()->view()->setFocus();
    QTest::keySequence(window_.get(), QKeySequence::Find);
    QCOMPARE(window_->screens()->currentScreen(), ScreenId::Customers);
    QTRY_VERIFY(searchBox()->hasFocus());
    // F5: the screens read the mirror again.
    QSignalSpy reloaded(queue(), &ui::OrphanQueueScreen::loaded);
    QTest::keyClick(window_.get(), Qt::Key_F5);
    QVERIFY(reloaded.wait(10000));
    // Help lists the keys, from the menus themselves.
    QAction* list = nullptr;
    for (QAction* menu : window_->menuBar()->actions())
        for (QAction* a : menu->menu() ? menu->menu()->actions() : QList<QAction*>{})
            if (a->text().contains(QStringLiteral("단축키")))
                list = a;
    QVERIFY(list);
    QTimer::singleShot(0, this, [] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        const QString text = box->text();
        box->close();
        for (const QKeySequence& key : {QKeySequence(QKeySequence::Find), QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_1)})
            QVERIFY2(text.contains(key.toString(QKeySequence::NativeText)), qPrintable(text));
    });
    list->trigger();
}

void TestConsoleSelection::copiesARowOrItsId()
{
    showQueue();
    clickQueueRow(QStringLiteral("L-0003"));
    // Ctrl+C copies the cell under the cursor (the ledger id clicked on).
    QTest::keySequence(queue()->view(), QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("L-0003"));
    // The right-click menu's "행 복사" copies the row as shown, tab-separated.
    const QString row = queue()->rowText(queueRowOf(QStringLiteral("L-0003")));
    QVERIFY2(row.contains(QStringLiteral("\tL-0003\t")) && row.contains(QStringLiteral("₩50,000")), qPrintable(row));
}

QTEST_MAIN(TestConsoleSelection)
#include "tst_console_selection.moc"
