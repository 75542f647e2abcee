#include "ui/shell/main_menu.h"

#include <QActionGroup>
#include <QDir>
#include <QMenu>
#include <QMenuBar>

namespace reconsole::ui {

MainMenu::MainMenu(QMenuBar* bar, const QString& language, QObject* parent) : QObject(parent)
{
    QMenu* file = bar->addMenu(tr("파일(&F)"));
    open_ = file->addAction(tr("미러 열기(&O)…"), QKeySequence::Open, this, &MainMenu::openMirrorRequested);
    demo_ = file->addAction(tr("데모 미러 만들기(&D)…"), this, &MainMenu::createDemoRequested);
    import_ = file->addAction(tr("피드 가져오기(&I)…"), QKeySequence(Qt::CTRL | Qt::Key_I), this,
                              &MainMenu::importRequested);
    recent_ = file->addMenu(tr("최근 미러(&R)"));
    file->addSeparator();
    file->addAction(tr("끝내기(&Q)"), QKeySequence::Quit, this, &MainMenu::quitRequested);

    QMenu* view = bar->addMenu(tr("보기(&V)"));
    for (int i = 0; i < kScreenCount; ++i) {
        const auto id = static_cast<ScreenId>(i);
        view->addAction(screenTitle(id), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this,
                        [this, id] { emit screenRequested(id); });
    }

    QMenu* settings = bar->addMenu(tr("설정(&S)"));
    QMenu* languages = settings->addMenu(tr("언어 (다시 시작하면 적용)"));
    auto* group = new QActionGroup(this);
    for (const auto& [code, name] : {std::pair{QStringLiteral("ko"), QStringLiteral("한국어")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction* a = languages->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == language);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { emit languageChosen(code); });
    }

    QMenu* help = bar->addMenu(tr("도움말(&H)"));
    help->addAction(tr("Reconsole 정보"), this, &MainMenu::aboutRequested);
    setBusy(false, false);
}

void MainMenu::setRecentMirrors(const QStringList& paths)
{
    recent_->clear();
    for (const QString& path : paths)
        recent_->addAction(QDir::toNativeSeparators(path), this, [this, path] { emit recentChosen(path); });
    recent_->setEnabled(!paths.isEmpty());
}

void MainMenu::setBusy(bool busy, bool mirrorOpen)
{
    open_->setEnabled(!busy);
    demo_->setEnabled(!busy);
    recent_->setEnabled(!busy && !recent_->isEmpty());
    import_->setEnabled(!busy && mirrorOpen);
}

}  // namespace reconsole::ui
