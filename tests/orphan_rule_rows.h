#pragma once
// The rows of tst_orphan_rules: one small feed per rule, class and boundary of
// orphan-rules v1, with the exact orphan list the rules give for it.
#include "feed_lines.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace reconsole::test {

// How a row's feed goes through the importer; every row runs in all four ways.
enum class ImportMode {
    Batched,  // one batch per import, the state updated incrementally
    LineByLine,  // every line its own batch
    Rebuild,  // past the incremental limit at once: the state is rebuilt at the end
    BulkLoad,  // BulkMode::Always: indexes deferred, the state rebuilt at the end
};

constexpr qint64 kSpecDefaultGrace = -1;  // grace column: leave OrphanQuery's default (30 min)

struct RowQuery {
    QString asOf;  // RFC 3339; empty: the default as_of
    qint64 grace = kSpecDefaultGrace;  // milliseconds
    int quarantined = 0;  // lines the importer must quarantine

    RowQuery& at(const char* rfc3339)
    {
        asOf = QString::fromUtf8(rfc3339);
        return *this;
    }
    RowQuery& graceMs(qint64 ms)
    {
        grace = ms;
        return *this;
    }
    RowQuery& quarantining(int lines)
    {
        quarantined = lines;
        return *this;
    }
};

// "ledger_id CLASS amount/orphan_amount", the form rows state their expectation in.
QString orphanRow(const QString& ledgerId, const char* cls, qint64 amount, qint64 orphanAmount);

// Adds the row once per ImportMode to the current _data table (columns: see addRuleColumns).
void addRuleColumns();
void addRuleRow(const char* name, const FeedLines& feed, const QStringList& expected, const RowQuery& query = {});

// "2026-03-11T<hms>Z".
std::string z(const char* hms);

void graceRows();
void asOfRows();
void allocationRows();
void paymentStatusRows();
void topupRows();
void returnRows();
void otherPurposeRows();
void offsetRows();
void arrivalRows();
void limitRows();

}  // namespace reconsole::test

Q_DECLARE_METATYPE(reconsole::test::FeedLines)
