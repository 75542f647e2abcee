#pragma once
// Everything the console remembers between runs, read and written in this one place.
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace reconsole::ui {

struct ConsoleSettings {
    static constexpr int kMaxRecentMirrors = 8;

    QString lastMirror;
    QStringList recentMirrors;          // most recent first
    QString language = QStringLiteral("ko");   // "ko" or "en"
    QByteArray windowGeometry, windowState;
    QHash<QString, QByteArray> layouts; // column and splitter layouts, by screen
    // Operations: the operator the sign-in dialog offers first, where the operations store
    // is when not beside the mirror, where "지금 내보내기" writes outbox files, and the mirrors
    // this console built as demos (a demo with no operator chosen acts as the demo operator).
    QString operatorId;
    QString opsPath;
    QString outboxDir;
    QStringList demoMirrors;
    // The session locks after this many minutes without input (docs/sign-in.md); 0: never.
    int idleLockMinutes = 15;
    // Screenshots and tests run with settings that are neither read nor written.
    bool persistent = false;

    void rememberMirror(const QString& path);
    void forgetMirror(const QString& path);
    void rememberDemoMirror(const QString& path);
    bool isDemoMirror(const QString& path) const;

    static ConsoleSettings load();   // from QSettings; persistent
    void save() const;               // to QSettings, when persistent
};

QString normalizedLanguage(const QString& language);   // "en" or "ko"

}  // namespace reconsole::ui
