#pragma once
// Shared by the commands of reconsole-cli: exit codes, per-command parsers, output helpers.
#include <QCommandLineParser>
#include <QStringList>

#include <memory>
#include <string>

namespace reconsole {
class Database;
}

namespace reconsole::cli {

enum Exit { Ok = 0, Fatal = 1, Usage = 2, Quarantined = 3, AuditBroken = 4, Refused = 5 };

// A parser for one command: `--db MIRROR`, `--help`, and what the command adds.
struct CommandParser {
    QCommandLineParser parser;
    QCommandLineOption db{QStringList{"db"}, "The mirror (SQLite file).", "MIRROR"};
    explicit CommandParser(const QString& description);
    // Parses `args` (the command name first). Returns false after printing a usage error;
    // exits 0 after printing help.
    bool parse(const QStringList& args, int minPositional = 0, int maxPositional = 0, bool needDb = true);
    std::string dbPath() const { return parser.value(db).toStdString(); }
};

void out(const std::string& text);
void err(const std::string& text);
int usageError(const QCommandLineParser& parser, const QString& message);

// Opens the mirror read-write (creating and migrating it); prints the error and returns null on failure.
std::unique_ptr<Database> openMirror(const std::string& path);

int runOperator(const QStringList& args);
int runPolicy(const QStringList& args);
int runRefund(const QStringList& args);
int runOutbox(const QStringList& args);
int runAudit(const QStringList& args);
int runOps(const QStringList& args);
int runSimulatePlatform(const QStringList& args);
int runCase(const QStringList& args);

int runImport(const QStringList& args);
int runOrphans(const QStringList& args);
int runCustomer(const QStringList& args);
int runQuarantine(const QStringList& args);
int runDemo(const QStringList& args);
int runExplain(const QStringList& args);
int runCatalog(const QStringList& args);
int runExportMirror(const QStringList& args);
int runOrphanNote(const QStringList& args);
int runCatalogCommand(const QStringList& args);   // catalog ack|acks, the decisions, then runCatalog
// catalog fix|approve|reject|cancel|failed|fixes|repair|batch|rules (cmd_catalog_fix.cpp)
bool isCatalogActAction(const QString& action);
int runCatalogAct(const QString& action, const QStringList& args);
extern const char* kCatalogActUsage;

}  // namespace reconsole::cli
