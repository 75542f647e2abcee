#pragma once
// Passwords for the command line: from an environment variable, or asked on the terminal with
// echo off. Never from an argument (process lists, shell histories).
#include <optional>
#include <string>

namespace reconsole::cli {

// The value of `envName` when set; otherwise, when stdin is a terminal, what the person types
// after `prompt` (not echoed); otherwise nothing.
std::optional<std::string> secretFrom(const char* envName, const std::string& prompt);

}  // namespace reconsole::cli
