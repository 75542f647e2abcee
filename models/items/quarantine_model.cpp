#include "items/quarantine_model.h"

#include "core/display.h"
#include "items/mirror_worker.h"
#include "items/quarantine_reason.h"

#include <QLocale>

namespace reconsole::items {
namespace {

QString count(std::int64_t n) { return QLocale().toString(qlonglong(n)); }

QString statusText(const std::string& status)
{
    if (status == "done")
        return ImportRunModel::tr("완료");
    if (status == "running")
        return ImportRunModel::tr("진행 중");
    if (status == "cancelled")
        return ImportRunModel::tr("취소됨");
    if (status == "failed")
        return ImportRunModel::tr("실패");
    return QString::fromStdString(status);
}

// The files of a run as the importer wrote them (one path per line): the names only.
QString fileNames(const std::string& files)
{
    QStringList names;
    for (const QString& path : QString::fromStdString(files).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        names << path.trimmed().section(QLatin1Char('/'), -1);
    return names.join(QStringLiteral(", "));
}

}  // namespace

ImportRunModel::ImportRunModel(const QString& mirrorPath, QObject* parent)
    : QAbstractTableModel(parent), worker_(new MirrorWorker(mirrorPath, this))
{
}

int ImportRunModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(runs_.size()) + 1; }

int ImportRunModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ImportRunModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int c = index.column();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignVCenter | (c == AppliedColumn || c == QuarantinedColumn ? Qt::AlignRight : Qt::AlignLeft));
    if (index.row() == 0) {   // every run
        std::int64_t quarantined = 0;
        for (const auto& r : runs_)
            quarantined += r.quarantined;
        if (role == RunIdRole)
            return qint64(0);
        if (role != Qt::DisplayRole)
            return {};
        return c == StartedColumn ? tr("모든 가져오기") : c == QuarantinedColumn ? count(quarantined) : QVariant();
    }
    const ImportRunRow& r = runs_[static_cast<std::size_t>(index.row() - 1)];
    switch (role) {
    case RunIdRole: return qint64(r.id);
    case Qt::ToolTipRole:
        return r.message.empty() ? QString::fromStdString(r.files)
                                 : QString::fromStdString(r.files) + QLatin1Char('\n') + QString::fromStdString(r.message);
    case Qt::DisplayRole:
        switch (c) {
        case StartedColumn: return formatSeoul(r.startedAt).left(16);
        case FilesColumn: return fileNames(r.files);
        case StatusColumn: return statusText(r.status);
        case AppliedColumn: return count(r.applied);
        case QuarantinedColumn: return count(r.quarantined);
        }
        return {};
    default: return {};
    }
}

QVariant ImportRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartedColumn: return tr("시작");
    case FilesColumn: return tr("파일");
    case StatusColumn: return tr("상태");
    case AppliedColumn: return tr("반영");
    case QuarantinedColumn: return tr("격리");
    }
    return {};
}

void ImportRunModel::reload()
{
    const quint64 generation = ++generation_;
    worker_->cancel(ticket_);
    ticket_ = worker_->run(
        this, [](Database& db) { return loadImportRuns(db); },
        [this, generation](std::optional<std::vector<ImportRunRow>> runs, const QString& error) {
            if (generation != generation_)
                return;
            if (!runs) {
                emit loadFailed(error);
                return;
            }
            beginResetModel();
            runs_ = std::move(*runs);
            loaded_ = true;
            endResetModel();
            emit loaded();
        });
}

QuarantineLineModel::QuarantineLineModel(const QString& mirrorPath, QObject* parent)
    : QAbstractTableModel(parent), worker_(new MirrorWorker(mirrorPath, this))
{
}

int QuarantineLineModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(lines_.size()); }

int QuarantineLineModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const QuarantineLine* QuarantineLineModel::lineAt(int row) const
{
    return row >= 0 && row < int(lines_.size()) ? &lines_[static_cast<std::size_t>(row)] : nullptr;
}

QVariant QuarantineLineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QuarantineLine& l = lines_[static_cast<std::size_t>(index.row())];
    const int c = index.column();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignVCenter | (c == RunColumn || c == SeqColumn ? Qt::AlignRight : Qt::AlignLeft));
    if (role == Qt::ToolTipRole && (c == ReasonColumn || c == LineColumn))
        return c == ReasonColumn ? QString::fromStdString(l.reason) : QString::fromUtf8(l.raw.data(), qsizetype(l.raw.size())).left(2000);
    if (role != Qt::DisplayRole)
        return {};
    switch (c) {
    case RunColumn: return QString::number(l.runId);
    case PlaceColumn: return QString::fromStdString(l.file).section(QLatin1Char('/'), -1) + QLatin1Char(':') + QString::number(l.lineNo);
    case SeqColumn: return l.seq ? QString::number(*l.seq) : QStringLiteral("–");
    case ReasonColumn: return quarantineReasonText(QString::fromStdString(l.reason));
    case LineColumn: return QString::fromUtf8(l.raw.data(), qsizetype(std::min<std::size_t>(l.raw.size(), 300))).simplified();
    }
    return {};
}

QVariant QuarantineLineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RunColumn: return tr("가져오기");
    case PlaceColumn: return tr("파일:줄");
    case SeqColumn: return tr("seq");
    case ReasonColumn: return tr("사유");
    case LineColumn: return tr("줄 내용");
    }
    return {};
}

bool QuarantineLineModel::canFetchMore(const QModelIndex& parent) const { return !parent.isValid() && !atEnd_ && !fetching_; }

void QuarantineLineModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        requestPage(false);
}

void QuarantineLineModel::setFilter(std::optional<std::int64_t> runId, const QString& text)
{
    beginResetModel();
    lines_.clear();
    matching_ = 0;
    request_.runId = runId;
    request_.text = text.trimmed().toStdString();
    request_.afterId = 0;
    loaded_ = false;
    endResetModel();
    ++generation_;   // pages of an earlier filter are dropped when they arrive...
    worker_->cancel(ticket_);   // ...and the one being read is stopped where it is
    fetching_ = false;
    requestPage(true);
}

void QuarantineLineModel::requestPage(bool first)
{
    fetching_ = true;
    const quint64 generation = generation_;
    QuarantinePageRequest request = request_;
    if (!lines_.empty())
        request.afterId = lines_.back().id;
    ticket_ = worker_->run(
        this,
        [request, first](Database& db) {
            Page page;
            page.lines = loadQuarantinePage(db, request);
            if (first)
                page.matching = countQuarantine(db, request);
            return page;
        },
        [this, generation](std::optional<Page> page, const QString& error) {
            if (generation != generation_)
                return;
            fetching_ = false;
            if (!page) {
                atEnd_ = true;
                emit loadFailed(error);
                return;
            }
            atEnd_ = int(page->lines.size()) < request_.limit;
            if (page->matching >= 0)
                matching_ = page->matching;
            if (!page->lines.empty()) {
                const int at = int(lines_.size());
                beginInsertRows({}, at, at + int(page->lines.size()) - 1);
                for (auto& l : page->lines)
                    lines_.push_back(std::move(l));
                endInsertRows();
            }
            if (!loaded_) {
                loaded_ = true;
                emit loaded();
            }
        });
}

}  // namespace reconsole::items
