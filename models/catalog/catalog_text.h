#pragma once
// The words for catalog findings: rule and severity labels and one explanation an operator
// can read, in Korean like the rest of the console (English via the translation files,
// context "reconsole::catalog").
#include "catalog/catalog_query.h"

#include <QString>

namespace reconsole::catalog {

QString ruleLabel(Rule r);           // "정가와 동떨어진 가격"
QString severityLabel(Severity s);   // "높음"
// What is wrong, with the numbers, and since when (or until when, for a past run).
QString explanationText(const AnomalyRow& row);

}  // namespace reconsole::catalog
