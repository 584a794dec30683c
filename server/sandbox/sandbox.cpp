// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/sandbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <QStandardPaths>

#include <spdlog/spdlog.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace slidespec::server {

namespace {

using Clock = std::chrono::steady_clock;

struct Fd
{
    int fd = -1;
    Fd() = default;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    ~Fd() { reset(); }
    void reset()
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
};

bool makePipe(Fd &readEnd, Fd &writeEnd)
{
    int fds[2];
    // CLOEXEC: another thread's fork+exec must not inherit our ends.
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return false;
    readEnd.fd = fds[0];
    writeEnd.fd = fds[1];
    ::fcntl(readEnd.fd, F_SETFL, O_NONBLOCK);
    return true;
}

// Everything the child needs, prepared before fork(): after it, only
// async-signal-safe calls are allowed (the parent has other threads).
struct ChildSetup
{
    std::vector<std::string> argvStorage;
    std::vector<std::string> envStorage;
    std::vector<char *> argv;
    std::vector<char *> envp;
    std::string program;
    std::string workDir;
    SandboxLimits limits;
    pid_t parent = 0;
    // Run the program under a reaping intermediate (see runChild): for bwrap.
    bool reapDescendants = false;
};

[[noreturn]] void childFail(int errorFd, int code)
{
    const int e = code;
    [[maybe_unused]] const auto n = ::write(errorFd, &e, sizeof e);
    ::_exit(127);
}

void setLimit(int resource, rlim_t soft, rlim_t hard, int errorFd)
{
    const rlimit rl{soft, hard};
    if (::setrlimit(resource, &rl) != 0)
        childFail(errorFd, errno);
}

[[noreturn]] void runChild(const ChildSetup &s, int devNull, int out, int err, int errorFd)
{
    // Own session and process group: the timeout kills the whole group.
    ::setsid();
    // Die with the thread that started us (a worker killed by SIGKILL).
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != s.parent)
        ::_exit(127);
    // Restore default dispositions the server may have changed.
    for (int sig = 1; sig < NSIG; ++sig)
        ::signal(sig, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::umask(077);

    if (::dup2(devNull, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0)
        childFail(errorFd, errno);
    // Every other descriptor closed, except the error pipe (CLOEXEC: it
    // closes by itself when exec succeeds).
    if (errorFd > 3)
        ::syscall(SYS_close_range, 3u, unsigned(errorFd - 1), 0u);
    ::syscall(SYS_close_range, unsigned(errorFd + 1), ~0u, 0u);

    const auto &l = s.limits;
    setLimit(RLIMIT_CORE, 0, 0, errorFd);
    if (l.cpuTime.count() > 0)
        setLimit(RLIMIT_CPU, rlim_t(l.cpuTime.count()), rlim_t(l.cpuTime.count() + 1), errorFd);
    if (l.addressSpaceBytes > 0)
        setLimit(RLIMIT_AS, rlim_t(l.addressSpaceBytes), rlim_t(l.addressSpaceBytes), errorFd);
    if (l.fileSizeBytes > 0)
        setLimit(RLIMIT_FSIZE, rlim_t(l.fileSizeBytes), rlim_t(l.fileSizeBytes), errorFd);
    if (l.openFiles > 0)
        setLimit(RLIMIT_NOFILE, rlim_t(l.openFiles), rlim_t(l.openFiles), errorFd);

    if (::chdir(s.workDir.c_str()) != 0)
        childFail(errorFd, errno);
    if (s.reapDescendants) {
        // bwrap's outer process exits as soon as the renderer has, without
        // reaping the PID namespace's init, which reaped the renderer: its
        // CPU time and peak RSS would be lost. As a subreaper this process
        // adopts that init, reaps it and everything else, then ends like
        // bwrap did, so wait4() on it reports the renderer's usage.
        ::prctl(PR_SET_CHILD_SUBREAPER, 1);
        const pid_t self = ::getpid();
        const pid_t child = ::fork();
        if (child < 0)
            childFail(errorFd, errno);
        if (child == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != self)
                ::_exit(127);
            ::execve(s.program.c_str(), s.argv.data(), s.envp.data());
            childFail(errorFd, errno);
        }
        ::close(errorFd);
        int childStatus = 0;
        for (;;) {
            int status = 0;
            const pid_t reaped = ::waitpid(-1, &status, 0);
            if (reaped == child)
                childStatus = status;
            else if (reaped < 0 && errno != EINTR)
                break; // ECHILD: nothing left
        }
        if (WIFSIGNALED(childStatus))
            ::kill(::getpid(), WTERMSIG(childStatus));
        ::_exit(WIFEXITED(childStatus) ? WEXITSTATUS(childStatus) : 255);
    }
    ::execve(s.program.c_str(), s.argv.data(), s.envp.data());
    childFail(errorFd, errno);
}

void appendCapped(QByteArray &buffer, const char *data, qint64 n, qint64 cap, bool &truncated)
{
    if (cap > 0 && buffer.size() + n > cap) {
        const qint64 room = std::max<qint64>(0, cap - buffer.size());
        buffer.append(data, qsizetype(room));
        truncated = true;
    } else {
        buffer.append(data, qsizetype(n));
    }
}

// Reads what is available; false at EOF or error.
bool drain(Fd &fd, QByteArray &buffer, qint64 cap, bool &truncated)
{
    char chunk[16384];
    for (;;) {
        const ssize_t n = ::read(fd.fd, chunk, sizeof chunk);
        if (n > 0) {
            appendCapped(buffer, chunk, n, cap, truncated);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        if (n < 0 && errno == EINTR)
            continue;
        fd.reset();
        return false;
    }
}

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / double(1 << 20), 'f', 0) + QStringLiteral(" MiB");
}

bool looksLikeOutOfMemory(const QByteArray &err)
{
    const QByteArray lower = err.toLower();
    return lower.contains("bad_alloc") || lower.contains("out of memory")
        || lower.contains("cannot allocate memory") || lower.contains("memory exhausted");
}

SandboxResult startFailed(const QString &message)
{
    SandboxResult r;
    r.outcome = SandboxResult::Outcome::StartFailed;
    r.error = message;
    return r;
}

bool validName(const QString &name)
{
    return !name.isEmpty() && !name.contains(QLatin1Char('/')) && name != QLatin1String(".")
        && name != QLatin1String("..") && !name.contains(QChar(0));
}

// What one supervised process run gave back, before it is classified.
struct RawRun
{
    QString startError;   // pipes or fork failed
    bool execFailed = false;
    int execErrno = 0;
    int status = 0;
    rusage usage{};
    bool timedOut = false;
    bool cancelled = false;
    QByteArray standardOutput;
    QByteArray standardError;
    bool outputTruncated = false;
    std::chrono::milliseconds wallTime{0};
};

void finishSetup(ChildSetup &setup)
{
    setup.argv.clear();
    setup.envp.clear();
    for (auto &s : setup.argvStorage)
        setup.argv.push_back(s.data());
    setup.argv.push_back(nullptr);
    for (auto &s : setup.envStorage)
        setup.envp.push_back(s.data());
    setup.envp.push_back(nullptr);
}

// Starts the process and watches it: output capture, wall clock, cancel flag.
RawRun supervise(const ChildSetup &setup, const SandboxLimits &limits, const std::atomic<bool> *cancel)
{
    RawRun run;
    Fd outRead, outWrite, errRead, errWrite, failRead, failWrite;
    if (!makePipe(outRead, outWrite) || !makePipe(errRead, errWrite) || !makePipe(failRead, failWrite)) {
        run.startError = QStringLiteral("cannot create pipes: %1").arg(qt_error_string(errno));
        return run;
    }
    Fd devNull(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    if (devNull.fd < 0) {
        run.startError = QStringLiteral("cannot open /dev/null: %1").arg(qt_error_string(errno));
        return run;
    }

    const auto started = Clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) {
        run.startError = QStringLiteral("fork failed: %1").arg(qt_error_string(errno));
        return run;
    }
    if (pid == 0)
        runChild(setup, devNull.fd, outWrite.fd, errWrite.fd, failWrite.fd);

    outWrite.reset();
    errWrite.reset();
    failWrite.reset();
    devNull.reset();

    const auto deadline = limits.wallTimeout.count() > 0 ? started + limits.wallTimeout : Clock::time_point::max();
    const qint64 cap = limits.outputCapBytes;
    // A pidfd turns readable when the process exits, so the loop wakes then
    // rather than at its next 50 ms tick (the pipes reach EOF just before
    // the process can be waited for). Without one (Linux < 5.3) it ticks.
    Fd exitFd(int(::syscall(SYS_pidfd_open, pid, 0u)));
    auto drainBoth = [&](int timeoutMs) {
        pollfd fds[3];
        int count = 0;
        if (outRead.fd >= 0)
            fds[count++] = {outRead.fd, POLLIN, 0};
        if (errRead.fd >= 0)
            fds[count++] = {errRead.fd, POLLIN, 0};
        if (exitFd.fd >= 0)
            fds[count++] = {exitFd.fd, POLLIN, 0};
        ::poll(fds, nfds_t(count), timeoutMs);
        if (outRead.fd >= 0)
            drain(outRead, run.standardOutput, cap, run.outputTruncated);
        if (errRead.fd >= 0)
            drain(errRead, run.standardError, cap, run.outputTruncated);
    };

    for (;;) {
        drainBoth(50);
        if (::wait4(pid, &run.status, WNOHANG, &run.usage) == pid)
            break;
        if (cancel && cancel->load())
            run.cancelled = true;
        else if (Clock::now() >= deadline)
            run.timedOut = true;
        if (run.cancelled || run.timedOut) {
            // The group; under bubblewrap, killing bwrap takes its whole
            // PID namespace with it (--die-with-parent).
            ::kill(-pid, SIGKILL);
            ::kill(pid, SIGKILL);
            while (::wait4(pid, &run.status, 0, &run.usage) < 0 && errno == EINTR) {
            }
            break;
        }
    }
    exitFd.reset(); // readable from now on: it would make the drain below spin
    // Children the process left behind (they may hold the pipes open) go too.
    ::kill(-pid, SIGKILL);
    const auto drainUntil = Clock::now() + std::chrono::milliseconds(500);
    while ((outRead.fd >= 0 || errRead.fd >= 0) && Clock::now() < drainUntil)
        drainBoth(20);

    run.wallTime = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    run.execFailed = ::read(failRead.fd, &run.execErrno, sizeof run.execErrno) == sizeof run.execErrno;
    return run;
}

// ---- bubblewrap -----------------------------------------------------------

constexpr auto isolationVariable = "SLIDESPEC_SANDBOX_ISOLATION";

QString defaultBwrapPath()
{
    const QString found = QStandardPaths::findExecutable(QStringLiteral("bwrap"));
    return found.isEmpty() ? QStringLiteral("/usr/bin/bwrap") : found;
}

bool isUnder(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder + QLatin1Char('/'));
}

// The namespaces and the read-only system view every isolated run gets
// (and the probe checks): /usr, the top-level links into it as this system
// lays them out, the loader cache and font configuration, /proc, a minimal
// /dev and an empty /tmp. Nothing else of /etc, no /home, /var, /run, /srv.
// With bwrap ≥ 0.8 (modern) the renderer also cannot create user
// namespaces of its own, a large part of the kernel's attack surface, and
// /tmp (RAM-backed) is capped at tmpBytes.
QStringList bwrapBaseArguments(bool modern, qint64 tmpBytes)
{
    QStringList a{QStringLiteral("--unshare-all"),      QStringLiteral("--die-with-parent"),
                  QStringLiteral("--new-session"),      QStringLiteral("--cap-drop"),
                  QStringLiteral("ALL"),                QStringLiteral("--clearenv"),
                  QStringLiteral("--ro-bind"),          QStringLiteral("/usr"),
                  QStringLiteral("/usr")};
    if (modern)
        a << QStringLiteral("--unshare-user") << QStringLiteral("--disable-userns");
    for (const char *top : {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"}) {
        const QString name = QString::fromLatin1(top);
        const QFileInfo info(name);
        if (!info.exists())
            continue;
        const QString target = info.canonicalFilePath();
        if (info.isSymLink() && isUnder(target, QStringLiteral("/usr")))
            a << QStringLiteral("--symlink") << target << name;
        else
            a << QStringLiteral("--ro-bind") << name << name;
    }
    for (const char *path : {"/etc/ld.so.cache", "/etc/fonts", "/var/cache/fontconfig"})
        a << QStringLiteral("--ro-bind-try") << QString::fromLatin1(path) << QString::fromLatin1(path);
    a << QStringLiteral("--proc") << QStringLiteral("/proc") << QStringLiteral("--dev") << QStringLiteral("/dev");
    if (modern && tmpBytes > 0)
        a << QStringLiteral("--size") << QString::number(tmpBytes);
    a << QStringLiteral("--tmpfs") << QStringLiteral("/tmp");
    return a;
}

// After the binds: the sandbox's own root and /dev are tmpfs too, writable
// (and so able to fill memory) unless made read-only. Writing to /dev/null
// still works on a read-only /dev.
QStringList bwrapClosingArguments()
{
    return {QStringLiteral("--remount-ro"), QStringLiteral("/dev"), QStringLiteral("--remount-ro"), QStringLiteral("/")};
}

std::optional<SandboxIsolation> parseIsolation(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QLatin1String("auto"))
        return SandboxIsolation::Auto;
    if (t == QLatin1String("required"))
        return SandboxIsolation::Required;
    if (t == QLatin1String("off"))
        return SandboxIsolation::Off;
    return std::nullopt;
}

struct ProbeResult
{
    bool works = false;
    bool modern = false;              //!< bwrap ≥ 0.8 options work (see bwrapBaseArguments)
    bool lasting = true;              //!< worth caching (not a fork failure or a timeout)
    QString problem;
};

// One `bwrap <base arguments> <closing arguments> /usr/bin/true`.
ProbeResult tryBubblewrap(const QString &bwrap, bool modern)
{
    ProbeResult probe;
    probe.modern = modern;
    ChildSetup setup;
    setup.program = QFile::encodeName(bwrap).toStdString();
    setup.workDir.assign(1, '/'); // (not = "/": a GCC 12 -Wrestrict false positive)
    setup.parent = ::getpid();
    setup.limits.wallTimeout = std::chrono::seconds(10);
    setup.reapDescendants = true;
    setup.argvStorage.push_back(setup.program);
    for (const QString &arg : bwrapBaseArguments(modern, 1 << 20) + bwrapClosingArguments())
        setup.argvStorage.push_back(arg.toStdString());
    for (const char *arg : {"--chdir", "/", "--", "/usr/bin/true"})
        setup.argvStorage.emplace_back(arg);
    finishSetup(setup);
    const RawRun run = supervise(setup, setup.limits, nullptr);
    const QString said = QString::fromLocal8Bit(run.standardError).trimmed();
    if (!run.startError.isEmpty()) {
        probe.problem = run.startError;
        probe.lasting = false;
    } else if (run.execFailed) {
        probe.problem = QStringLiteral("%1 could not be started: %2").arg(bwrap, qt_error_string(run.execErrno));
    } else if (run.timedOut) {
        probe.problem = QStringLiteral("%1 did not start /usr/bin/true within 10 s").arg(bwrap);
        probe.lasting = false;
    } else if (!WIFEXITED(run.status) || WEXITSTATUS(run.status) != 0) {
        probe.problem = QStringLiteral("%1 cannot create the sandbox here (%2); unprivileged user namespaces "
                                       "may be disabled (sysctl kernel.unprivileged_userns_clone, or a "
                                       "container's seccomp profile)")
                            .arg(bwrap, said.isEmpty() ? QStringLiteral("no message") : said);
    } else {
        probe.works = true;
    }
    return probe;
}

// Probes once per bwrap path: with the bwrap ≥ 0.8 options, else without.
ProbeResult probeBubblewrap(const QString &bwrap)
{
    static std::mutex mutex;
    static std::map<QString, ProbeResult> cache;
    std::lock_guard lock(mutex);
    if (const auto it = cache.find(bwrap); it != cache.end())
        return it->second;

    ProbeResult probe;
    if (!QFileInfo(bwrap).isExecutable()) {
        probe.problem = QStringLiteral("bubblewrap was not found at %1 (install the bubblewrap package, "
                                       "see scripts/setup.sh)")
                            .arg(bwrap);
    } else {
        probe = tryBubblewrap(bwrap, true);
        if (!probe.works && probe.lasting)
            probe = tryBubblewrap(bwrap, false);
    }
    if (probe.lasting)
        cache.emplace(bwrap, probe);
    return probe;
}

} // namespace

QString sandboxOutcomeName(SandboxResult::Outcome outcome)
{
    switch (outcome) {
    case SandboxResult::Outcome::Exited:
        return QStringLiteral("exited");
    case SandboxResult::Outcome::Crashed:
        return QStringLiteral("crashed");
    case SandboxResult::Outcome::TimedOut:
        return QStringLiteral("timed-out");
    case SandboxResult::Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case SandboxResult::Outcome::CpuLimit:
        return QStringLiteral("cpu-limit");
    case SandboxResult::Outcome::FileSizeLimit:
        return QStringLiteral("file-size-limit");
    case SandboxResult::Outcome::MemoryLimit:
        return QStringLiteral("memory-limit");
    case SandboxResult::Outcome::StartFailed:
        return QStringLiteral("start-failed");
    }
    return QStringLiteral("unknown");
}

QString sandboxIsolationName(SandboxIsolation isolation)
{
    switch (isolation) {
    case SandboxIsolation::Default:
        return QStringLiteral("default");
    case SandboxIsolation::Auto:
        return QStringLiteral("auto");
    case SandboxIsolation::Required:
        return QStringLiteral("required");
    case SandboxIsolation::Off:
        return QStringLiteral("off");
    }
    return QStringLiteral("unknown");
}

SandboxIsolationStatus Sandbox::isolationStatus(const SandboxLimits &limits)
{
    SandboxIsolationStatus status;
    status.bwrapPath = limits.bwrapPath.isEmpty() ? defaultBwrapPath() : limits.bwrapPath;
    status.mode = limits.isolation;
    if (status.mode == SandboxIsolation::Default) {
        const QString value = qEnvironmentVariable(isolationVariable);
        const auto parsed = parseIsolation(value);
        if (!parsed) {
            // A typo in a security setting refuses to run rather than guess.
            status.mode = SandboxIsolation::Required;
            status.problem = QStringLiteral("%1 is '%2': set it to auto, required or off")
                                 .arg(QLatin1String(isolationVariable), value);
            return status;
        }
        status.mode = *parsed;
    }
    if (status.mode == SandboxIsolation::Off)
        return status;
    const ProbeResult probe = probeBubblewrap(status.bwrapPath);
    status.isolated = probe.works;
    status.userNamespacesBlocked = probe.works && probe.modern;
    status.problem = probe.problem;
    return status;
}

SandboxResult Sandbox::run(const SandboxRequest &request)
{
    const QString programName = QFileInfo(request.program).fileName();
    if (!QFileInfo(request.program).isAbsolute() || !QFileInfo(request.program).isExecutable())
        return startFailed(QStringLiteral("the sandboxed program %1 is not an executable file given by an absolute path")
                               .arg(request.program));

    const SandboxIsolationStatus isolation = isolationStatus(request.limits);
    if (!isolation.isolated && isolation.mode != SandboxIsolation::Off) {
        if (isolation.problem.startsWith(QLatin1String(isolationVariable)))
            return startFailed(QStringLiteral("the renderer sandbox refuses to run: %1").arg(isolation.problem));
        if (isolation.mode == SandboxIsolation::Required)
            return startFailed(QStringLiteral("the renderer sandbox requires bubblewrap isolation and cannot run "
                                              "without it: %1")
                                   .arg(isolation.problem));
        static std::atomic<bool> warned{false};
        if (!warned.exchange(true))
            spdlog::warn("sandbox: renderers run WITHOUT filesystem and network isolation: {} (set {}=required to "
                         "refuse that, or =off to silence this)",
                         isolation.problem.toStdString(), isolationVariable);
    }

    // The private folder: mkdtemp makes it 0700.
    // Absolute: bubblewrap binds it at the same path inside.
    const QString root = QDir(request.tempRoot.isEmpty() ? QDir::tempPath() : request.tempRoot).absolutePath();
    QByteArray pattern = QFile::encodeName(QDir(root).filePath(QStringLiteral("slidespec-sandbox-XXXXXX")));
    if (!::mkdtemp(pattern.data()))
        return startFailed(QStringLiteral("cannot create a private folder in %1: %2").arg(root, qt_error_string(errno)));
    const QString work = QFile::decodeName(pattern);
    struct Cleanup
    {
        QString path;
        ~Cleanup() { QDir(path).removeRecursively(); }
    } cleanup{work};
    const QString tmp = work + QStringLiteral("/tmp");
    if (::mkdir(QFile::encodeName(tmp).constData(), 0700) != 0)
        return startFailed(QStringLiteral("cannot create %1: %2").arg(tmp, qt_error_string(errno)));

    for (const auto &[source, name] : request.inputs) {
        if (!validName(name))
            return startFailed(QStringLiteral("input name '%1' must be a plain file name").arg(name));
        if (!QFile::copy(source, QDir(work).filePath(name)))
            return startFailed(QStringLiteral("cannot copy the input %1 into the sandbox folder").arg(source));
    }
    for (const auto &name : request.outputs) {
        if (!validName(name))
            return startFailed(QStringLiteral("output name '%1' must be a plain file name").arg(name));
    }

    QList<QPair<QString, QString>> environment{{QStringLiteral("HOME"), work},
                                               {QStringLiteral("TMPDIR"), tmp},
                                               {QStringLiteral("LANG"), QStringLiteral("C.UTF-8")},
                                               {QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")}};
    for (const auto &[name, value] : request.environment) {
        if (name.isEmpty() || name.contains(QLatin1Char('=')))
            return startFailed(QStringLiteral("environment variable name '%1' is invalid").arg(name));
        environment.append({name, value});
    }
    QStringList arguments;
    for (QString arg : request.arguments)
        arguments.append(arg.replace(QStringLiteral("{work}"), work));

    ChildSetup setup;
    setup.workDir = QFile::encodeName(work).toStdString();
    setup.limits = request.limits;
    setup.parent = ::getpid();
    if (isolation.isolated) {
        // bwrap runs with an empty environment and sets the renderer's;
        // the program and the private folder keep their host paths.
        setup.program = QFile::encodeName(isolation.bwrapPath).toStdString();
        setup.reapDescendants = true;
        // Only the executable itself is added (not its folder, which may
        // hold other things); /usr already has its shared libraries.
        const QString real = QFileInfo(request.program).canonicalFilePath();
        QStringList a = bwrapBaseArguments(isolation.userNamespacesBlocked, request.limits.tmpBytes);
        if (!isUnder(real, QStringLiteral("/usr")))
            a << QStringLiteral("--ro-bind") << real << real;
        for (const QString &path : request.limits.readOnlyPaths) {
            if (!QFileInfo(path).isAbsolute())
                return startFailed(QStringLiteral("read-only sandbox path '%1' must be absolute").arg(path));
            a << QStringLiteral("--ro-bind") << path << path;
        }
        a << QStringLiteral("--bind") << work << work << bwrapClosingArguments() << QStringLiteral("--chdir") << work;
        for (const auto &[name, value] : environment)
            a << QStringLiteral("--setenv") << name << value;
        a << QStringLiteral("--") << real;
        setup.argvStorage.push_back(setup.program);
        for (const QString &arg : a)
            setup.argvStorage.push_back(QFile::encodeName(arg).toStdString());
    } else {
        setup.program = QFile::encodeName(request.program).toStdString();
        setup.argvStorage.push_back(setup.program);
        for (const auto &[name, value] : environment)
            setup.envStorage.push_back(QFile::encodeName(name + QLatin1Char('=') + value).toStdString());
    }
    for (const QString &arg : arguments)
        setup.argvStorage.push_back(QFile::encodeName(arg).toStdString());
    finishSetup(setup);

    RawRun run = supervise(setup, request.limits, request.cancel);
    if (!run.startError.isEmpty())
        return startFailed(run.startError);

    SandboxResult result;
    result.isolated = isolation.isolated;
    result.standardOutput = std::move(run.standardOutput);
    result.standardError = std::move(run.standardError);
    result.outputTruncated = run.outputTruncated;
    result.wallTime = run.wallTime;
    // wait4 reports bwrap with the children it reaped, so the renderer's CPU
    // time and peak RSS come through it.
    const rusage &usage = run.usage;
    result.cpuTime = std::chrono::milliseconds(qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
                                               + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000);
    result.maxRssKiB = usage.ru_maxrss;

    const auto &l = request.limits;
    const QString limitsText = QStringLiteral("(limits: %1 s CPU, %2 address space, %3 per file, %4 s wall clock)")
                                   .arg(l.cpuTime.count())
                                   .arg(l.addressSpaceBytes > 0 ? mib(l.addressSpaceBytes) : QStringLiteral("no"))
                                   .arg(l.fileSizeBytes > 0 ? mib(l.fileSizeBytes) : QStringLiteral("no limit"))
                                   .arg(double(l.wallTimeout.count()) / 1000.0);
    const int status = run.status;
    if (WIFEXITED(status)) {
        result.exitCode = WEXITSTATUS(status);
        // bwrap reports a renderer killed by signal N as exit status 128 + N.
        if (isolation.isolated && result.exitCode > 128 && result.exitCode < 128 + NSIG) {
            result.signal = result.exitCode - 128;
            result.exitCode = -1;
        }
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }
    // bwrap's own failures (a bind it cannot make, a program it cannot
    // exec) are status 1 with "bwrap: …" before the renderer said anything.
    const QByteArray firstErrorLine = result.standardError.left(result.standardError.indexOf('\n'));
    const bool bwrapFailed = isolation.isolated && result.exitCode == 1 && firstErrorLine.startsWith("bwrap: ");

    using O = SandboxResult::Outcome;
    if (run.execFailed) {
        result.outcome = O::StartFailed;
        result.error = QStringLiteral("%1 could not be started in the sandbox: %2")
                           .arg(isolation.isolated ? QFileInfo(isolation.bwrapPath).fileName() : programName,
                                qt_error_string(run.execErrno));
    } else if (bwrapFailed) {
        result.outcome = O::StartFailed;
        result.error = QStringLiteral("%1 could not be started in the bubblewrap sandbox: %2")
                           .arg(programName, QString::fromLocal8Bit(firstErrorLine).trimmed());
    } else if (run.cancelled) {
        result.outcome = O::Cancelled;
        result.error = QStringLiteral("%1 was cancelled and killed after %2 ms").arg(programName).arg(result.wallTime.count());
    } else if (run.timedOut) {
        result.outcome = O::TimedOut;
        result.error = QStringLiteral("%1 did not finish within %2 s and was killed %3")
                           .arg(programName)
                           .arg(double(l.wallTimeout.count()) / 1000.0)
                           .arg(limitsText);
    } else if (result.signal == SIGXCPU
               || (result.signal == SIGKILL && l.cpuTime.count() > 0
                   && result.cpuTime >= std::chrono::milliseconds(l.cpuTime) - std::chrono::milliseconds(100))) {
        result.outcome = O::CpuLimit;
        result.error = QStringLiteral("%1 used its %2 s of CPU time and was stopped %3")
                           .arg(programName)
                           .arg(l.cpuTime.count())
                           .arg(limitsText);
    } else if (result.signal == SIGXFSZ) {
        result.outcome = O::FileSizeLimit;
        result.error = QStringLiteral("%1 tried to write a file larger than %2 and was stopped %3")
                           .arg(programName, mib(l.fileSizeBytes), limitsText);
    } else if (l.addressSpaceBytes > 0 && (result.signal != 0 || result.exitCode != 0)
               && looksLikeOutOfMemory(result.standardError)) {
        result.outcome = O::MemoryLimit;
        result.error = QStringLiteral("%1 ran out of memory under its %2 limit %3")
                           .arg(programName, mib(l.addressSpaceBytes), limitsText);
    } else if (result.signal != 0) {
        result.outcome = O::Crashed;
        result.error = QStringLiteral("%1 crashed (signal %2, %3)")
                           .arg(programName)
                           .arg(result.signal)
                           .arg(QString::fromLocal8Bit(::strsignal(result.signal)));
    } else {
        result.outcome = O::Exited;
        if (result.exitCode != 0) {
            const QString tail = QString::fromUtf8(result.standardError.right(500)).trimmed();
            result.error = QStringLiteral("%1 exited with status %2%3")
                               .arg(programName)
                               .arg(result.exitCode)
                               .arg(tail.isEmpty() ? QString() : QStringLiteral(": ") + tail);
        }
    }

    // Outputs leave the folder before it is removed.
    if (result.outcome == O::Exited && result.exitCode == 0) {
        for (const auto &name : request.outputs) {
            const QString from = QDir(work).filePath(name);
            if (!QFileInfo::exists(from)) {
                result.missingOutputs.append(name);
                continue;
            }
            if (request.outputDirectory.isEmpty())
                continue;
            const QString to = QDir(request.outputDirectory).filePath(name);
            QFile::remove(to);
            if (!QFile::rename(from, to) && !QFile::copy(from, to)) {
                result.missingOutputs.append(name);
                result.error = QStringLiteral("cannot move the output %1 to %2").arg(name, request.outputDirectory);
            }
        }
        if (!result.missingOutputs.isEmpty() && result.error.isEmpty())
            result.error = QStringLiteral("%1 exited normally but did not write %2")
                               .arg(programName, result.missingOutputs.join(QStringLiteral(", ")));
    }
    return result;
}

} // namespace slidespec::server
