#include "reference_orphans.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstring>
#include <tuple>

namespace reconsole::test {
namespace {

// Ids are ordered by the bytes of their UTF-8 form (feed-v1), whatever the locale.
bool bytesLess(const std::string& a, const std::string& b)
{
    const int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
    return c != 0 ? c < 0 : a.size() < b.size();
}

// RFC 3339 with a mandatory offset, read with QDateTime after making it plain ISO 8601:
// upper-case T and Z, and exactly three fraction digits (finer ones dropped, not rounded).
std::optional<std::int64_t> instantOf(const QJsonValue& v)
{
    if (!v.isString())
        return std::nullopt;
    std::string s = v.toString().toStdString();
    std::transform(s.begin(), s.end(), s.begin(), [](char c) { return c == 't' ? 'T' : c == 'z' ? 'Z' : c; });
    const bool hasOffset
        = !s.empty() && (s.back() == 'Z' || (s.size() > 6 && (s[s.size() - 6] == '+' || s[s.size() - 6] == '-')));
    if (!hasOffset || s.size() < 20)
        return std::nullopt;
    if (s[19] == '.') {
        std::size_t end = 20;
        while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end])))
            ++end;
        std::string frac = s.substr(20, end - 20);
        frac = (frac + "000").substr(0, 3);
        s = s.substr(0, 20) + frac + s.substr(end);
    }
    const auto dt = QDateTime::fromString(QString::fromStdString(s), Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

std::optional<std::string> idOf(const QJsonValue& v)
{
    if (!v.isString())
        return std::nullopt;
    std::string s = v.toString().toStdString();
    if (s.empty() || s.size() > 64)
        return std::nullopt;
    return s;
}

// An optional string field: absent or null is nullopt; `ok` turns false for another type.
std::optional<std::string> optionalText(const QJsonObject& o, const char* key, bool& ok)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString())
        ok = false;
    return v.toString().toStdString();
}

}  // namespace

void ReferenceOrphans::apply(const std::string& line)
{
    if (line.find_first_not_of(" \t\r\n") == std::string::npos)
        return;
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(line), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return;
    const QJsonObject o = doc.object();
    const qint64 seq = o.value("seq").toInteger(0);
    if (seq < 1)
        return;
    if (seq <= maxSeq_)
        return;  // a re-delivery: never applied twice
    maxSeq_ = seq;
    const QString type = o.value("type").toString();
    const auto id = idOf(o.value("id"));
    const qint64 amount = o.value("amount").toInteger(0);
    const auto at = instantOf(o.value("at"));
    if (!id || !at || amount < 1)
        return;
    if (type == "payment") {
        const auto status = o.value("status").toString().toStdString();
        if (status != "pending" && status != "approved" && status != "failed" && status != "cancelled")
            return;
        if (!idOf(o.value("order_id")))
            return;
        payments_[*id] = Payment {amount, status};  // the higher seq wins: lines arrive in seq order here
        return;
    }
    if (type != "ledger" || ledger_.count(*id))
        return;  // a ledger entry never changes: identical versions and conflicts leave the first
    Entry e;
    e.id = *id;
    const auto account = idOf(o.value("account_id")), customer = idOf(o.value("customer_id"));
    e.direction = o.value("direction").toString().toStdString();
    e.purpose = o.value("purpose").toString().toStdString();
    bool ok
        = account && customer && (e.direction == "debit" || e.direction == "credit") && o.value("purpose").isString();
    e.paymentId = optionalText(o, "payment_id", ok);
    e.orderId = optionalText(o, "order_id", ok);
    e.refId = optionalText(o, "ref_id", ok);
    if (!ok)
        return;
    e.accountId = *account;
    e.customerId = *customer;
    e.amount = amount;
    e.at = *at;
    ledger_.emplace(e.id, std::move(e));
}

std::optional<std::int64_t> ReferenceOrphans::defaultAsOf() const
{
    std::optional<std::int64_t> latest;
    for (const auto& [id, e] : ledger_)
        if (!latest || e.at > *latest)
            latest = e.at;
    return latest;
}

ReferenceOrphans::Wide ReferenceOrphans::sumCredits(
    const std::string& debitId, std::initializer_list<const char*> purposes) const
{
    Wide sum = 0;
    for (const auto& entry : ledger_) {
        const Entry& e = entry.second;   // not a structured binding: clang 14 cannot capture one
        if (e.direction == "credit" && e.refId == debitId
            && std::any_of(purposes.begin(), purposes.end(), [&](const char* p) { return e.purpose == p; }))
            sum += e.amount;
    }
    return sum;
}

ReferenceOrphans::Wide ReferenceOrphans::covered(const Entry& d) const
{
    if (d.purpose == "topup")
        return std::min<Wide>(sumCredits(d.id, {"topup"}), d.amount);
    if (d.purpose != "payment" || !d.paymentId || !payments_.count(*d.paymentId))
        return 0;
    const Payment& p = payments_.at(*d.paymentId);
    if (p.status != "approved")
        return 0;
    std::vector<const Entry*> sharing;
    for (const auto& [id, e] : ledger_)
        if (e.direction == "debit" && e.purpose == "payment" && e.paymentId == d.paymentId)
            sharing.push_back(&e);
    std::sort(sharing.begin(), sharing.end(),
        [](const Entry* a, const Entry* b) { return a->at != b->at ? a->at < b->at : bytesLess(a->id, b->id); });
    Wide left = p.amount;
    for (const Entry* e : sharing) {
        const Wide c = std::min<Wide>(e->amount, left);
        left -= c;
        if (e->id == d.id)
            return c;
    }
    return 0;
}

QString ReferenceOrphans::classOf(const Entry& d) const
{
    if (d.purpose == "payment") {
        if (!d.paymentId || !payments_.count(*d.paymentId))
            return "NO_PAYMENT";
        const Payment& p = payments_.at(*d.paymentId);
        if (p.status == "pending" || p.status == "failed" || p.status == "cancelled")
            return "PAYMENT_NOT_COMPLETED";
        Wide sum = 0;
        for (const auto& [id, e] : ledger_)
            if (e.direction == "debit" && e.purpose == "payment" && e.paymentId == d.paymentId)
                sum += e.amount;
        return sum > p.amount ? "OVER_CAPTURE" : "UNCLASSIFIED (approved, not over-captured)";
    }
    return d.purpose == "topup" ? "TOPUP_NOT_CREDITED" : "NON_PAYMENT_DEBIT";
}

QStringList ReferenceOrphans::orphans(std::optional<std::int64_t> asOf, std::int64_t grace) const
{
    const auto a = asOf ? asOf : defaultAsOf();
    if (!a)
        return {};
    const Wide cutoff = Wide(*a) - grace;
    std::vector<std::tuple<std::int64_t, std::string, QString>> rows;
    for (const auto& [id, d] : ledger_) {
        if (d.direction != "debit" || Wide(d.at) > cutoff)
            continue;
        const Wide orphan = Wide(d.amount) - covered(d) - sumCredits(d.id, {"refund", "reversal"});
        if (orphan <= 0)
            continue;
        rows.emplace_back(d.at, d.id,
            describeRow(d.id, d.customerId, d.accountId, d.orderId, d.paymentId, classOf(d), d.amount,
                static_cast<std::int64_t>(orphan), d.at));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
        return std::get<0>(x) != std::get<0>(y) ? std::get<0>(x) < std::get<0>(y)
                                                : bytesLess(std::get<1>(x), std::get<1>(y));
    });
    QStringList out;
    for (const auto& r : rows)
        out << std::get<2>(r);
    return out;
}

QString ReferenceOrphans::describeRow(const std::string& ledgerId, const std::string& customerId,
    const std::string& accountId, const std::optional<std::string>& orderId,
    const std::optional<std::string>& paymentId, const QString& cls, std::int64_t amount, std::int64_t orphanAmount,
    std::int64_t at)
{
    const auto opt
        = [](const std::optional<std::string>& s) { return s ? QString::fromStdString(*s) : QStringLiteral("-"); };
    return QStringList {QString::fromStdString(ledgerId), QString::fromStdString(customerId),
        QString::fromStdString(accountId), opt(orderId), opt(paymentId), cls, QString::number(amount),
        QString::number(orphanAmount), QString::number(at)}
        .join('|');
}

}  // namespace reconsole::test
