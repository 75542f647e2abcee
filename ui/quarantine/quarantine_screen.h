#pragma once
// The Quarantine screen: the import runs newest first, and the lines they set aside with the
// reason in the agent's language, filtered by run and by text (reason, line or file), the
// selected line shown whole. Read-only: a quarantined line is fixed at the source and sent
// again, never edited here.
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QTimer;

namespace reconsole::items {
class ImportRunModel;
class QuarantineLineModel;
}

namespace reconsole::ui {

class QuarantineScreen : public QWidget {
    Q_OBJECT
public:
    explicit QuarantineScreen(const QString& mirrorPath, QWidget* parent = nullptr);

    items::ImportRunModel* runs() const { return runs_; }
    items::QuarantineLineModel* lines() const { return lines_; }
    QTableView* runView() const { return runView_; }
    QTableView* lineView() const { return lineView_; }
    QLineEdit* search() const { return search_; }
    QString summaryText() const;
    QString lineText() const;
    bool isLoaded() const;

public slots:
    void reload();

signals:
    void loaded();

private:
    void applyFilter();
    void showLine();
    std::optional<qint64> chosenRun() const;

    items::ImportRunModel* runs_;
    items::QuarantineLineModel* lines_;
    QTableView* runView_;
    QTableView* lineView_;
    QLineEdit* search_;
    QTimer* typing_;
    QLabel* summary_;
    QPlainTextEdit* line_;
};

}  // namespace reconsole::ui
