#pragma once
// Watches the GUI thread from its own event loop: a timer ticking every millisecond notes the
// longest gap between ticks (how long the thread did not get back to its loop) and, because on
// a shared machine a gap can also be the thread waiting for a core, the GUI thread's own CPU
// time within each gap: that part is the console's work. Used by bench_console and tst_soak.
#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <time.h>
#include <vector>

namespace reconsole::test {

inline double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// The calling thread's CPU time that `work()` took, in ms.
template <typename Work>
double threadCpuMsOf(Work&& work)
{
    const double start = threadCpuMs();
    work();
    return threadCpuMs() - start;
}

class GuiWatchdog {
public:
    GuiWatchdog()
    {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(1);
        QObject::connect(&timer_, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        worst_ = worstCpu_ = busiest_ = 0;
        gaps_.clear();
        if (describeGap_)
            describeGap_();
        over16_ = 0;
        busyCpu_.clear();
        clock_.start();
        last_ = 0;
        aside_ = 0;
        lastCpu_ = threadCpuMs();
        timer_.start();
    }
    void stop() { timer_.stop(); }
    // GUI-thread CPU that the test spent on its own bookkeeping since the last tick (looking
    // for new widgets to watch, starting a command-line import): not the console's work, so
    // taken off the gap it falls in. The work must not turn the event loop (a tick within it
    // would close the gap, and its CPU would be taken off the next one).
    void setAside(double cpuMs) { aside_ += cpuMs; }
    // What the GUI thread was asked to do last, named in the report of the busiest gap.
    void setActivity(const QString& activity) { activity_ = activity; }
    // Called at every tick: what the GUI thread did since the last one (and forgets it). The
    // busiest gap's answer is kept, so a report says what the burst was made of.
    void setGapDescriber(std::function<QString()> describe) { describeGap_ = std::move(describe); }
    QString busiestGap() const { return gaps_.empty() ? QString() : gaps_.front().parts; }
    // The few busiest gaps, busiest first: "27.2 ms (customer search): 8.4 ms Timer to …, …".
    QStringList busiestGaps() const
    {
        QStringList out;
        for (const Gap& g : gaps_)
            out << QStringLiteral("%1 ms (%2): %3").arg(g.cpuMs, 0, 'f', 1).arg(g.activity, g.parts);
        return out;
    }
    QString activity() const { return activity_; }

    double worstWallMs() const { return worst_; }
    double busiestCpuMs() const { return busiest_; }
    QString busiestActivity() const { return busiestActivity_; }
    int gapsOver16Ms() const { return over16_; }
    // How many gaps held more than `ms` of GUI-thread CPU (counted from 16 ms up).
    int busyGapsOver(double ms) const
    {
        return int(std::count_if(busyCpu_.begin(), busyCpu_.end(), [ms](double cpu) { return cpu > ms; }));
    }

    // "28.0 ms wall (3.1 ms of it GUI-thread CPU), 2 gaps over 16 ms; most GUI-thread CPU between two ticks 9.2 ms"
    QString report() const
    {
        return QStringLiteral("%1 ms wall (%2 ms of it GUI-thread CPU), %3 gaps over 16 ms; most GUI-thread CPU "
                              "between two ticks %4 ms%5")
            .arg(worst_, 0, 'f', 1)
            .arg(worstCpu_, 0, 'f', 1)
            .arg(over16_)
            .arg(busiest_, 0, 'f', 1)
            .arg(busiestActivity_.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(busiestActivity_));
    }

private:
    void tick()
    {
        const double now = double(clock_.nsecsElapsed()) / 1e6, cpu = threadCpuMs() - aside_;
        if (now - last_ > worst_) {
            worst_ = now - last_;
            worstCpu_ = cpu - lastCpu_;
        }
        const QString gap = describeGap_ ? describeGap_() : QString();
        if (cpu - lastCpu_ > busiest_) {
            busiest_ = cpu - lastCpu_;
            busiestActivity_ = activity_;
        }
        keepIfBusy(Gap{cpu - lastCpu_, activity_, gap});
        if (cpu - lastCpu_ > 16.0)
            busyCpu_.push_back(cpu - lastCpu_);
        if (now - last_ > 16.0)
            ++over16_;
        last_ = now;
        lastCpu_ = cpu + aside_;
        aside_ = 0;
    }

    QTimer timer_;
    QElapsedTimer clock_;
    double last_ = 0, worst_ = 0, lastCpu_ = 0, worstCpu_ = 0, busiest_ = 0, aside_ = 0;
    int over16_ = 0;
    std::vector<double> busyCpu_;   // the GUI-thread CPU of every gap over 16 ms
    struct Gap {
        double cpuMs;
        QString activity, parts;
    };
    void keepIfBusy(Gap gap)
    {
        if (gaps_.size() == kGapsKept && gap.cpuMs <= gaps_.back().cpuMs)
            return;
        gaps_.insert(std::upper_bound(gaps_.begin(), gaps_.end(), gap,
                                      [](const Gap& a, const Gap& b) { return a.cpuMs > b.cpuMs; }),
                     std::move(gap));
        if (gaps_.size() > kGapsKept)
            gaps_.pop_back();
    }
    static constexpr size_t kGapsKept = 6;
    std::vector<Gap> gaps_;
    QString activity_, busiestActivity_;
    std::function<QString()> describeGap_;
};

}  // namespace reconsole::test
