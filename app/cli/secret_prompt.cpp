#include "secret_prompt.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace reconsole::cli {

std::optional<std::string> secretFrom(const char* envName, const std::string& prompt)
{
    if (const char* v = std::getenv(envName); v && *v)
        return std::string(v);
    if (!isatty(STDIN_FILENO))
        return std::nullopt;
    std::fprintf(stderr, "%s", prompt.c_str());
    std::fflush(stderr);
    termios old{};
    const bool echoOff = tcgetattr(STDIN_FILENO, &old) == 0;
    if (echoOff) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (echoOff)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fprintf(stderr, "\n");
    return line;
}

}  // namespace reconsole::cli
