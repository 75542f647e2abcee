#pragma once
// Tells the console when a read or an open found a fault of a file or its disk (a damaged
// mirror or operations store, a full or read-only disk): the workers report from their threads,
// and the window, on the GUI thread, shows what to do once instead of leaving a screen empty
// with a line in the status bar (docs/broken-files.md).
#include "store/store_fault.h"

#include <QObject>
#include <QString>

#include <exception>

namespace reconsole::items {

struct StoreFaultReport {
    StoreFault fault = StoreFault::None;
    bool notDatabase = false;   // not an SQLite file at all: perhaps the wrong file
    QString store;    // "mirror", "operations store"
    QString file;
    QString detail;   // SQLite's message and the English advice, as the command line prints it
};

class StoreFaultNotice : public QObject {
    Q_OBJECT
public:
    static StoreFaultNotice& instance();

    // Has every fault of a file or its disk met by any thread announced (store/store_fault.h's
    // observer); the console calls it once at start.
    static void watchStores();
    // From any thread: a StoreError that is a fault of the file or the disk is announced;
    // anything else is ignored.
    static void report(const std::exception& e);

    // What the person does about it, in the console's language.
    static QString adviceText(const StoreFaultReport& r);
    static StoreFaultReport reportOf(const std::exception& e);

signals:
    void faultFound(const reconsole::items::StoreFaultReport& report);
};

}  // namespace reconsole::items

Q_DECLARE_METATYPE(reconsole::items::StoreFaultReport)
