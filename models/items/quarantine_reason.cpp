#include "items/quarantine_reason.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <vector>

namespace reconsole::items {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("QuarantineReason", text); }

struct Form {
    QRegularExpression pattern;   // the importer's wording; captures are put into `text`
    const char* text;
};

// In the importer's order of checks: the line, the JSON, the record, the fields, the store.
// Reasons with a field name say the field after a colon, so no Korean particle follows it.
const std::vector<Form>& forms()
{
    static const std::vector<Form> all = {
        {QRegularExpression(QStringLiteral("^line longer than (\\d+) MiB")),
         QT_TRANSLATE_NOOP("QuarantineReason", "줄이 너무 깁니다 (%1 MiB 초과, 앞부분만 보관)")},
        {QRegularExpression(QStringLiteral("^the line is not valid UTF-8$")),
         QT_TRANSLATE_NOOP("QuarantineReason", "UTF-8 글자가 아닌 내용이 있습니다")},
        {QRegularExpression(QStringLiteral("^not valid JSON$")), QT_TRANSLATE_NOOP("QuarantineReason", "JSON 형식이 아닙니다")},
        {QRegularExpression(QStringLiteral("^the line is JSON but not an object$")),
         QT_TRANSLATE_NOOP("QuarantineReason", "JSON이지만 객체({ … })가 아닙니다")},
        {QRegularExpression(QStringLiteral("^a string is malformed")),
         QT_TRANSLATE_NOOP("QuarantineReason", "문자열이 잘못 쓰였습니다 (잘못된 이스케이프나 제어 문자)")},
        {QRegularExpression(QStringLiteral("^a number is malformed or out of range$")),
         QT_TRANSLATE_NOOP("QuarantineReason", "숫자가 잘못 쓰였거나 범위를 벗어났습니다")},
        {QRegularExpression(QStringLiteral("^an integer is outside the signed 64-bit range$")),
         QT_TRANSLATE_NOOP("QuarantineReason", "정수가 64비트 범위를 벗어났습니다")},
        {QRegularExpression(QStringLiteral("^key '(.*)' is written twice in one object")),
         QT_TRANSLATE_NOOP("QuarantineReason", "한 객체에 같은 키가 두 번 있습니다: %1")},
        {QRegularExpression(QStringLiteral("^unknown type '(.*)'$")),
         QT_TRANSLATE_NOOP("QuarantineReason", "알 수 없는 기록 종류입니다: %1")},
        {QRegularExpression(QStringLiteral("^missing required field '(.*)'$")),
         QT_TRANSLATE_NOOP("QuarantineReason", "필수 항목이 없습니다: %1")},
        {QRegularExpression(QStringLiteral("^field '(.*)' must be an integer at least (-?\\d+), got (-?\\d+)$")),
         QT_TRANSLATE_NOOP("QuarantineReason", "항목 %1: %2 이상이어야 하는데 %3입니다")},
        {QRegularExpression(QStringLiteral("^field '(.*)' must be an integer (-?\\d+) to (-?\\d+), got (-?\\d+)$")),
         QT_TRANSLATE_NOOP("QuarantineReason", "항목 %1: %2~%3 사이여야 하는데 %4입니다")},
        {QRegularExpression(QStringLiteral("^field '(.*)' must be a whole number")),
         QT_TRANSLATE_NOOP("QuarantineReason", "항목 %1: 원 단위 정수여야 합니다 (소수 불가)")},
        {QRegularExpression(QStringLiteral("^field '(.*)' must be one of (.*); got '(.*)'$")),
         QT_TRANSLATE_NOOP("QuarantineReason", "항목 %1: 허용되지 않는 값입니다: '%3' (허용: %2)")},
        {QRegularExpression(QStringLiteral("^field '(.*)' must be (a string|an integer|true or false|an id)")),
         QT_TRANSLATE_NOOP("QuarantineReason", "항목 %1: 값의 형식이 맞지 않습니다")},
        {QRegularExpression(QStringLiteral("^ledger entry '(.*)' is immutable and differs")),
         QT_TRANSLATE_NOOP("QuarantineReason", "원장 기록 %1: 이미 받은 내용과 다릅니다 (원장 기록은 바뀔 수 없습니다)")},
    };
    return all;
}

}  // namespace

QString quarantineReasonText(const QString& storedReason)
{
    for (const Form& form : forms()) {
        const QRegularExpressionMatch m = form.pattern.match(storedReason);
        if (!m.hasMatch())
            continue;
        QString text = tr(form.text);
        for (int i = 1; i <= m.lastCapturedIndex(); ++i)
            text = text.arg(m.captured(i));
        return text;
    }
    return storedReason;
}

}  // namespace reconsole::items
