#include "ui/shell/console_settings.h"

#include <algorithm>

#include <QFileInfo>
#include <QSettings>

namespace reconsole::ui {
namespace {
const QString kLastMirror = QStringLiteral("mirror/last");
const QString kRecent = QStringLiteral("mirror/recent");
const QString kLanguage = QStringLiteral("ui/language");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLayouts = QStringLiteral("layouts");
const QString kOperator = QStringLiteral("ops/operator");
const QString kOpsPath = QStringLiteral("ops/store");
const QString kOutbox = QStringLiteral("ops/outbox");
const QString kDemos = QStringLiteral("mirror/demos");
const QString kIdleLock = QStringLiteral("ops/idle_lock_minutes");
}  // namespace

QString normalizedLanguage(const QString& language)
{
    return language.trimmed().toLower().startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("ko");
}

void ConsoleSettings::rememberMirror(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    lastMirror = absolute;
    recentMirrors.removeAll(absolute);
    recentMirrors.prepend(absolute);
    while (recentMirrors.size() > kMaxRecentMirrors)
        recentMirrors.removeLast();
}

void ConsoleSettings::forgetMirror(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recentMirrors.removeAll(absolute);
    if (lastMirror == absolute)
        lastMirror.clear();
}

void ConsoleSettings::rememberDemoMirror(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!demoMirrors.contains(absolute))
        demoMirrors.prepend(absolute);
    while (demoMirrors.size() > kMaxRecentMirrors)
        demoMirrors.removeLast();
}

bool ConsoleSettings::isDemoMirror(const QString& path) const
{
    return demoMirrors.contains(QFileInfo(path).absoluteFilePath());
}

ConsoleSettings ConsoleSettings::load()
{
    QSettings s;
    ConsoleSettings c;
    c.persistent = true;
    c.lastMirror = s.value(kLastMirror).toString();
    c.recentMirrors = s.value(kRecent).toStringList();
    c.language = normalizedLanguage(s.value(kLanguage, QStringLiteral("ko")).toString());
    c.windowGeometry = s.value(kGeometry).toByteArray();
    c.windowState = s.value(kState).toByteArray();
    c.operatorId = s.value(kOperator).toString();
    c.opsPath = s.value(kOpsPath).toString();
    c.outboxDir = s.value(kOutbox).toString();
    c.demoMirrors = s.value(kDemos).toStringList();
    c.idleLockMinutes = std::max(0, s.value(kIdleLock, 15).toInt());
    s.beginGroup(kLayouts);
    for (const QString& key : s.childKeys())
        c.layouts.insert(key, s.value(key).toByteArray());
    s.endGroup();
    return c;
}

void ConsoleSettings::save() const
{
    if (!persistent)
        return;
    QSettings s;
    s.setValue(kLastMirror, lastMirror);
    s.setValue(kRecent, recentMirrors);
    s.setValue(kLanguage, language);
    s.setValue(kGeometry, windowGeometry);
    s.setValue(kState, windowState);
    s.setValue(kOperator, operatorId);
    s.setValue(kOpsPath, opsPath);
    s.setValue(kOutbox, outboxDir);
    s.setValue(kDemos, demoMirrors);
    s.setValue(kIdleLock, idleLockMinutes);
    s.beginGroup(kLayouts);
    for (auto it = layouts.begin(); it != layouts.end(); ++it)
        s.setValue(it.key(), it.value());
    s.endGroup();
}

}  // namespace reconsole::ui
