#include "items/store_fault_notice.h"

#include "store/store_error.h"

#include <QCoreApplication>
#include <QDir>

namespace reconsole::items {
namespace {

QString damagedText(const StoreFaultReport& r, const QString& file)
{
    // A file that is not SQLite at all may be the wrong file chosen, not a damaged store.
    const QString wrongFile = !r.notDatabase ? QString()
        : r.store == QLatin1String("mirror")
        ? QCoreApplication::translate("StoreFaultNotice", "이 파일은 데이터베이스 파일이 아닙니다. 미러가 아니라면 맞는 파일을 여세요. 미러라면 손상된 것입니다.\n\n")
        : QCoreApplication::translate("StoreFaultNotice", "이 파일은 데이터베이스 파일이 아닙니다. 운영 저장소가 아니라면 맞는 파일을 지정하세요. 운영 저장소라면 손상된 "
             "것입니다.\n\n");
    if (r.store == QLatin1String("mirror"))
        return wrongFile + QCoreApplication::translate("StoreFaultNotice", "미러 파일이 손상되었습니다: %1\n\n피드로 미러를 다시 만드세요. 콘솔을 닫고 이 파일(과 -wal, -shm "
                  "파일)을 다른 곳으로 옮긴 뒤, 첫 피드 파일부터 모두 넣어 다음을 실행합니다:\n"
                  "reconsole-cli import --db %1 FEED_FILE...\n환불·감사 기록은 운영 저장소에 그대로 있습니다.")
            .arg(file);
    return wrongFile + QCoreApplication::translate("StoreFaultNotice", "운영 저장소가 손상되었습니다: %1\n\n백업에서 운영 저장소를 복원하세요. 콘솔과 모든 reconsole-cli를 닫고 이 "
              "파일(과 -wal, -shm 파일)을 옮긴 뒤, 'reconsole-cli ops backup'으로 만든 가장 새 백업을 %1 자리에 "
              "복사하고 'reconsole-cli audit verify --db MIRROR --as ADMIN --against NEWEST_OUTBOX_FILE'로 감사 기록을 "
              "확인합니다.")
        .arg(file);
}

}  // namespace

StoreFaultNotice& StoreFaultNotice::instance()
{
    static auto* notice = [] {
        qRegisterMetaType<StoreFaultReport>();
        auto* n = new StoreFaultNotice;
        // Lives on the GUI thread, so that its signal reaches the window queued from any worker.
        if (QCoreApplication::instance())
            n->moveToThread(QCoreApplication::instance()->thread());
        return n;
    }();
    return *notice;
}

StoreFaultReport StoreFaultNotice::reportOf(const std::exception& e)
{
    StoreFaultReport r;
    if (const auto* s = dynamic_cast<const StoreError*>(&e)) {
        r.fault = faultOf(*s);
        r.notDatabase = notADatabase(s->code());
    }
    if (const auto* s = dynamic_cast<const StoreFaultError*>(&e)) {
        r.store = QString::fromStdString(s->store());
        r.file = QString::fromStdString(s->file());
    }
    r.detail = QString::fromUtf8(e.what());
    return r;
}

void StoreFaultNotice::watchStores()
{
    instance();   // made on this (the GUI) thread
    setStoreFaultObserver([](const StoreFaultError& e) { report(e); });
}

void StoreFaultNotice::report(const std::exception& e)
{
    const StoreFaultReport r = reportOf(e);
    if (r.fault != StoreFault::None)
        emit instance().faultFound(r);
}

QString StoreFaultNotice::adviceText(const StoreFaultReport& r)
{
    const QString file = QDir::toNativeSeparators(r.file);
    switch (r.fault) {
    case StoreFault::None: return {};
    case StoreFault::DiskFull:
        return QCoreApplication::translate("StoreFaultNotice", "디스크가 가득 찼습니다: %1\n\n실패한 단계는 아무것도 남기지 않았습니다. 디스크 공간을 비운 뒤 다시 "
                  "하세요. 가져오기는 멈춘 곳부터 이어집니다.")
            .arg(file);
    case StoreFault::Damaged: return damagedText(r, file);
    case StoreFault::ReadOnly:
        return QCoreApplication::translate("StoreFaultNotice", "이 파일에 쓸 수 없습니다: %1\n\n파일이나 폴더, 디스크가 읽기 전용입니다. 쓸 수 있게 바꾸거나 쓸 수 있는 "
                  "폴더로 복사한 뒤 다시 여세요. 읽기만 하는 화면은 그대로 쓸 수 있습니다.")
            .arg(file);
    case StoreFault::CannotOpen:
        return QCoreApplication::translate("StoreFaultNotice", "이 파일을 열 수 없습니다: %1\n\n파일이 있는지, 그리고 폴더에 쓸 수 있는지(옆에 -wal, -shm 파일이 "
                  "만들어집니다) 확인한 뒤 다시 여세요.")
            .arg(file);
    case StoreFault::Io:
        return QCoreApplication::translate("StoreFaultNotice", "디스크가 이 파일을 읽거나 쓰지 못했습니다: %1\n\n디스크를 점검하세요. 계속 실패하면 미러는 피드로 다시 "
                  "만들고, 운영 저장소는 백업에서 복원합니다.")
            .arg(file);
    }
    return {};
}

}  // namespace reconsole::items
