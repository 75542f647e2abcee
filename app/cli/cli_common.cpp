#include "cli_common.h"

#include "store/database.h"
#include "store/store_error.h"

#include <cstdio>
#include <cstdlib>

namespace reconsole::cli {

CommandParser::CommandParser(const QString& description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addOption(db);
}

bool CommandParser::parse(const QStringList& args, int minPositional, int maxPositional, bool needDb)
{
    if (!parser.parse(args)) {
        usageError(parser, parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText().toStdString());
        std::exit(Ok);
    }
    if (needDb && !parser.isSet(db)) {
        usageError(parser, QStringLiteral("--db MIRROR is required"));
        return false;
    }
    const auto n = parser.positionalArguments().size();   // args[0], the command, is not counted
    if (n < minPositional || (maxPositional >= 0 && n > maxPositional)) {
        usageError(parser, QStringLiteral("wrong number of arguments"));
        return false;
    }
    return true;
}

void out(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }
void err(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stderr); }

int usageError(const QCommandLineParser& parser, const QString& message)
{
    err("reconsole-cli: " + message.toStdString() + "\n\n" + parser.helpText().toStdString());
    return Usage;
}

std::unique_ptr<Database> openMirror(const std::string& path)
{
    try {
        return std::make_unique<Database>(path);
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: ") + e.what() + "\n");
        return nullptr;
    }
}

}  // namespace reconsole::cli
