// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/sandbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <cstring>
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

SandboxResult Sandbox::run(const SandboxRequest &request)
{
    const QString programName = QFileInfo(request.program).fileName();
    if (!QFileInfo(request.program).isAbsolute() || !QFileInfo(request.program).isExecutable())
        return startFailed(QStringLiteral("the sandboxed program %1 is not an executable file given by an absolute path")
                               .arg(request.program));

    // The private folder: mkdtemp makes it 0700.
    const QString root = request.tempRoot.isEmpty() ? QDir::tempPath() : request.tempRoot;
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

    ChildSetup setup;
    setup.program = QFile::encodeName(request.program).toStdString();
    setup.workDir = QFile::encodeName(work).toStdString();
    setup.limits = request.limits;
    setup.parent = ::getpid();
    setup.argvStorage.push_back(setup.program);
    for (QString arg : request.arguments)
        setup.argvStorage.push_back(arg.replace(QStringLiteral("{work}"), work).toStdString());
    setup.envStorage.push_back("HOME=" + setup.workDir);
    setup.envStorage.push_back("TMPDIR=" + QFile::encodeName(tmp).toStdString());
    setup.envStorage.push_back("LANG=C.UTF-8");
    setup.envStorage.push_back("QT_QPA_PLATFORM=offscreen");
    for (const auto &[name, value] : request.environment) {
        if (name.isEmpty() || name.contains(QLatin1Char('=')))
            return startFailed(QStringLiteral("environment variable name '%1' is invalid").arg(name));
        setup.envStorage.push_back(QString(name + QLatin1Char('=') + value).toStdString());
    }
    for (auto &s : setup.argvStorage)
        setup.argv.push_back(s.data());
    setup.argv.push_back(nullptr);
    for (auto &s : setup.envStorage)
        setup.envp.push_back(s.data());
    setup.envp.push_back(nullptr);

    Fd outRead, outWrite, errRead, errWrite, failRead, failWrite;
    if (!makePipe(outRead, outWrite) || !makePipe(errRead, errWrite) || !makePipe(failRead, failWrite))
        return startFailed(QStringLiteral("cannot create pipes: %1").arg(qt_error_string(errno)));
    Fd devNull(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    if (devNull.fd < 0)
        return startFailed(QStringLiteral("cannot open /dev/null: %1").arg(qt_error_string(errno)));

    const auto started = Clock::now();
    const pid_t pid = ::fork();
    if (pid < 0)
        return startFailed(QStringLiteral("fork failed: %1").arg(qt_error_string(errno)));
    if (pid == 0)
        runChild(setup, devNull.fd, outWrite.fd, errWrite.fd, failWrite.fd);

    outWrite.reset();
    errWrite.reset();
    failWrite.reset();
    devNull.reset();

    SandboxResult result;
    int status = 0;
    rusage usage{};
    bool exited = false;
    bool timedOut = false;
    bool cancelled = false;
    const auto deadline = request.limits.wallTimeout.count() > 0 ? started + request.limits.wallTimeout
                                                                 : Clock::time_point::max();
    const qint64 cap = request.limits.outputCapBytes;

    auto killGroup = [pid] {
        ::kill(-pid, SIGKILL);
        ::kill(pid, SIGKILL);
    };

    while (!exited) {
        pollfd fds[2];
        int count = 0;
        if (outRead.fd >= 0)
            fds[count++] = {outRead.fd, POLLIN, 0};
        if (errRead.fd >= 0)
            fds[count++] = {errRead.fd, POLLIN, 0};
        ::poll(fds, nfds_t(count), 50);
        if (outRead.fd >= 0)
            drain(outRead, result.standardOutput, cap, result.outputTruncated);
        if (errRead.fd >= 0)
            drain(errRead, result.standardError, cap, result.outputTruncated);

        const pid_t w = ::wait4(pid, &status, WNOHANG, &usage);
        if (w == pid) {
            exited = true;
            break;
        }
        if (request.cancel && request.cancel->load()) {
            cancelled = true;
        } else if (Clock::now() >= deadline) {
            timedOut = true;
        }
        if (cancelled || timedOut) {
            killGroup();
            while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
            }
            exited = true;
        }
    }
    // Children the process left behind (they may hold the pipes open) go too.
    ::kill(-pid, SIGKILL);
    const auto drainUntil = Clock::now() + std::chrono::milliseconds(500);
    while ((outRead.fd >= 0 || errRead.fd >= 0) && Clock::now() < drainUntil) {
        pollfd fds[2];
        int count = 0;
        if (outRead.fd >= 0)
            fds[count++] = {outRead.fd, POLLIN, 0};
        if (errRead.fd >= 0)
            fds[count++] = {errRead.fd, POLLIN, 0};
        ::poll(fds, nfds_t(count), 20);
        if (outRead.fd >= 0)
            drain(outRead, result.standardOutput, cap, result.outputTruncated);
        if (errRead.fd >= 0)
            drain(errRead, result.standardError, cap, result.outputTruncated);
    }

    result.wallTime = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    result.cpuTime = std::chrono::milliseconds(qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
                                               + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000);
    result.maxRssKiB = usage.ru_maxrss;

    int execErrno = 0;
    const bool execFailed = ::read(failRead.fd, &execErrno, sizeof execErrno) == sizeof execErrno;
    const auto &l = request.limits;
    const QString limitsText = QStringLiteral("(limits: %1 s CPU, %2 address space, %3 per file, %4 s wall clock)")
                                   .arg(l.cpuTime.count())
                                   .arg(l.addressSpaceBytes > 0 ? mib(l.addressSpaceBytes) : QStringLiteral("no"))
                                   .arg(l.fileSizeBytes > 0 ? mib(l.fileSizeBytes) : QStringLiteral("no limit"))
                                   .arg(double(l.wallTimeout.count()) / 1000.0);
    if (WIFEXITED(status)) {
        result.exitCode = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }

    using O = SandboxResult::Outcome;
    if (execFailed) {
        result.outcome = O::StartFailed;
        result.error = QStringLiteral("%1 could not be started in the sandbox: %2").arg(programName, qt_error_string(execErrno));
    } else if (cancelled) {
        result.outcome = O::Cancelled;
        result.error = QStringLiteral("%1 was cancelled and killed after %2 ms").arg(programName).arg(result.wallTime.count());
    } else if (timedOut) {
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
