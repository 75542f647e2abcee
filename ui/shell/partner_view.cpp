#include "ui/shell/partner_view.h"

#include "access/console_scope.h"
#include "store/database.h"

#include <QFileInfo>

namespace reconsole::ui {
namespace {

std::optional<ops::Operator> consoleOperator(const std::string& spec, const std::string& id, const ops::ServerSignIn& signIn)
{
    if (id.empty() || (!ops::isServerSpec(spec) && !QFileInfo::exists(QString::fromStdString(spec))))
        return std::nullopt;
    try {
        auto store = ops::openOpsStore(spec, signIn);
        std::optional<ops::Operator> op;
        store->read([&](ops::OpsReader& r) { op = r.findOperator(id); });
        return op;
    } catch (const std::exception&) {
        return std::nullopt;   // the banner says the store is out of reach; the file is the boundary
    }
}

}  // namespace

PartnerView decidePartnerView(const QString& mirrorPath, const ConsoleIdentity& who)
{
    const std::string spec =
        who.opsSpec.isEmpty() ? ops::defaultOpsPath(mirrorPath.toStdString()) : who.opsSpec.toStdString();
    const auto op = consoleOperator(spec, who.operatorId.trimmed().toStdString(), who.signIn);
    access::setConsoleOperatorScope(op ? access::scopeFor(*op) : access::ReadScope::everything());

    Database db(mirrorPath.toStdString(), Database::Mode::ReadOnly);
    const access::ReadScope scope = access::scopeReadConnection(db);
    PartnerView view;
    if (scope.isMerchant()) {
        view.merchantId = QString::fromStdString(scope.merchantId());
        auto st = db.prepare("SELECT name FROM merchant WHERE id = ?1");
        st.bind(1, scope.merchantId());
        view.merchantName = st.step() ? QString::fromStdString(st.string(0)) : view.merchantId;
    } else if (!scope.isEverything()) {
        view.merchantId = QStringLiteral("-");   // nothing to read: still no money screens
    }
    return view;
}

}  // namespace reconsole::ui
