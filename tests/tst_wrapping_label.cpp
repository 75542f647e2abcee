// WrappingLabel remembers its height for a width: it must always answer what a plain
// word-wrapped QLabel in the same state answers, whatever changed since it last answered,
// and lay its text out only once for a width asked again.
#include "ui/widgets/wrapping_label.h"

#include <QApplication>
#include <QPixmap>
#include <QTest>

#include <functional>

using namespace reconsole;

namespace {

const QString kLong = QStringLiteral("김** 고객(C-000788)의 은행 계정(신한 ****9462)에서 2026-03-01 06:29:09 +09:00에 "
                                     "₩4,700이 결제 용도로 출금되었습니다. 같은 결제의 다른 출금: L-00000081");
const QString kRich = QStringLiteral("<p style='margin:0 0 4px 0'><b>가격 이상</b></p><p>판매가 ₩3,300이 정가 ₩33,000의 "
                                     "10%입니다 (0이 빠졌거나 더 붙었을 수 있음).</p>");

using Change = std::function<void(QLabel&)>;

}  // namespace

Q_DECLARE_METATYPE(Change)

class TestWrappingLabel : public QObject {
    Q_OBJECT
private slots:
    void answersAsQLabelAfterEachChange_data();
    void answersAsQLabelAfterEachChange();
    void laysOutOncePerWidth();
};

void TestWrappingLabel::answersAsQLabelAfterEachChange_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Change>("change");
    const auto none = Change([](QLabel&) {});
    QTest::newRow("short, unchanged") << QStringLiteral("사건 0건") << none;
    QTest::newRow("long Korean, unchanged") << kLong << none;
    QTest::newRow("rich text, unchanged") << kRich << none;
    QTest::newRow("new text") << QStringLiteral("짧은 글") << Change([](QLabel& l) { l.setText(kLong); });
    QTest::newRow("text cleared") << kLong << Change([](QLabel& l) { l.clear(); });
    QTest::newRow("bigger font") << kLong << Change([](QLabel& l) {
        QFont f = l.font();
        f.setPointSizeF(f.pointSizeF() * 1.6);
        l.setFont(f);
    });
    QTest::newRow("style sheet font") << kLong << Change([](QLabel& l) { l.setStyleSheet(QStringLiteral("font-size: 19px")); });
    QTest::newRow("margin") << kLong << Change([](QLabel& l) { l.setMargin(9); });
    QTest::newRow("indent") << kLong << Change([](QLabel& l) { l.setIndent(30); });
    QTest::newRow("contents margins") << kLong << Change([](QLabel& l) { l.setContentsMargins(12, 4, 20, 4); });
    QTest::newRow("frame") << kLong << Change([](QLabel& l) { l.setFrameStyle(QFrame::Box | QFrame::Plain); l.setLineWidth(3); });
    QTest::newRow("plain format of rich text") << kRich << Change([](QLabel& l) { l.setTextFormat(Qt::PlainText); });
    QTest::newRow("minimum width") << kLong << Change([](QLabel& l) { l.setMinimumWidth(300); });
    QTest::newRow("minimum height") << kLong << Change([](QLabel& l) { l.setMinimumHeight(500); });
    QTest::newRow("a pixmap instead of text") << QString() << Change([](QLabel& l) {
        QPixmap p(40, 30);
        p.fill(Qt::red);
        l.setPixmap(p);
    });
    QTest::newRow("wrap turned off") << kLong << Change([](QLabel& l) { l.setWordWrap(false); });
}

void TestWrappingLabel::answersAsQLabelAfterEachChange()
{
    QFETCH(QString, text);
    QFETCH(Change, change);
    ui::WrappingLabel wrapping(text);
    QLabel plain(text);
    plain.setWordWrap(true);
    const int widths[] = {40, 120, 333, 1200};
    for (int w : widths)   // fill what it remembers before the change
        QCOMPARE(wrapping.heightForWidth(w), plain.heightForWidth(w));
    change(wrapping);
    change(plain);
    QCoreApplication::processEvents();   // style sheets are applied on polish
    wrapping.ensurePolished();
    plain.ensurePolished();
    for (int w : widths)
        QCOMPARE(wrapping.heightForWidth(w), plain.heightForWidth(w));
}

void TestWrappingLabel::laysOutOncePerWidth()
{
    ui::WrappingLabel label(kLong);
    const int first = label.heightForWidth(200);
    QCOMPARE(label.layoutsOfText(), 1);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(label.heightForWidth(200), first);
        QCOMPARE(label.heightForWidth(500), label.heightForWidth(500));
    }
    QCOMPARE(label.layoutsOfText(), 2);   // 200 and 500, each once
    label.setText(kLong + kLong);
    QVERIFY(label.heightForWidth(200) > first);
    QCOMPARE(label.layoutsOfText(), 3);
    QLabel plain(kLong + kLong);
    plain.setWordWrap(true);
    QCOMPARE(label.heightForWidth(-1), plain.heightForWidth(-1));   // "no width" is asked too, not an empty slot
}

QTEST_MAIN(TestWrappingLabel)
#include "tst_wrapping_label.moc"
