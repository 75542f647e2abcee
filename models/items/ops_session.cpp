#include "items/ops_session.h"

#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/demo_operations.h"
#include "ops/operator_service.h"

#include <QCoreApplication>
#include <QTimer>

#include <utility>

namespace reconsole::items {
namespace {

struct Resolution {
    std::optional<ops::Operator> op;
    std::optional<ops::Refusal> refusal;
    bool demo = false;
};

}  // namespace

OpsSession::OpsSession(OpsSessionOptions options, QObject* parent)
    : QObject(parent),
      options_(std::move(options)),
      worker_(new OpsWorker(options_.mirrorPath, options_.opsSpec, this)),
      timer_(new QTimer(this))
{
    why_ = QCoreApplication::translate("OpsSession", "운영자를 확인하는 중…");
    timer_->setInterval(options_.summaryIntervalMs);
    connect(timer_, &QTimer::timeout, this, &OpsSession::refreshSummary);
}

OpsSession::~OpsSession() = default;

QString OpsSession::statusText() const
{
    if (op_) {
        const QString who = operatorLabel(*op_);
        return demoOperator_ ? QCoreApplication::translate("OpsSession", "%1 · 데모").arg(who) : who;
    }
    // A store error can be a long path and message: the status bar says what, the tooltip why.
    return storeError_ ? QCoreApplication::translate("OpsSession", "⚠ 운영 저장소를 열 수 없습니다") : why_;
}

void OpsSession::resolve()
{
    const std::string id = options_.operatorId.trimmed().toStdString();
    const bool demo = options_.demo;
    worker_->run(
        this,
        [id, demo](ops::OpsContext& ctx) {
            Resolution r;
            ops::OperatorService operators(ctx);
            if (!id.empty()) {
                auto who = operators.whoAmI(id);
                if (who)
                    r.op = who.value();
                else
                    r.refusal = who.refusal();
            } else if (demo) {
                auto who = operators.whoAmI(ops::kDemoOperator);
                if (who) {
                    r.op = who.value();
                    r.demo = true;
                }
            }
            return r;
        },
        [this, id](std::optional<Resolution> r, const QString& error) {
            resolved_ = true;
            op_.reset();
            demoOperator_ = false;
            storeError_ = !r;
            if (!r) {
                why_ = QCoreApplication::translate("OpsSession", "운영 저장소를 열 수 없어 환불 조치를 할 수 없습니다: %1")
                           .arg(error);
                emit storeFailed(error);
            } else if (r->op) {
                op_ = r->op;
                demoOperator_ = r->demo;
                why_.clear();
            } else if (r->refusal) {
                const QString who = QString::fromStdString(id);
                why_ = r->refusal->code == ops::RefusalCode::OperatorDisabled
                    ? QCoreApplication::translate("OpsSession", "운영자 %1은(는) 사용이 중지되어 조치를 할 수 없습니다.").arg(who)
                    : QCoreApplication::translate("OpsSession", "운영자 %1을(를) 운영 저장소에서 찾을 수 없습니다: 조치를 할 수 없습니다.")
                          .arg(who);
            } else {
                why_ = QCoreApplication::translate("OpsSession", "운영자를 지정하지 않았습니다: reconsole --as ID");
            }
            emit operatorResolved();
            if (op_) {
                refreshSummary();
                timer_->start();
            } else {
                timer_->stop();
                summary_.reset();
                emit summaryChanged();
            }
        });
}

void OpsSession::refreshSummary()
{
    if (!op_)
        return;
    if (summaryInFlight_) {   // the one under way may have read before the latest action
        summaryAgain_ = true;
        return;
    }
    summaryInFlight_ = true;
    worker_->run(
        this, [actor = op_->id](ops::OpsContext& ctx) { return ops::RefundService(ctx).summary(actor); },
        [this](std::optional<ops::Result<ops::RefundSummary>> r, const QString& error) {
            summaryInFlight_ = false;
            if (std::exchange(summaryAgain_, false))
                refreshSummary();
            if (!r) {
                emit storeFailed(error);
                return;
            }
            if (r->ok())
                summary_ = r->value();
            else
                summary_.reset();   // a role that may not read refunds has no inbox
            emit summaryChanged();
        });
}

void OpsSession::notifyChanged()
{
    emit refundsChanged();
    refreshSummary();
}

}  // namespace reconsole::items
