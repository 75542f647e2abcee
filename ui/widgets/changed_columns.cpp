#include "ui/widgets/changed_columns.h"

#include "ui/widgets/quick_column_fit.h"

#include <QFont>
#include <QHashFunctions>
#include <QTableView>

namespace reconsole::ui {
namespace {

// The column's texts and fonts as a multiset: its width does not depend on the rows' order,
// and the catalog's order (most findings first) moves with every import.
std::size_t columnDigest(const QAbstractItemModel& model, int column)
{
    std::size_t digest = qHash(model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, column);
        const QVariant font = index.data(Qt::FontRole);
        digest += qHashMulti(0, index.data(Qt::DisplayRole).toString(), font.isValid() ? font.value<QFont>().key() : QString());
    }
    return digest;
}

}  // namespace

QList<int> ChangedColumns::fit(QTableView* view, const QList<int>& columns)
{
    QList<int> resized;
    const QAbstractItemModel* model = view->model();
    if (!model)
        return resized;
    for (int column : columns) {
        if (column < 0 || column >= model->columnCount())
            continue;
        if (std::size_t(column) >= digests_.size())
            digests_.resize(std::size_t(column) + 1);
        const std::size_t digest = columnDigest(*model, column);
        if (digests_[std::size_t(column)] == digest)
            continue;
        quickFitColumns(view, {column});
        digests_[std::size_t(column)] = digest;
        resized << column;
    }
    return resized;
}

}  // namespace reconsole::ui
