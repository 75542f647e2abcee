#pragma once
// `reconsole --screenshots DIR`: shows every screen of the open mirror in turn, waits for
// its asynchronous loads (their signals, each with a time limit), and saves it as a PNG.
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QDialog;

namespace reconsole::ui {

class MainWindow;

class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow* window, const QString& directory, int timeoutMs = 30000);

    // Call once the mirror is open.
    void start();
    QStringList written() const { return written_; }

signals:
    // 0 when every screen was saved after its loads finished.
    void finished(int exitCode);
    // Relayed from the customer screen, whose signals this runner cannot name at compile time.
    void customerReported();

private:
    using Step = std::function<void(std::function<void()> next)>;

    // Runs `trigger`, then calls `next` once `ready()` holds, checking at once and whenever
    // `sender` emits `signal`; past the time limit it notes `what` did not finish and goes on.
    template <typename Sender, typename Signal>
    void await(const QString& what, std::function<bool()> ready, Sender* sender, Signal signal,
               std::function<void()> next, std::function<void()> trigger = {});
    // A "-1024x700" shot of a window that came out wider is a problem, with what widened it.
    void checkSmallSize(const QString& name);
    void save(const QString& name);
    // The window with a dialog of it drawn over its middle, as a person would see them.
    void saveWithDialog(const QString& name, QWidget* dialog);
    void runSteps();
    // The Refunds screen, the approvals inbox, the refund dialog and the Audit screen; names end in `suffix`.
    void addOpsSteps(const QString& suffix);
    // The Catalog screen with its first flagged product selected; the name ends in `suffix`.
    void addCatalogSteps(const QString& suffix);
    // The catalog's dialogs over the window (propose a fix, impact, rules) for that product.
    void addCatalogDialogSteps(const QString& suffix);
    // Saves the window with `dialog` over it as `name`, closes the dialog, then runs `next`.
    std::function<void()> shotThenClose(const QString& name, QDialog* dialog, std::function<void()> next);
    // The Cases screen, the most urgent case selected with its detail; the name ends in `suffix`.
    void addCaseSteps(const QString& suffix);
    // The Quarantine screen, every run, the newest line shown whole.
    void addQuarantineSteps(const QString& suffix);

    MainWindow* window_;
    QString directory_;
    int timeoutMs_;
    QList<Step> steps_;
    QStringList written_;
    QStringList problems_;
    bool customerReported_ = false;
};

}  // namespace reconsole::ui
