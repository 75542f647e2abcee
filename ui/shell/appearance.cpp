#include "ui/shell/appearance.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace reconsole::ui {
namespace {

// explanation_text.cpp and display.cpp look their words up in the contexts "Explanation"
// and "Duration" through helper functions; lupdate files those strings under the enclosing
// namespaces instead. This translator answers the runtime contexts from the files' ones
// until those sources call QCoreApplication::translate with a literal context.
class ContextAliasTranslator : public QTranslator {
public:
    using QTranslator::QTranslator;
    QString translate(const char* context, const char* source, const char* disambiguation, int n) const override
    {
        QString t = QTranslator::translate(context, source, disambiguation, n);
        if (!t.isEmpty() || !context)
            return t;
        if (qstrcmp(context, "Explanation") == 0)
            return QTranslator::translate("reconsole::recon", source, disambiguation, n);
        if (qstrcmp(context, "Duration") == 0)
            return QTranslator::translate("reconsole", source, disambiguation, n);
        return t;
    }
};

}  // namespace

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
        auto* own = new ContextAliasTranslator(&app);
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
