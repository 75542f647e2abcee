#pragma once
// Catalog findings written out for `reconsole-cli catalog check`: JSON (codes, numbers and
// the Korean explanation) and a plain-text table.
#include "catalog/catalog_query.h"

#include <string>

namespace reconsole::catalog {

std::string anomaliesToJson(const std::vector<AnomalyRow>& rows);
std::string anomaliesToTable(const std::vector<AnomalyRow>& rows);

}  // namespace reconsole::catalog
