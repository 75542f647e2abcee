#include "ui/widgets/quick_column_fit.h"

#include <QFontMetrics>
#include <QHash>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>

#include <algorithm>
#include <vector>

namespace reconsole::ui {
namespace {

// Each character's advance in one font, looked up once.
class AdvanceEstimate {
public:
    explicit AdvanceEstimate(const QFont& font) : metrics_(font) {}
    int of(const QString& text)
    {
        int width = 0;
        for (const QChar c : text) {
            auto it = advances_.constFind(c.unicode());
            if (it == advances_.cend())
                it = advances_.insert(c.unicode(), metrics_.horizontalAdvance(c));
            width += *it;
        }
        return width;
    }

private:
    QFontMetrics metrics_;
    QHash<char16_t, int> advances_;
};

struct Candidate {
    int estimate;
    int row;
};

// The rows QTableView::sizeHintForColumn samples: those in view, then by turns one below and
// one above them, up to kQuickFitRows in all.
std::vector<int> sampledRows(const QTableView& view)
{
    const int rows = view.model()->rowCount(view.rootIndex());
    const int top = std::max(0, view.rowAt(0));
    int bottom = view.rowAt(view.viewport()->height());
    if (!view.isVisible() || bottom < 0)
        bottom = rows - 1;
    std::vector<int> out;
    for (int row = top; row <= bottom && int(out.size()) < kQuickFitRows; ++row)
        out.push_back(row);
    for (int above = top - 1, below = bottom + 1; int(out.size()) < kQuickFitRows && (above >= 0 || below < rows);) {
        if (below < rows)
            out.push_back(below++);
        if (above >= 0 && int(out.size()) < kQuickFitRows)
            out.push_back(above--);
    }
    return out;
}

int columnWidth(QTableView* view, int column, const std::vector<int>& rows, AdvanceEstimate& viewFont,
                QHash<QString, AdvanceEstimate>& estimates)
{
    const QAbstractItemModel* model = view->model();
    // A view without an icon size of its own draws icons at the style's small size.
    const int iconWidth = view->iconSize().isValid() ? view->iconSize().width()
                                                     : view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
    std::vector<Candidate> candidates;
    candidates.reserve(rows.size());
    for (const int row : rows) {
        if (view->isRowHidden(row))
            continue;
        const QModelIndex index = model->index(row, column, view->rootIndex());
        QModelRoleData roles[] = {QModelRoleData(Qt::DisplayRole), QModelRoleData(Qt::FontRole),
                                  QModelRoleData(Qt::DecorationRole), QModelRoleData(Qt::CheckStateRole)};
        model->multiData(index, roles);
        AdvanceEstimate* estimate = &viewFont;
        if (roles[1].data().isValid()) {   // a cell in a font of its own (a bold row)
            const QFont f = roles[1].data().value<QFont>().resolve(view->font());
            auto it = estimates.find(f.key());
            if (it == estimates.end())
                it = estimates.insert(f.key(), AdvanceEstimate(f));
            estimate = &*it;
        }
        // A cell's icon or check box widens it whatever its text.
        const int extras = (roles[2].data().isValid() ? iconWidth + 8 : 0) + (roles[3].data().isValid() ? 24 : 0);
        candidates.push_back({estimate->of(roles[0].data().toString()) + extras, row});
    }
    const auto kept = std::min<std::size_t>(candidates.size(), kQuickFitCandidates);
    std::partial_sort(candidates.begin(), candidates.begin() + std::ptrdiff_t(kept), candidates.end(),
                      [](const Candidate& a, const Candidate& b) { return a.estimate > b.estimate; });
    int width = 0;
    for (std::size_t i = 0; i < kept; ++i)
        width = std::max(width, view->sizeHintForIndex(model->index(candidates[i].row, column, view->rootIndex())).width());
    // QTableView::sizeHintForColumn adds the grid line.
    return view->showGrid() ? width + 1 : width;
}

}  // namespace

void quickFitColumns(QTableView* view, const QList<int>& columns)
{
    if (!view->model())
        return;
    const std::vector<int> rows = sampledRows(*view);
    AdvanceEstimate viewFont(view->font());
    QHash<QString, AdvanceEstimate> estimates;   // other fonts, by QFont::key
    QHeaderView* header = view->horizontalHeader();
    for (const int column : columns) {
        if (column < 0 || column >= view->model()->columnCount(view->rootIndex()) || view->isColumnHidden(column))
            continue;
        const int content = columnWidth(view, column, rows, viewFont, estimates);
        header->resizeSection(column, std::max(content, header->sectionSizeHint(column)));
    }
}

void quickFitFirstColumns(QTableView* view, int count)
{
    QList<int> columns;
    for (int c = 0; c < count; ++c)
        columns << c;
    quickFitColumns(view, columns);
}

}  // namespace reconsole::ui
