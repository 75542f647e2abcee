#pragma once
// How the console looks and speaks: a font with Hangul, the interface language, the icon.
#include <QIcon>
#include <QString>

class QApplication;

namespace reconsole::ui {

inline constexpr auto kHangulFontFamily = "Noto Sans CJK KR";

// Uses Noto Sans CJK KR when installed (fonts-noto-cjk); returns the family in use.
QString applyHangulFont(QApplication& app);

// Korean is the source language; "en" installs the English translation built into the
// program. Qt's own strings (dialog buttons) follow the same language.
void installTranslations(QApplication& app, const QString& language);

QIcon appIcon();

}  // namespace reconsole::ui
