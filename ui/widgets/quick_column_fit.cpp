#include "ui/widgets/quick_column_fit.h"

#include <QFontMetricsF>
#include <QHash>
#include <QHeaderView>
#include <QSet>
#include <QStyle>
#include <QTableView>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <vector>

namespace reconsole::ui {
namespace {

// How far a text may be wider than its characters' advances (positive kerning, rounding): more
// cells are measured, never fewer.
constexpr double kSlackPixels = 2.0;
constexpr double kSlackShare = 0.03;

// Each character's advance in one font, looked up once.
class AdvanceEstimate {
public:
    explicit AdvanceEstimate(const QFont& font)
        : metrics_(font),
          advances_(knownAdvances()[font.key()]),
          uniformDigits_(digitsAreUniform()),
          uniformHangul_(hangulIsUniform(font)),
          syllable_(metrics_.horizontalAdvance(QChar(kFirstSyllable)))
    {
    }
    double of(const QString& text)
    {
        double width = 0;
        for (const QChar c : text) {
            auto it = advances_.constFind(c.unicode());
            if (it == advances_.cend())
                it = advances_.insert(c.unicode(), advance(c));
            width += *it;
        }
        return width;
    }
    double exact(const QString& text) const { return metrics_.horizontalAdvance(text); }
    // The text with every digit as "0" and every Hangul syllable as "가" where that does not
    // change its width (each as wide as the others, none kerned), so that ids, times, amounts and
    // names of one shape are measured once.
    QString shape(QString text) const
    {
        for (QChar& c : text) {
            if (uniformDigits_ && c >= QLatin1Char('1') && c <= QLatin1Char('9'))
                c = QLatin1Char('0');
            else if (uniformHangul_ && c.unicode() > kFirstSyllable && c.unicode() <= kLastSyllable)
                c = QChar(kFirstSyllable);
        }
        return text;
    }

private:
    // A character's advance alone, or within Korean text, whichever is wider: punctuation and
    // digits between Hangul are drawn in the Korean font ("·" is 3 px wider there than alone).
    double advance(QChar c) const
    {
        if (uniformHangul_ && c.unicode() >= kFirstSyllable && c.unicode() <= kLastSyllable)
            return syllable_;
        static const QString ko = QStringLiteral("가");
        return std::max(metrics_.horizontalAdvance(c), metrics_.horizontalAdvance(ko + c + ko) - metrics_.horizontalAdvance(ko + ko));
    }
    bool digitsAreUniform() const
    {
        static const QString digits = QStringLiteral("0123456789"), ko = QStringLiteral("가");
        for (const QString& context : {QString(), ko}) {
            const double zero = metrics_.horizontalAdvance(context + QLatin1Char('0')) - metrics_.horizontalAdvance(context);
            if (std::abs(metrics_.horizontalAdvance(context + digits) - metrics_.horizontalAdvance(context) - 10 * zero) > 1e-6)
                return false;
            for (const QChar d : digits)
                if (std::abs(metrics_.horizontalAdvance(context + d) - metrics_.horizontalAdvance(context) - zero) > 1e-6)
                    return false;
        }
        return true;
    }

    // Korean fonts draw every syllable one em wide, unkerned: checked once per font on an even
    // spread of syllables, alone and in a run (about 1 ms).
    static bool hangulIsUniform(const QFont& font)
    {
        static QHash<QString, bool> known;
        const QString key = font.key();
        if (const auto it = known.constFind(key); it != known.cend())
            return *it;
        const QFontMetricsF m(font);
        const double first = m.horizontalAdvance(QChar(kFirstSyllable));
        QString run;
        bool uniform = true;
        for (char16_t c = kFirstSyllable; c <= kLastSyllable && uniform; c = char16_t(c + 97)) {
            uniform = std::abs(m.horizontalAdvance(QChar(c)) - first) < 1e-6;
            run += QChar(c);
        }
        uniform = uniform && std::abs(m.horizontalAdvance(run) - first * double(run.size())) < 1e-3;
        known.insert(key, uniform);
        return uniform;
    }
    static constexpr char16_t kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;   // 가 … 힣

    // Each font's advances, kept for the next fitting (the GUI thread's alone). A map: a font's
    // table stays where it is when another font's is added.
    static std::map<QString, QHash<char16_t, double>>& knownAdvances()
    {
        static std::map<QString, QHash<char16_t, double>> known;
        return known;
    }

    QFontMetricsF metrics_;
    QHash<char16_t, double>& advances_;
    bool uniformDigits_;
    bool uniformHangul_;
    double syllable_;
};

// The fonts of one fitting: the view's first, then any a cell names (a bold row).
class Fonts {
public:
    explicit Fonts(const QFont& viewFont) : viewFont_(viewFont) { fonts_.emplace_back(viewFont); }
    int slotOf(const QVariant& fontRole)
    {
        if (!fontRole.isValid())
            return 0;
        const QFont font = fontRole.value<QFont>().resolve(viewFont_);
        const QString key = font.key();
        auto it = slots_.constFind(key);
        if (it == slots_.cend()) {
            fonts_.emplace_back(font);
            it = slots_.insert(key, int(fonts_.size()) - 1);
        }
        return *it;
    }
    AdvanceEstimate& operator[](int slot) { return fonts_[std::size_t(slot)]; }

private:
    QFont viewFont_;
    std::deque<AdvanceEstimate> fonts_;   // a deque: a slot's estimate stays where it is
    QHash<QString, int> slots_;           // by QFont::key
};

struct Candidate {
    double estimate;
    int row;
    int font;
    int extras;
    QString text;
};

// The rows QTableView::sizeHintForColumn samples: those in view, then by turns one below and
// one above them, skipping hidden rows, up to the header's resizeContentsPrecision in all (0:
// the rows in view only; negative: every row).
std::vector<int> sampledRows(const QTableView& view)
{
    const int rows = view.model()->rowCount(view.rootIndex());
    const int precision = view.horizontalHeader()->resizeContentsPrecision();
    const auto full = [&](const std::vector<int>& out) { return precision > 0 && int(out.size()) >= precision; };
    const int top = std::max(0, view.rowAt(0));
    int bottom = view.rowAt(view.viewport()->height());
    if (!view.isVisible() || bottom < 0)
        bottom = rows - 1;
    std::vector<int> out;
    for (int row = top; row <= bottom && row < rows && !full(out); ++row)
        if (!view.isRowHidden(row))
            out.push_back(row);
    if (precision == 0)
        return out;
    int above = top - 1, below = bottom + 1;
    while (!full(out) && (above >= 0 || below < rows)) {
        for (; below < rows; ++below)
            if (!view.isRowHidden(below)) {
                out.push_back(below++);
                break;
            }
        if (full(out))
            break;
        for (; above >= 0; --above)
            if (!view.isRowHidden(above)) {
                out.push_back(above--);
                break;
            }
    }
    return out;
}

// Each sampled cell's estimated width, widest first: its text's, and its icon's or check box's,
// which widen it whatever its text (over-counted on purpose: a high estimate only means the
// cell is measured).
std::vector<Candidate> estimates(QTableView* view, int column, const std::vector<int>& rows, Fonts& fonts)
{
    const QAbstractItemModel* model = view->model();
    const int iconWidth = view->iconSize().isValid() ? view->iconSize().width()
                                                     : view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
    std::vector<Candidate> out;
    out.reserve(rows.size());
    for (const int row : rows) {
        QModelRoleData roles[] = {QModelRoleData(Qt::DisplayRole), QModelRoleData(Qt::FontRole),
                                  QModelRoleData(Qt::DecorationRole), QModelRoleData(Qt::CheckStateRole)};
        model->multiData(model->index(row, column, view->rootIndex()), roles);
        const int font = fonts.slotOf(roles[1].data());
        QString text = roles[0].data().toString();
        const int extras = (roles[2].data().isValid() ? 2 * iconWidth : 0) + (roles[3].data().isValid() ? 2 * iconWidth : 0);
        out.push_back({fonts[font].of(text) + extras, row, font, extras, std::move(text)});
    }
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.estimate > b.estimate; });
    return out;
}

int columnWidth(QTableView* view, int column, const std::vector<int>& rows, Fonts& fonts)
{
    // Widest estimate first. A cell is its text and what the delegate adds around it (margins,
    // and an icon or a check box, which its estimate already over-counts). A text is almost never
    // wider than its characters' advances, so once the next estimate plus the most the delegate
    // added, and the slack, cannot reach the widest cell measured, no cell left can.
    int widest = 0;
    double added = 0;
    bool measured = false;
    QSet<std::pair<int, QString>> shapes;   // (font, shape) of the cells measured
    for (const Candidate& c : estimates(view, column, rows, fonts)) {
        if (measured && c.estimate + added + kSlackPixels + kSlackShare * c.estimate < widest)
            break;
        if (c.extras == 0) {
            std::pair<int, QString> shape{c.font, fonts[c.font].shape(c.text)};
            if (shapes.contains(shape))
                continue;   // as wide as a cell measured
            shapes.insert(std::move(shape));
        }
        const int width = view->sizeHintForIndex(view->model()->index(c.row, column, view->rootIndex())).width();
        widest = std::max(widest, width);
        added = std::max(added, width - fonts[c.font].exact(c.text));
        measured = true;
    }
    // QTableView::sizeHintForColumn adds the grid line.
    return view->showGrid() ? widest + 1 : widest;
}

}  // namespace

void quickFitColumns(QTableView* view, const QList<int>& columns)
{
    if (!view->model())
        return;
    view->ensurePolished();   // as Qt does: a style sheet's font is the one measured
    const std::vector<int> rows = sampledRows(*view);
    Fonts fonts(view->font());
    QHeaderView* header = view->horizontalHeader();
    for (const int column : columns) {
        if (column < 0 || column >= view->model()->columnCount(view->rootIndex()))
            continue;
        const int content = columnWidth(view, column, rows, fonts);
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
