// The console window on broken files: a mirror that is not SQLite at all says at start to
// rebuild it from the feed; a mirror whose pages are damaged where the dashboard reads, and an
// operations store that is not SQLite, each bring up one message box that says what to do,
// never an empty screen with a passing line in the status bar. Screenshots of each go to
// $RECONSOLE_SCREENSHOT_DIR when it is set (docs/broken-files.md).
#include "test_mirror.h"
#include "ui/main_window.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/welcome_page.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <memory>

using namespace reconsole;
using ui::MainWindow;

namespace {

void screenshot(QWidget* window, const QString& name)
{
    const QString dir = qEnvironmentVariable("RECONSOLE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    window->grab().save(dir + "/" + name + ".png");
    // The message box is a window of its own.
    if (auto* box = window->findChild<QMessageBox*>(QStringLiteral("storeFaultDialog")); box && box->isVisible())
        box->grab().save(dir + "/" + name + "-box.png");
}

void writeText(const QString& path)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    for (int i = 0; i < 100; ++i)
        f.write("Meeting notes saved under the wrong name: not an SQLite database.\n");
}

// The root pages of `tables`, overwritten with 0xFF: the first read of any of them fails.
void damageTables(const QString& path, const QStringList& tables)
{
    std::vector<qint64> roots;
    int pageSize = 0;
    {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size()) FROM sqlite_master WHERE name = ?1",
                           -1, &st, nullptr);
        for (const QString& t : tables) {
            const QByteArray name = t.toUtf8();
            sqlite3_bind_text(st, 1, name.constData(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st) == SQLITE_ROW) {
                roots.push_back(sqlite3_column_int64(st, 0));
                pageSize = sqlite3_column_int(st, 1);
            }
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    QCOMPARE(int(roots.size()), int(tables.size()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    for (const qint64 root : roots) {
        f.seek((root - 1) * pageSize);
        f.write(QByteArray(pageSize, char(0xFF)));
    }
}

QMessageBox* faultBox(MainWindow* window)
{
    return window->findChild<QMessageBox*>(QStringLiteral("storeFaultDialog"));
}

}  // namespace

class TestBrokenConsole : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup() { window_.reset(); }
    void aMirrorThatIsNotSqliteSaysRebuildItAtStart();
    void aDamagedMirrorPageBringsUpWhatToDo();
    void aDamagedOperationsStoreSaysRestoreIt();

private:
    // A checkpointed copy of the example mirror (with no operations store) in `dir_`.
    QString copyOfExample(const QString& name);
    // Opens `mirror` in a new window, and waits until it opened or failed.
    void open(const QString& mirror);

    test::TestMirror example_;
    QTemporaryDir dir_;
    ui::ConsoleSettings settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestBrokenConsole::initTestCase()
{
    example_.import({test::sharedPath("examples/incident-small.jsonl")});
    example_.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    QVERIFY(dir_.isValid());
}

QString TestBrokenConsole::copyOfExample(const QString& name)
{
    const QString path = dir_.path() + "/" + name;
    QFile::copy(QString::fromStdString(example_.path()), path);
    return path;
}

void TestBrokenConsole::open(const QString& mirror)
{
    window_ = std::make_unique<MainWindow>(settings_);
    window_->resize(1280, 800);
    window_->show();
    QSignalSpy opened(window_.get(), &MainWindow::mirrorOpened);
    QSignalSpy failed(window_.get(), &MainWindow::mirrorFailed);
    window_->openMirror(mirror);
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, 15000);
}

void TestBrokenConsole::aMirrorThatIsNotSqliteSaysRebuildItAtStart()
{
    const QString mirror = dir_.path() + "/notes.db";
    writeText(mirror);
    open(mirror);
    MainWindow* window = window_.get();
    QVERIFY(!window->screens());
    auto* welcome = window->findChild<ui::WelcomePage*>();
    QVERIFY(welcome && welcome->isVisible());
    QString shown;
    for (auto* label : welcome->findChildren<QLabel*>())
        shown += label->text() + "\n";
    QVERIFY2(shown.contains(QStringLiteral("피드로 미러를 다시 만드세요")), qPrintable(shown));
    QVERIFY2(shown.contains("reconsole-cli import --db " + mirror), qPrintable(shown));
    // SQLite's words, in English, wait behind "자세히": the page speaks the console's language.
    QVERIFY2(!shown.contains("file is not a database"), qPrintable(shown));
    auto* detail = welcome->findChild<QPlainTextEdit*>(QStringLiteral("welcomeDetail"));
    auto* showDetail = welcome->findChild<QPushButton*>(QStringLiteral("welcomeShowDetail"));
    QVERIFY(detail && showDetail && showDetail->isVisible() && !detail->isVisible());
    QVERIFY2(detail->toPlainText().contains("file is not a database"), qPrintable(detail->toPlainText()));
    screenshot(window, "broken-mirror-not-sqlite");
    showDetail->click();
    QVERIFY(detail->isVisible());
    screenshot(window, "broken-mirror-not-sqlite-detail");
    // The page and its open details fit the smallest window the console is made for.
    window->resize(1440, 900);
    screenshot(window, "broken-mirror-not-sqlite-detail-1440x900");
    window->resize(1024, 700);
    QTest::qWait(50);
    QCOMPARE(window->width(), 1024);
    screenshot(window, "broken-mirror-not-sqlite-detail-1024x700");
    // A later plain message has no detail to show.
    window->openMirror(dir_.path() + "/missing.db");
    QTRY_VERIFY_WITH_TIMEOUT(!showDetail->isVisible() && !detail->isVisible(), 10000);
}

void TestBrokenConsole::aDamagedMirrorPageBringsUpWhatToDo()
{
    const QString mirror = copyOfExample("damaged.db");
    // The dashboard reads these; opening the mirror does not.
    damageTables(mirror, {"unsettled_debit", "ledger"});
    open(mirror);
    MainWindow* window = window_.get();
    QVERIFY(window->screens());
    QTRY_VERIFY_WITH_TIMEOUT(faultBox(window) && faultBox(window)->isVisible(), 15000);
    QMessageBox* box = faultBox(window);
    QVERIFY2(box->text().contains(QStringLiteral("피드로 미러를 다시 만드세요")), qPrintable(box->text()));
    QVERIFY2(box->text().contains("reconsole-cli import --db " + mirror), qPrintable(box->text()));
    QVERIFY2(box->detailedText().contains("malformed"), qPrintable(box->detailedText()));
    screenshot(window, "broken-mirror-damaged-page");
    // One box for the fault, however many screens met it.
    QTest::qWait(500);
    QCOMPARE(window->findChildren<QMessageBox*>(QStringLiteral("storeFaultDialog")).size(), 1);
}

void TestBrokenConsole::aDamagedOperationsStoreSaysRestoreIt()
{
    const QString mirror = copyOfExample("with-broken-ops.db");
    const QString store = dir_.path() + "/with-broken-ops.ops.sqlite";
    writeText(store);
    open(mirror);
    MainWindow* window = window_.get();
    QTRY_VERIFY_WITH_TIMEOUT(faultBox(window) && faultBox(window)->isVisible(), 15000);
    QMessageBox* box = faultBox(window);
    QVERIFY2(box->text().contains(QStringLiteral("백업에서 운영 저장소를 복원하세요")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(store), qPrintable(box->text()));
    QVERIFY2(box->text().contains("reconsole-cli ops backup"), qPrintable(box->text()));
    screenshot(window, "broken-ops-store");
}

QTEST_MAIN(TestBrokenConsole)
#include "tst_broken_console.moc"
