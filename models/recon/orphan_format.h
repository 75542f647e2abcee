#pragma once
// The orphan list written out: the machine-readable JSON of orphan-rules v1, CSV, and a
// plain-text table for people at a terminal.
#include "core/json_text.h"
#include "recon/orphan.h"

#include <string>
#include <vector>

namespace reconsole::recon {

std::string orphansToJson(const std::vector<Orphan>& orphans);
std::string orphansToCsv(const std::vector<Orphan>& orphans);
std::string orphansToTable(const std::vector<Orphan>& orphans);

using reconsole::jsonString;   // core/json_text.h

}  // namespace reconsole::recon
