#pragma once
// Whom the console reads the mirror for (docs/access.md): decided once when a mirror opens,
// before any screen opens a connection. A merchant partner signed in, or a merchant mirror
// opened, makes a partner view: every read connection is scoped to that merchant, and the
// screens and actions on money, audit and operators are absent (the services refuse them too).
#include "ops/ops_store.h"

#include <QString>

namespace reconsole::ui {

struct PartnerView {
    QString merchantId, merchantName;   // empty: the whole mirror
    bool active() const { return !merchantId.isEmpty(); }
};

// Who the console acts as, for decidePartnerView.
struct ConsoleIdentity {
    QString opsSpec, operatorId;
    ops::ServerSignIn signIn;
};

// Reads the mirror's own scope and the operator's (from the operations store `opsSpec`, or the
// default beside the mirror when empty; never created here), sets the console's read scope
// (access::setConsoleOperatorScope) and says whether this is a partner view. An operator that
// cannot be resolved leaves the file as the boundary, as on the command line without --as.
PartnerView decidePartnerView(const QString& mirrorPath, const ConsoleIdentity& who);

}  // namespace reconsole::ui
