#include "ui/widgets/quick_column_fit.h"

#include <QFontMetricsF>
#include <QHash>
#include <QHeaderView>
#include <QSet>
#include <QTableView>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace reconsole::ui {
namespace {

// How far a text may be wider than its characters' advances (positive kerning, rounding): more
// cells are measured, never fewer.
constexpr double kSlackPixels = 2.0;
constexpr double kSlackShare = 0.03;

constexpr char16_t kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;   // 가 … 힣

bool isSyllable(QChar c) { return c.unicode() >= kFirstSyllable && c.unicode() <= kLastSyllable; }

// Whether every one of `members` takes the same room beside each of `neighbours` (on either
// side, or alone): then swapping one for another never changes a text's width.
bool interchangeable(const QFontMetricsF& metrics, const QString& members, const QStringList& neighbours)
{
    for (const QString& n : neighbours) {
        const double alone = metrics.horizontalAdvance(n);
        std::optional<double> after, before;
        for (const QChar m : members) {
            const double a = metrics.horizontalAdvance(n + m) - alone, b = metrics.horizontalAdvance(m + n) - alone;
            if (after && (std::abs(a - *after) > 1e-6 || std::abs(b - *before) > 1e-6))
                return false;
            after = a;
            before = b;
        }
    }
    return true;
}

// What one font's texts are made of, learnt once per font and kept for the next fitting (the GUI
// thread's alone): each character's advance as met, and whether digits, and Hangul syllables,
// can stand in for one another. The first fitting in a font took 9.6-10 ms here (with the
// font's own first use); the next, 0.02 ms for one cell.
struct FontFacts {
    explicit FontFacts(const QFontMetricsF& metrics)
        : syllable(metrics.horizontalAdvance(QChar(kFirstSyllable))),
          syllablePair(metrics.horizontalAdvance(QStringLiteral("가가")))
    {
        const QStringList separators{QString(), QStringLiteral(" "), QStringLiteral(","), QStringLiteral("."),
                                     QStringLiteral("-"), QStringLiteral(":"), QStringLiteral("/"), QStringLiteral("₩"),
                                     QStringLiteral("("), QStringLiteral(")"), QStringLiteral("·"), QStringLiteral("A"),
                                     QStringLiteral("C"), QStringLiteral("L"), QStringLiteral("가")};
        // Digits: each beside every digit and the separators of ids, times and amounts.
        const QString digits = QStringLiteral("0123456789");
        QStringList beside = separators;
        for (const QChar d : digits)
            beside << QString(d);
        uniformDigits = interchangeable(metrics, digits, beside);
        // Hangul: an even spread of syllables, each beside a sample of them and the separators
        // (Korean fonts draw every syllable one em wide, unkerned).
        QString sample;
        for (char32_t c = kFirstSyllable; c <= kLastSyllable; c += 389)
            sample += QChar(char16_t(c));
        beside = separators;
        for (int i = 0; i < sample.size(); i += 4)
            beside << QString(sample[i]);
        uniformHangul = interchangeable(metrics, sample, beside);
    }

    double syllable, syllablePair;
    bool uniformDigits = false, uniformHangul = false;
    QHash<char16_t, double> advances;
};

// Each character's advance in one font, looked up once.
class AdvanceEstimate {
public:
    explicit AdvanceEstimate(const QFont& font) : metrics_(font), facts_(factsOf(font.key(), metrics_)) {}
    double of(const QString& text)
    {
        double width = 0;
        for (const QChar c : text) {
            auto it = facts_.advances.constFind(c.unicode());
            if (it == facts_.advances.cend())
                it = facts_.advances.insert(c.unicode(), advance(c));
            width += *it;
        }
        return width;
    }
    double exact(const QString& text) const { return metrics_.horizontalAdvance(text); }
    // The text with every digit as "0" and every Hangul syllable as "가" where that does not
    // change its width, so that ids, times, amounts and names of one shape are measured once.
    QString shape(QString text) const
    {
        for (QChar& c : text) {
            if (facts_.uniformDigits && c >= QLatin1Char('1') && c <= QLatin1Char('9'))
                c = QLatin1Char('0');
            else if (facts_.uniformHangul && isSyllable(c))
                c = QChar(kFirstSyllable);
        }
        return text;
    }

private:
    // A character's advance alone, or between Hangul, whichever is wider: punctuation and digits
    // between Hangul are drawn in the Korean font ("·" is 2.9 px wider there than alone).
    double advance(QChar c) const
    {
        if (facts_.uniformHangul && isSyllable(c))
            return facts_.syllable;
        const QString between = QStringLiteral("가") + c + QStringLiteral("가");
        return std::max(metrics_.horizontalAdvance(c), metrics_.horizontalAdvance(between) - facts_.syllablePair);
    }
    // A map: a font's facts stay where they are when another font's are added.
    static FontFacts& factsOf(const QString& key, const QFontMetricsF& metrics)
    {
        static std::map<QString, FontFacts> known;
        auto it = known.find(key);
        if (it == known.end())
            it = known.emplace(key, FontFacts(metrics)).first;
        return it->second;
    }

    QFontMetricsF metrics_;
    FontFacts& facts_;
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
    bool mustMeasure;
    QString text;
};

// The rows QTableView::sizeHintForColumn samples, as Qt 6.4 picks them: those in view, then one
// below or one above (above after an odd count), skipping hidden rows, up to the header's
// resizeContentsPrecision in all (0: the rows in view only; negative: every row).
std::vector<int> sampledRows(const QTableView& view)
{
    const QHeaderView& rowsHeader = *view.verticalHeader();
    const int rows = view.model()->rowCount(view.rootIndex());
    const int precision = view.horizontalHeader()->resizeContentsPrecision();
    const int top = std::max(0, rowsHeader.visualIndexAt(0));
    int bottom = rowsHeader.visualIndexAt(view.viewport()->height());
    if (!view.isVisible() || bottom == -1)
        bottom = rows - 1;
    std::vector<int> out;
    const auto take = [&](int visual) {
        const int row = rowsHeader.logicalIndex(visual);
        if (rowsHeader.isSectionHidden(row))
            return false;
        out.push_back(row);
        return true;
    };
    int visual = top;
    for (; visual <= bottom; ++visual)
        if (take(visual) && int(out.size()) == precision)
            break;
    if (precision == 0)
        return out;
    int above = top, below = visual - 1;
    while (int(out.size()) != precision && (above > 0 || below < rows - 1)) {
        if ((out.size() % 2 && above > 0) || below == rows - 1) {
            while (above > 0 && !take(--above)) {
            }
        } else {
            while (below < rows - 1 && !take(++below)) {
            }
        }
    }
    return out;
}

// A cell whose width its characters cannot tell is always measured: not a string (the delegate
// formats numbers and dates its own way), a tab or another control character, a character
// outside the BMP, an icon, a check box, a size hint of its own, or a delegate of its own.
bool mustMeasure(const QTableView& view, int row, const QVariant& display, const QString& text,
                 const QModelRoleData (&roles)[5])
{
    if (display.isValid() && display.metaType() != QMetaType::fromType<QString>())
        return true;
    if (roles[2].data().isValid() || roles[3].data().isValid() || roles[4].data().isValid())
        return true;
    if (view.itemDelegateForRow(row))
        return true;
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20 || c.isSurrogate(); });
}

// Each sampled cell's estimated width, widest first (a cell that must be measured first of all).
std::vector<Candidate> estimates(QTableView* view, int column, const std::vector<int>& rows, Fonts& fonts)
{
    const QAbstractItemModel* model = view->model();
    std::vector<Candidate> out;
    out.reserve(rows.size());
    for (const int row : rows) {
        QModelRoleData roles[] = {QModelRoleData(Qt::DisplayRole), QModelRoleData(Qt::FontRole),
                                  QModelRoleData(Qt::DecorationRole), QModelRoleData(Qt::CheckStateRole),
                                  QModelRoleData(Qt::SizeHintRole)};
        model->multiData(model->index(row, column, view->rootIndex()), roles);
        const int font = fonts.slotOf(roles[1].data());
        QString text = roles[0].data().toString();
        const bool measure = mustMeasure(*view, row, roles[0].data(), text, roles);
        out.push_back({measure ? std::numeric_limits<double>::infinity() : fonts[font].of(text), row, font, measure,
                       std::move(text)});
    }
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.estimate > b.estimate; });
    return out;
}

int columnWidth(QTableView* view, int column, const std::vector<int>& rows, Fonts& fonts)
{
    // Cells that must be measured first, then widest estimate first. A plain cell is its text and
    // the delegate's margins around it. A text is almost never wider than its characters'
    // advances, so once the next estimate plus the most the delegate added to a measured text,
    // and the slack, cannot reach the widest cell measured, no cell left can.
    int widest = 0;
    double added = 0;
    bool measured = false;
    QSet<std::pair<int, QString>> shapes;   // (font, shape) of the cells measured
    for (const Candidate& c : estimates(view, column, rows, fonts)) {
        if (!c.mustMeasure && measured && c.estimate + added + kSlackPixels + kSlackShare * c.estimate < widest)
            break;
        if (!c.mustMeasure) {
            std::pair<int, QString> shape{c.font, fonts[c.font].shape(c.text)};
            if (shapes.contains(shape))
                continue;   // as wide as a cell measured
            shapes.insert(std::move(shape));
        }
        const int width = view->sizeHintForIndex(view->model()->index(c.row, column, view->rootIndex())).width();
        widest = std::max(widest, width);
        if (!c.mustMeasure) {
            added = std::max(added, width - fonts[c.font].exact(c.text));
            measured = true;
        }
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
