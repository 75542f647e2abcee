#include "ui/quarantine/quarantine_screen.h"

#include "items/quarantine_model.h"
#include "items/quarantine_reason.h"
#include "ui/widgets/quick_column_fit.h"
#include "ui/widgets/wrapping_label.h"
#include "ui/widgets/one_layout_delegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace reconsole::ui {
namespace {

using items::ImportRunModel;
using items::QuarantineLineModel;

QTableView* tableFor(QAbstractItemModel* model, const QString& name)
{
    auto* v = new QTableView;
    v->setObjectName(name);
    v->setModel(model);
    paintCellsWithOneLayout(v);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->setAlternatingRowColors(true);
    v->setWordWrap(false);
    v->verticalHeader()->hide();
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 10);
    v->horizontalHeader()->setStretchLastSection(true);
    v->horizontalHeader()->setHighlightSections(false);
    return v;
}

}  // namespace

QuarantineScreen::QuarantineScreen(const QString& mirrorPath, QWidget* parent)
    : QWidget(parent),
      runs_(new ImportRunModel(mirrorPath, this)),
      lines_(new QuarantineLineModel(mirrorPath, this)),
      runView_(tableFor(runs_, QStringLiteral("quarantineRuns"))),
      lineView_(tableFor(lines_, QStringLiteral("quarantineLines"))),
      search_(new QLineEdit),
      typing_(new QTimer(this)),
      summary_(new WrappingLabel),
      line_(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("quarantineScreen"));
    search_->setObjectName(QStringLiteral("quarantineSearch"));
    search_->setPlaceholderText(tr("사유, 줄 내용, 파일 이름에서 찾기"));
    search_->setClearButtonEnabled(true);
    summary_->setObjectName(QStringLiteral("quarantineSummary"));
    line_->setObjectName(QStringLiteral("quarantineLine"));
    line_->setReadOnly(true);
    line_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    line_->setMinimumHeight(line_->fontMetrics().height() * 6);

    auto* intro = new WrappingLabel(tr("가져오기에서 받아들이지 않은 줄입니다. 원본 피드에서 고쳐 다시 보내면 "
                                "다음 가져오기에서 반영됩니다. 여기서는 고치지 않습니다."));

    auto* linesPane = new QWidget;
    auto* linesLayout = new QVBoxLayout(linesPane);
    linesLayout->setContentsMargins(0, 0, 0, 0);
    linesLayout->addWidget(search_);
    linesLayout->addWidget(summary_);
    linesLayout->addWidget(lineView_, 1);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(runView_);
    split->addWidget(linesPane);
    split->addWidget(line_);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 1);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(split, 1);

    typing_->setObjectName(QStringLiteral("quarantine filter typing"));
    typing_->setSingleShot(true);
    typing_->setInterval(250);
    connect(typing_, &QTimer::timeout, this, &QuarantineScreen::applyFilter);
    connect(search_, &QLineEdit::textChanged, typing_, qOverload<>(&QTimer::start));
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        typing_->stop();
        applyFilter();
    });
    connect(runs_, &ImportRunModel::loaded, this, [this] {
        quickFitFirstColumns(runView_, ImportRunModel::FilesColumn);
        if (!runView_->currentIndex().isValid())
            runView_->setCurrentIndex(runs_->index(0, 0));
    });
    connect(runView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &QuarantineScreen::applyFilter);
    connect(lines_, &QuarantineLineModel::loaded, this, [this] {
        summary_->setText(summaryText());
        quickFitFirstColumns(lineView_, QuarantineLineModel::ReasonColumn + 1);
        // The reason reads whole unless it would crowd out the line itself.
        const int reasonMax = lineView_->viewport()->width() * 2 / 5;
        if (lineView_->columnWidth(QuarantineLineModel::ReasonColumn) > reasonMax)
            lineView_->setColumnWidth(QuarantineLineModel::ReasonColumn, reasonMax);
        if (lines_->rowCount() > 0)
            lineView_->setCurrentIndex(lines_->index(0, 0));
        showLine();
        emit loaded();
    });
    connect(lines_, &QuarantineLineModel::loadFailed, this, [this](const QString& error) {
        summary_->setText(tr("격리된 줄을 읽지 못했습니다: %1").arg(error));
    });
    connect(lineView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &QuarantineScreen::showLine);
    reload();
}

bool QuarantineScreen::isLoaded() const { return runs_->isLoaded() && lines_->isLoaded(); }

void QuarantineScreen::reload()
{
    runs_->reload();
    lines_->setFilter(chosenRun(), search_->text());
}

std::optional<qint64> QuarantineScreen::chosenRun() const
{
    const qint64 id = runView_->currentIndex().data(ImportRunModel::RunIdRole).toLongLong();
    return id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

void QuarantineScreen::applyFilter() { lines_->setFilter(chosenRun(), search_->text()); }

QString QuarantineScreen::summaryText() const
{
    const qint64 n = lines_->matching();
    if (n == 0)
        return search_->text().trimmed().isEmpty() ? tr("격리된 줄이 없습니다.") : tr("찾는 내용이 든 격리된 줄이 없습니다.");
    return tr("격리된 줄 %1개").arg(QLocale().toString(n));
}

QString QuarantineScreen::lineText() const { return line_->toPlainText(); }

void QuarantineScreen::showLine()
{
    const auto* l = lines_->lineAt(lineView_->currentIndex().row());
    if (!l) {
        line_->clear();
        return;
    }
    const QString raw = QString::fromUtf8(l->raw.data(), qsizetype(l->raw.size()));
    line_->setPlainText(tr("%1, %2번째 줄 (가져오기 %3)\n사유: %4\n\n%5")
                            .arg(QString::fromStdString(l->file))
                            .arg(l->lineNo)
                            .arg(l->runId)
                            .arg(items::quarantineReasonText(QString::fromStdString(l->reason)), raw));
}

}  // namespace reconsole::ui
