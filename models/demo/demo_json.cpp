#include "demo/demo_json.h"

#include <charconv>

namespace reconsole::demo {
namespace {

constexpr std::size_t kFlushBytes = 1 << 20;

void appendInt(std::string& out, std::int64_t v)
{
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

void appendKey(std::string& out, std::string_view key)
{
    out += ",\"";
    out += key;   // keys are our own ASCII literals
    out += "\":";
}

}  // namespace

void beginBody(std::string& out, std::string_view type, std::string_view id)
{
    out += "\"type\":";
    appendJsonString(out, type);
    out += ",\"id\":";
    appendJsonString(out, id);
}

void addString(std::string& out, std::string_view key, std::string_view value)
{
    appendKey(out, key);
    appendJsonString(out, value);
}

void addInt(std::string& out, std::string_view key, std::int64_t value)
{
    appendKey(out, key);
    appendInt(out, value);
}

void addBool(std::string& out, std::string_view key, bool value)
{
    appendKey(out, key);
    out += value ? "true" : "false";
}

void addTime(std::string& out, std::string_view key, Instant at, int offsetMinutes)
{
    appendKey(out, key);
    out += '"';
    out += formatWithOffset(at, offsetMinutes);
    out += '"';
}

LineSink::LineSink(std::ostream& out, std::int64_t firstSeq, DemoStats& stats)
    : out_(out), nextSeq_(firstSeq), stats_(stats)
{
    buffer_.reserve(kFlushBytes + 4096);
}

LineSink::~LineSink() { flush(); }

void LineSink::write(std::string_view bodies)
{
    std::size_t start = 0;
    while (start < bodies.size()) {
        std::size_t end = bodies.find('\n', start);
        if (end == std::string_view::npos)
            end = bodies.size();
        if (end > start)
            writeOne(bodies.substr(start, end - start));
        start = end + 1;
    }
}

void LineSink::writeOne(std::string_view body)
{
    buffer_ += "{\"seq\":";
    appendInt(buffer_, nextSeq_);
    buffer_ += ',';
    buffer_ += body;
    buffer_ += "}\n";
    stats_.lastSeq = nextSeq_++;
    ++stats_.lines;

    // Bodies start with `"type":"`; the type name decides the counter.
    const std::string_view type = body.substr(8, 4);
    if (type == "merc")
        ++stats_.merchants;
    else if (type == "prod")
        ++stats_.products;
    else if (type == "cust")
        ++stats_.customers;
    else if (type == "acco")
        ++stats_.accounts;
    else if (type == "orde")
        ++stats_.orders;
    else if (type == "paym")
        ++stats_.payments;
    else if (type == "ledg")
        ++stats_.ledger;
    else if (type == "cash")
        ++stats_.cashReceipts;

    if (buffer_.size() >= kFlushBytes)
        flush();
}

void LineSink::flush()
{
    if (!buffer_.empty()) {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }
}

}  // namespace reconsole::demo
