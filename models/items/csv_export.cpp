#include "items/csv_export.h"

#include "core/instant.h"

#include <QMetaObject>
#include <QSaveFile>
#include <QThread>

namespace reconsole::items {

CsvWriter::CsvWriter(QSaveFile& file, std::atomic<std::int64_t>* written) : file_(file), written_(written)
{
    buffer_ = "\xEF\xBB\xBF";
}

CsvWriter& CsvWriter::field(std::string_view text)
{
    if (!first_)
        buffer_ += ',';
    first_ = false;
    // A leading = + - @ would be a formula to a spreadsheet: quoted and prefixed, it stays text.
    const bool formula = !text.empty() && std::string_view("=+-@").find(text.front()) != std::string_view::npos;
    if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) {
        buffer_ += text;
        return *this;
    }
    buffer_ += formula ? "\"'" : "\"";
    for (char c : text) {
        if (c == '"')
            buffer_ += '"';
        buffer_ += c;
    }
    buffer_ += '"';
    return *this;
}

CsvWriter& CsvWriter::field(std::int64_t number)
{
    if (!first_)
        buffer_ += ',';
    first_ = false;
    buffer_ += std::to_string(number);
    return *this;
}

void CsvWriter::endRow()
{
    buffer_ += "\r\n";
    first_ = true;
    ++rows_;
    if (written_)
        written_->store(rows_, std::memory_order_relaxed);
    flushIfFull();
}

void CsvWriter::flushIfFull()
{
    if (buffer_.size() < 256 * 1024)
        return;
    file_.write(buffer_.data(), qint64(buffer_.size()));
    buffer_.clear();
}

bool CsvWriter::finish()
{
    if (!buffer_.empty())
        file_.write(buffer_.data(), qint64(buffer_.size()));
    buffer_.clear();
    return file_.error() == QFileDevice::NoError;
}

std::string seoulTime(std::int64_t ms) { return formatWithOffset(ms, kSeoulOffsetMinutes); }

CsvExport::CsvExport(QObject* parent) : QObject(parent) {}

CsvExport::~CsvExport()
{
    cancel();
    if (thread_) {
        thread_->wait();
        delete thread_;   // it has no parent: the export's last thread was leaked (LeakSanitizer)
    }
}

bool CsvExport::isRunning() const { return outcomePending_; }

void CsvExport::cancel()
{
    if (cancelled_)
        cancelled_->store(true);
}

void CsvExport::start(const QString& path, Job job)
{
    if (isRunning())
        return;
    if (thread_)
        thread_->deleteLater();
    outcomePending_ = true;
    cancelled_ = std::make_shared<std::atomic<bool>>(false);
    rows_ = std::make_shared<std::atomic<std::int64_t>>(0);
    auto outcome = std::make_shared<ExportOutcome>();
    thread_ = QThread::create([path, job = std::move(job), cancelled = cancelled_, rows = rows_, outcome] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            outcome->error = file.errorString();
            return;
        }
        try {
            CsvWriter out(file, rows.get());
            job(out, *cancelled);
            outcome->rows = out.rows() > 0 ? out.rows() - 1 : 0;   // the header is not a row
            if (cancelled->load()) {
                outcome->cancelled = true;
                file.cancelWriting();
                return;
            }
            if (!out.finish() || !file.commit()) {
                outcome->error = file.errorString();
                return;
            }
            outcome->ok = true;
        } catch (const std::exception& e) {
            file.cancelWriting();
            outcome->error = QString::fromUtf8(e.what());
        }
    });
    connect(thread_, &QThread::finished, this, [this, outcome] {
        outcomePending_ = false;
        emit finished(*outcome);
    });
    thread_->start();
    if (!thread_->isRunning() && !thread_->isFinished()) {
        // No thread to be had (Qt sends no `finished` then): the export fails, and the next may start.
        outcome->error = tr("내보내기 작업을 시작하지 못했습니다");
        outcomePending_ = false;
        QMetaObject::invokeMethod(this, [this, outcome] { emit finished(*outcome); }, Qt::QueuedConnection);
    }
}

}  // namespace reconsole::items
