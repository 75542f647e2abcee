#pragma once
// The orphan list written out: the machine-readable JSON of orphan-rules v1, CSV, and a
// plain-text table for people at a terminal.
#include "core/json_text.h"
#include "recon/orphan.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace reconsole::recon {

enum class OrphanListFormat { Json, Csv };

// Writes the list row by row into a buffer handed to `sink` every few hundred KiB, so a
// long list is never held whole (neither as rows nor as text).
class OrphanListWriter {
public:
    using Sink = std::function<void(std::string_view)>;
    OrphanListWriter(OrphanListFormat format, Sink sink);
    void add(const Orphan& o);
    void finish();   // closes the list and hands over what is left

private:
    static constexpr std::size_t kFlushAt = 256 * 1024;
    void addJson(const Orphan& o);
    void addCsv(const Orphan& o);
    void flush();
    OrphanListFormat format_;
    Sink sink_;
    std::string buffer_;
    std::size_t rows_ = 0;
};

std::string orphansToJson(const std::vector<Orphan>& orphans);
std::string orphansToCsv(const std::vector<Orphan>& orphans);
std::string orphansToTable(const std::vector<Orphan>& orphans);

using reconsole::jsonString;   // core/json_text.h

}  // namespace reconsole::recon
