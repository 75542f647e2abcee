#include "ui/shell/first_run_dialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace reconsole::ui {

FirstRunDialog::FirstRunDialog(const QString& demoPath, const QString& notice, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("시작하기"));
    auto* text = new QLabel;
    text->setWordWrap(true);
    text->setText((notice.isEmpty() ? QString() : notice + QStringLiteral("\n\n"))
                  + tr("열 미러가 없습니다. 미러는 결제 플랫폼의 기록을 이 컴퓨터에 옮겨 둔 파일입니다.\n\n"
                       "처음이라면 데모 미러를 만들어 둘러보세요. 실제와 비슷한 한국어 데모 피드(주문 2만 건)를 "
                       "만들어 가져오며, 몇 초 걸립니다.\n저장 위치: %1")
                        .arg(QDir::toNativeSeparators(demoPath)));
    text->setMinimumWidth(460);
    auto* buttons = new QDialogButtonBox;
    QPushButton* demo = buttons->addButton(tr("데모 미러 만들기"), QDialogButtonBox::AcceptRole);
    QPushButton* open = buttons->addButton(tr("미러 열기…"), QDialogButtonBox::ActionRole);
    QPushButton* later = buttons->addButton(tr("나중에"), QDialogButtonBox::RejectRole);
    demo->setObjectName(QStringLiteral("createDemo"));
    open->setObjectName(QStringLiteral("openExisting"));
    demo->setDefault(true);
    connect(demo, &QPushButton::clicked, this, [this] {
        choice_ = CreateDemo;
        accept();
    });
    connect(open, &QPushButton::clicked, this, [this] {
        choice_ = OpenExisting;
        accept();
    });
    connect(later, &QPushButton::clicked, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
}

}  // namespace reconsole::ui
