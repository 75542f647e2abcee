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
    file->addAction(tr("CSV로 내보내기(&E)…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainMenu::exportRequested);
    file->addAction(tr("화면 잠그기(&L)"), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainMenu::lockRequested);
    file->addAction(tr("로그아웃(&G)"), this, &MainMenu::signOutRequested);
    file->addSeparator();
    file->addAction(tr("끝내기(&Q)"), QKeySequence::Quit, this, &MainMenu::quitRequested);

    QMenu* view = bar->addMenu(tr("보기(&V)"));
    for (int i = 0; i < kScreenCount; ++i) {
        const auto id = static_cast<ScreenId>(i);
        view->addAction(screenTitle(id), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this,
                        [this, id] { emit screenRequested(id); });
    }
    view->addSeparator();
    // Window-wide shortcuts: they work from any screen, whatever has the focus.
    findCustomer_ = view->addAction(tr("고객 찾기(&C)"), QKeySequence::Find, this, &MainMenu::findCustomerRequested);
    reload_ = view->addAction(tr("다시 읽기(&R)"), QKeySequence::Refresh, this, &MainMenu::reloadRequested);

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
    help->addAction(tr("단축키 목록(&K)"), this, &MainMenu::shortcutsRequested);
    help->addAction(tr("Reconsole 정보"), this, &MainMenu::aboutRequested);
    bar_ = bar;
    setBusy(false, false);
}

// Read from the menus themselves, so that the list never disagrees with the keys.
QString MainMenu::shortcutList() const
{
    QStringList lines;
    for (const QAction* menu : bar_->actions()) {
        if (!menu->menu())
            continue;
        for (const QAction* a : menu->menu()->actions())
            if (!a->shortcut().isEmpty())
                lines << QStringLiteral("%1    %2").arg(a->shortcut().toString(QKeySequence::NativeText),
                                                      QString(a->text()).remove(QLatin1Char('&')));
    }
    return lines.join(QLatin1Char('\n'));
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
    findCustomer_->setEnabled(mirrorOpen);
    reload_->setEnabled(!busy && mirrorOpen);
}

}  // namespace reconsole::ui
