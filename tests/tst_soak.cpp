// Soak (issue 12): the real console stays open on a demo mirror while imports run every three
// seconds, the console's own and a command-line process's in turn, and an agent searches for
// customers, opens timelines, scrolls the queue and switches screens in between. Over the whole
// session: no read fails, no warning opens, the window's paints keep turns of the event loop of
// their own, at most one turn holds the GUI thread for more than 45 ms of its CPU and none for
// more than 90 (the goal of 16 ms is reported), resident memory stops growing once warm, and
// at the end the queue shows exactly the orphans the command line lists.
// RECONSOLE_SOAK_SECONDS sets the length (90 by default; docs/benchmarks.md has a 4-minute run).
#include "gui_watchdog.h"
#include "timed_application.h"
#include "items/customer_search_model.h"
#include "items/mirror_change_watch.h"
#include "items/orphan_queue_model.h"
#include "ui/main_window.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QMetaMethod>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace reconsole;
using ui::ScreenId;

namespace {

const QString kCli = QStringLiteral(RECONSOLE_BIN_DIR "/reconsole-cli");

test::TimedApplication* timedApp() { return static_cast<test::TimedApplication*>(qApp); }

double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : 0;
}

QByteArray runCli(const QStringList& args, int* exitCode = nullptr)
{
    QProcess p;
    p.start(kCli, args);
    p.waitForFinished(300000);
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

// Every "...Failed" / "failed" signal of every object in the window, recorded with its sender.
class FailureRecorder : public QObject {
    Q_OBJECT
public:
    void watch(QObject* root)
    {
        const auto slot = metaObject()->method(metaObject()->indexOfSlot("record()"));
        for (QObject* object : root->findChildren<QObject*>()) {
            if (watched_.contains(object))
                continue;
            watched_.insert(object);
            const QMetaObject* meta = object->metaObject();
            for (int i = meta->methodOffset(); i < meta->methodCount(); ++i) {
                const QMetaMethod m = meta->method(i);
                if (m.methodType() == QMetaMethod::Signal && m.name().endsWith("ailed"))
                    connect(object, m, this, slot);
            }
        }
    }
    QStringList failures;

public slots:
    void record()
    {
        failures << QStringLiteral("%1::%2").arg(QString::fromUtf8(sender()->metaObject()->className()),
                                                 QString::fromUtf8(sender()->metaObject()->method(senderSignalIndex()).name()));
    }

private:
    QSet<QObject*> watched_;
};

// The window's paints (ui/shell/paint_pacer.h) in the turns the watchdog saw, and those turns
// in which a paint shared the GUI thread with another delivery of 3 ms or more (an answer, a
// chart's layout): the pacer gives a paint a turn of its own. The agent's own step and the
// test's bookkeeping are left out: the test runs them outside the loop, where a click would
// come through it.
const QString kOwnWork = QStringLiteral("the test's own work (set aside)");

struct PaintTurns {
    int paints = 0;
    QStringList shared;
    void look(const QString& gap)
    {
        if (!gap.contains(QStringLiteral("'window paint'")))
            return;
        ++paints;
        for (const QString& part : gap.split(QStringLiteral(", "))) {
            if (part.contains(QStringLiteral("'window paint'")) || part.contains(QStringLiteral("the step itself"))
                || part.contains(kOwnWork))
                continue;
            if (part.section(QLatin1Char(' '), 0, 0).toDouble() >= 3.0) {
                shared << gap;
                return;
            }
        }
    }
};

}  // namespace

class TestSoak : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void consoleStaysQuickAndRightWhileImportsRun();

private:
    void prepareFeeds();
    void agentStep(QRandomGenerator& random);
    void startImport();
    // Runs the test's own bookkeeping and takes its GUI-thread CPU off the watchdog's gap: what
    // is measured is the console's work (a command-line import's fork, standing for another
    // machine's import, and a look for new widgets over the whole window: up to 0.6-4.6 ms at
    // once here, more on a loaded machine).
    template <typename Work>
    void setAsideOwnWork(Work work)
    {
        const double spent = test::threadCpuMsOf(work);
        watchdog_.setAside(spent);
        timedApp()->noteOutsideWork(spent, kOwnWork);
        ownWorkMaxMs_ = std::max(ownWorkMaxMs_, spent);
    }
    bool importRunning() const { return window_->isBusy() || (cliImport_ && cliImport_->state() != QProcess::NotRunning); }

    QTemporaryDir dir_;
    QString mirror_;
    QStringList chunks_, customers_;
    int nextChunk_ = 0, consoleImports_ = 0, cliImports_ = 0;
    QStringList importProblems_;
    std::unique_ptr<QProcess> cliImport_;
    ui::ConsoleSettings settings_;
    std::unique_ptr<ui::MainWindow> window_;
    test::GuiWatchdog watchdog_;
    double ownWorkMaxMs_ = 0;
};

// A demo feed: its first 60 % imported before the window opens, the rest in 40 chunks.
void TestSoak::prepareFeeds()
{
    const QString feed = dir_.filePath(QStringLiteral("all.jsonl"));
    int code = -1;
    runCli({QStringLiteral("demo"), QStringLiteral("--feed-only"), QStringLiteral("--feed-out"), feed,
            QStringLiteral("--orders"), QStringLiteral("20000"), QStringLiteral("--customers"), QStringLiteral("3000"),
            QStringLiteral("--seed"), QStringLiteral("11")},
           &code);
    QCOMPARE(code, 0);
    QFile in(feed);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = in.readAll().split('\n');
    const qsizetype total = lines.size() - (lines.last().isEmpty() ? 1 : 0);
    const qsizetype base = total * 6 / 10, per = (total - base + 39) / 40;
    auto write = [&](const QString& name, qsizetype from, qsizetype to) {
        QFile out(dir_.filePath(name));
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (qsizetype i = from; i < to; ++i)
            out.write(lines[i] + '\n');
    };
    write(QStringLiteral("base.jsonl"), 0, base);
    for (qsizetype from = base, n = 0; from < total; from += per, ++n) {
        const QString name = QStringLiteral("chunk-%1.jsonl").arg(n, 2, 10, QLatin1Char('0'));
        write(name, from, std::min(total, from + per));
        chunks_ << dir_.filePath(name);
    }
    for (const QByteArray& line : lines.mid(0, base))
        if (line.contains("\"type\":\"customer\"")) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            customers_ << o.value(QStringLiteral("id")).toString();
        }
}

void TestSoak::initTestCase()
{
    QVERIFY(dir_.isValid());
    prepareFeeds();
    QVERIFY(chunks_.size() >= 30);
    QVERIFY(customers_.size() > 100);
    mirror_ = dir_.filePath(QStringLiteral("soak.db"));
    int code = -1;
    runCli({QStringLiteral("import"), QStringLiteral("--quiet"), QStringLiteral("--db"), mirror_,
            dir_.filePath(QStringLiteral("base.jsonl"))},
           &code);
    QVERIFY2(code == 0 || code == 3, "the base import failed");
}

// One thing an agent does; the watchdog names it, so a slow step is found by name.
void TestSoak::agentStep(QRandomGenerator& random)
{
    ui::MirrorScreens* screens = window_->screens();
    const QString customer = customers_[int(random.bounded(customers_.size()))];
    switch (random.bounded(5)) {
    case 0: {
        watchdog_.setActivity(QStringLiteral("customer search"));
        window_->showScreen(ScreenId::Customers);
        auto* box = window_->findChild<QLineEdit*>(QStringLiteral("customerSearchBox"));
        QVERIFY(box);
        box->setText(customer.left(5 + int(random.bounded(3))));
        break;
    }
    case 1:
        watchdog_.setActivity(QStringLiteral("timeline of ") + customer);
        window_->showScreen(ScreenId::Customers);
        screens->showCustomer(customer);
        break;
    case 2: {
        watchdog_.setActivity(QStringLiteral("queue scroll"));
        window_->showScreen(ScreenId::Orphans);
        QScrollBar* bar = screens->orphans()->view()->verticalScrollBar();
        bar->setValue(int(random.bounded(bar->maximum() + 1)));
        break;
    }
    case 3:
        watchdog_.setActivity(QStringLiteral("dashboard"));
        window_->showScreen(ScreenId::Dashboard);
        break;
    default: {
        static const ScreenId others[] = {ScreenId::Quarantine, ScreenId::Catalog, ScreenId::Refunds, ScreenId::Cases};
        const ScreenId id = others[random.bounded(4)];
        watchdog_.setActivity(QStringLiteral("screen %1").arg(int(id)));
        window_->showScreen(id);
        break;
    }
    }
}

// The console's own import and a command-line process's, in turn: one at a time, as the
// mirror's import lock allows.
void TestSoak::startImport()
{
    if (nextChunk_ >= chunks_.size() || importRunning())
        return;
    const QString chunk = chunks_[nextChunk_++];
    if (nextChunk_ % 2 == 0) {
        watchdog_.setActivity(QStringLiteral("console import"));
        ++consoleImports_;
        window_->importFeeds({chunk});
        return;
    }
    ++cliImports_;
    cliImport_ = std::make_unique<QProcess>();
    connect(cliImport_.get(), &QProcess::finished, this, [this, chunk](int code, QProcess::ExitStatus status) {
        if (status != QProcess::NormalExit || (code != 0 && code != 3))
            importProblems_ << QStringLiteral("%1: exit %2: %3")
                                   .arg(chunk)
                                   .arg(code)
                                   .arg(QString::fromUtf8(cliImport_->readAllStandardError()));
    });
    setAsideOwnWork([&] {
        cliImport_->start(kCli, {QStringLiteral("import"), QStringLiteral("--quiet"), QStringLiteral("--db"), mirror_, chunk});
    });
}

void TestSoak::consoleStaysQuickAndRightWhileImportsRun()
{
    const int seconds = qEnvironmentVariableIntValue("RECONSOLE_SOAK_SECONDS") > 0
                            ? qEnvironmentVariableIntValue("RECONSOLE_SOAK_SECONDS")
                            : 90;
    window_ = std::make_unique<ui::MainWindow>(settings_);
    window_->resize(1440, 900);
    window_->show();
    QSignalSpy opened(window_.get(), &ui::MainWindow::mirrorOpened);
    window_->openMirror(mirror_);
    QVERIFY(opened.wait(20000));
    connect(window_.get(), &ui::MainWindow::taskFinished, this, [this](const ui::TaskOutcome& outcome) {
        if (outcome.status != ui::TaskOutcome::Status::Done)
            importProblems_ << QStringLiteral("console import: ") + outcome.message;
    });
    FailureRecorder failures;
    QRandomGenerator random(20261130);

    // Warm: every screen read once, before memory is first measured.
    for (ScreenId id : {ScreenId::Dashboard, ScreenId::Orphans, ScreenId::Customers, ScreenId::Catalog,
                        ScreenId::Quarantine, ScreenId::Refunds, ScreenId::Cases})
        window_->showScreen(id);
    QTRY_VERIFY_WITH_TIMEOUT(window_->screens()->orphans()->isLoaded(), 20000);

    QElapsedTimer clock;
    clock.start();
    qint64 nextImportMs = 0;
    double warmMiB = 0, lateMiB = 0, peakMiB = 0;
    int steps = 0;
    double slowestStepMs = 0;
    QString slowestStep;
    timedApp()->startRecording();
    PaintTurns paintTurns;
    watchdog_.setGapDescriber([&paintTurns] {
        const QString gap = timedApp()->takeGap();
        paintTurns.look(gap);
        return gap;
    });
    watchdog_.start();
    while (clock.elapsed() < qint64(seconds) * 1000) {
        setAsideOwnWork([&] { failures.watch(window_.get()); });
        if (clock.elapsed() >= nextImportMs) {
            startImport();
            nextImportMs += 3000;
        }
        const double stepCpu = test::threadCpuMsOf([&] { agentStep(random); });
        timedApp()->noteOutsideWork(stepCpu, QStringLiteral("the step itself (%1)").arg(watchdog_.activity()));
        if (stepCpu > slowestStepMs) {
            slowestStepMs = stepCpu;
            slowestStep = watchdog_.activity();
        }
        ++steps;
        QTest::qWait(150 + int(random.bounded(200)));
        double now = 0;
        setAsideOwnWork([&] { now = residentMiB(); });
        peakMiB = std::max(peakMiB, now);
        if (warmMiB == 0 && clock.elapsed() >= qint64(seconds) * 400)
            warmMiB = now;
        if (lateMiB == 0 && clock.elapsed() >= qint64(seconds) * 700)
            lateMiB = now;
        QVERIFY2(failures.failures.isEmpty(), qPrintable(failures.failures.join(QStringLiteral("; "))));
    }
    watchdog_.setActivity(QStringLiteral("waiting for the last import"));
    QTRY_VERIFY_WITH_TIMEOUT(!importRunning(), 120000);
    watchdog_.stop();
    timedApp()->stopRecording();
    const double endMiB = residentMiB();

    // The queue after the last import, against the command line's list of the same mirror.
    window_->showScreen(ScreenId::Orphans);
    window_->screens()->reloadAll();
    QTRY_VERIFY_WITH_TIMEOUT(window_->screens()->orphans()->isLoaded(), 20000);
    const QJsonDocument listed = QJsonDocument::fromJson(
        runCli({QStringLiteral("orphans"), QStringLiteral("--db"), mirror_, QStringLiteral("--format"), QStringLiteral("json")}));
    const qint64 expected = listed.isArray() ? listed.array().size() : listed.object().value(QStringLiteral("orphans")).toArray().size();

    qInfo("soak: %d s, %d agent steps, %d console imports and %d command-line imports (%d announced by the watch); "
          "GUI thread: %s; resident memory at 40 %% %.0f MiB, at 70 %% %.0f MiB, end %.0f MiB, peak %.0f MiB; "
          "queue %lld orphans; slowest step itself %.1f ms (%s); %d turns with a window paint of 1 ms or more, %lld "
          "shared with another delivery of 3 ms or more; costliest deliveries: %s; the busiest gaps held: %s",
          seconds, steps, consoleImports_, cliImports_, window_->screens()->changeWatch()->announced(),
          qPrintable(watchdog_.report()), warmMiB, lateMiB, endMiB, peakMiB,
          static_cast<long long>(window_->screens()->orphans()->model()->matchingRows()), slowestStepMs,
          qPrintable(slowestStep), paintTurns.paints, static_cast<long long>(paintTurns.shared.size()),
          qPrintable(timedApp()->describeCostliest()), qPrintable(watchdog_.busiestGaps().join(QStringLiteral(" | "))));

    QVERIFY2(importProblems_.isEmpty(), qPrintable(importProblems_.join(QStringLiteral("; "))));
    QVERIFY(consoleImports_ >= 2 && cliImports_ >= 2);
    QVERIFY2(window_->screens()->changeWatch()->announced() >= 1, "no command-line import was noticed");
    for (QMessageBox* box : window_->findChildren<QMessageBox*>())
        QVERIFY2(!box->isVisible() || box->icon() != QMessageBox::Warning, qPrintable(box->text()));
    // The goal (issue 12) is no gap over 16 ms. Since the window paints in a turn of its own
    // (ui/shell/paint_pacer.h) and every answer, the mirror's and the operations store's, takes
    // a turn of its own (items/delivery_pacer.h), a busy gap is one paint or one answer: 8-14 ms
    // on this machine, beside other tests too, so the goal is met in most runs and reported, not
    // asserted. Asserted in every run: the paints keep their own turns (answers delivered
    // unpaced, as before the pacer, share 30 of 529: caught here, though no turn then passes
    // 16 ms on this machine any more), at most one turn over 45 ms and none over 90 ms. One, because
    // a shared machine stalls now and then: CI on 2026-12-03 measured one turn of 51.5 ms whose
    // screen switch alone took 19.1 ms of GUI-thread CPU (at most 4.5 ms here, any step); a step
    // back repeats at every import or screen switch, a stall of the machine does not. What this
    // lets through: one slow turn of 45-90 ms that happens once in a run.
    qInfo("the goal of no gap over 16 ms: %s (busiest %.1f ms); gaps of GUI-thread CPU over 16 / 24 / 32 / 45 ms: "
          "%d / %d / %d / %d; the test's own work set aside, at most %.1f ms at once",
          watchdog_.busiestCpuMs() <= 16.0 ? "met" : "not met", watchdog_.busiestCpuMs(), watchdog_.busyGapsOver(16),
          watchdog_.busyGapsOver(24), watchdog_.busyGapsOver(32), watchdog_.busyGapsOver(45), ownWorkMaxMs_);
    QVERIFY2(paintTurns.paints > 0, "no paint of the window went through its pacer");
    QVERIFY2(paintTurns.shared.size() * 100 <= paintTurns.paints,
             qPrintable(QStringLiteral("%1 of %2 paints shared their turn: ").arg(paintTurns.shared.size()).arg(paintTurns.paints)
                        + paintTurns.shared.mid(0, 5).join(QStringLiteral(" | "))));
    QVERIFY2(watchdog_.busyGapsOver(45) <= 1 && watchdog_.busiestCpuMs() <= 90.0,
             qPrintable(QStringLiteral("%1 turns over 45 ms; ").arg(watchdog_.busyGapsOver(45)) + watchdog_.report()
                        + QStringLiteral("; the busiest: ") + watchdog_.busiestGaps().join(QStringLiteral(" | "))));
    // Every reading connection's page cache is bounded (Database::kReadCacheKiB): once they are
    // full, what still grows is kept by mistake.
    // The caches fill while the mirror grows (a 4-minute run: 147 MiB at 40 %, 155 at the end).
    QVERIFY2(peakMiB <= 256.0, qPrintable(QStringLiteral("peak %1 MiB").arg(peakMiB)));
    QVERIFY2(endMiB - lateMiB <= 16.0, qPrintable(QStringLiteral("grew %1 MiB in the last 30 %").arg(endMiB - lateMiB)));
    QCOMPARE(window_->screens()->orphans()->model()->matchingRows(), expected);
    window_.reset();
}

// Our own main: the application times each event it delivers.
int main(int argc, char** argv)
{
    test::TimedApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestSoak soak;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&soak, argc, argv);
}

#include "tst_soak.moc"
