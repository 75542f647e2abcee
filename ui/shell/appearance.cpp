#include "ui/shell/appearance.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace reconsole::ui {
QString applyHangulFont(QApplication& app)
{
    const QString family = QString::fromLatin1(kHangulFontFamily);
    if (QFontDatabase::families().contains(family)) {
        QFont font(family);
        font.setPointSizeF(std::max<qreal>(app.font().pointSizeF(), 9.5));
        app.setFont(font);
    }
    return app.font().family();
}

void installTranslations(QApplication& app, const QString& language)
{
    const bool english = language == QLatin1String("en");
    QLocale::setDefault(english ? QLocale(QLocale::English, QLocale::UnitedStates)
                                : QLocale(QLocale::Korean, QLocale::SouthKorea));
    if (english) {
        auto* own = new QTranslator(&app);
        if (own->load(QStringLiteral(":/i18n/reconsole_en.qm")))
            app.installTranslator(own);
        else
            qWarning("reconsole: the English translation is missing from this build");
        return;
    }
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(QLocale::Korean), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

QIcon appIcon() { return QIcon(QStringLiteral(":/icons/reconsole.png")); }

}  // namespace reconsole::ui
