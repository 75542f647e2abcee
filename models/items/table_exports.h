#pragma once
// What the console exports for a spreadsheet (items/csv_export.h): the orphan queue under its
// current filter and sort, and one customer's timeline. Columns are named in snake_case like
// the command line's CSV, so a sheet built on one export reads the next.
#include "items/csv_export.h"
#include "items/orphan_queue_sql.h"
#include "items/timeline_data.h"

namespace reconsole::items {

// Reads the mirror on the export's thread, through a read-only connection of its own.
CsvExport::Job queueCsvJob(const QString& mirrorPath, const QueueQuery& query);

// The timeline as shown (already read): every event, orphans marked with their class.
CsvExport::Job timelineCsvJob(const recon::CustomerTimeline& timeline);

}  // namespace reconsole::items
