#pragma once
// A quarantine reason in the console's language. The importer stores its reasons in English
// (the CLI, logs and the feed's producers read them as they are); the console translates them
// when it shows them and keeps the stored text for what it does not know.
#include <QString>

namespace reconsole::items {

// "not valid JSON" -> "JSON 형식이 아닙니다"; "missing required field 'amount'" -> "필수 항목이
// 없습니다: amount". A reason of no known form comes back unchanged.
QString quarantineReasonText(const QString& storedReason);

}  // namespace reconsole::items
