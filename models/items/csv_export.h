#pragma once
// Writing a CSV file for a spreadsheet (UTF-8 with a BOM so that Hangul shows, CRLF lines,
// Seoul times with their offset, amounts as plain whole won) on a thread of its own, with a
// running count and a cancel. The file is replaced whole when the export finishes
// (QSaveFile): a cancelled or failed export leaves whatever was there before.
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

class QSaveFile;
class QThread;

namespace reconsole::items {

class CsvWriter {
public:
    // Writes the BOM; `written` (if given) follows the rows written, for a progress display.
    explicit CsvWriter(QSaveFile& file, std::atomic<std::int64_t>* written = nullptr);
    CsvWriter& field(std::string_view text);
    CsvWriter& field(std::int64_t number);
    void endRow();
    std::int64_t rows() const { return rows_; }
    bool finish();   // writes what is buffered; false on a write error

private:
    void flushIfFull();
    QSaveFile& file_;
    std::atomic<std::int64_t>* written_;
    std::string buffer_;
    bool first_ = true;
    std::int64_t rows_ = 0;
};

struct ExportOutcome {
    bool ok = false, cancelled = false;
    std::int64_t rows = 0;
    QString error;
};

class CsvExport : public QObject {
    Q_OBJECT
public:
    // The job writes its rows (the header row too) and returns false to stop early; it runs
    // on the export's thread and checks `cancelled` between rows.
    using Job = std::function<void(CsvWriter& out, const std::atomic<bool>& cancelled)>;

    explicit CsvExport(QObject* parent = nullptr);
    ~CsvExport() override;   // cancels and waits

    // Does nothing while an export runs.
    void start(const QString& path, Job job);
    void cancel();
    // From start until `finished` is delivered, not only while the thread runs: an export
    // started before the last one's outcome arrived would receive that outcome as its own.
    bool isRunning() const;
    std::int64_t rowsSoFar() const { return rows_ ? rows_->load() : 0; }

signals:
    void finished(const reconsole::items::ExportOutcome& outcome);

private:
    QThread* thread_ = nullptr;
    bool outcomePending_ = false;
    std::shared_ptr<std::atomic<bool>> cancelled_;
    std::shared_ptr<std::atomic<std::int64_t>> rows_;
};

// "2026-03-11T10:02:06+09:00"
std::string seoulTime(std::int64_t ms);

}  // namespace reconsole::items
