// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>

namespace slidespec::server {

/*!
 * \brief Whether the renderer also runs inside bubblewrap (`bwrap`): its own
 * mount, PID, network, IPC, UTS and user namespaces, no capabilities, seeing
 * only /usr, the font configuration and its own executable (read-only), a
 * minimal read-only /dev, /proc, a small empty /tmp and, writable, its
 * private folder (docs/queue.md, "The sandbox").
 */
enum class SandboxIsolation {
    Default,  //!< from SLIDESPEC_SANDBOX_ISOLATION (auto, required or off); auto when unset
    Auto,     //!< bubblewrap when it works here, otherwise without it (one warning per process)
    Required, //!< bubblewrap, or the run is refused (start-failed)
    Off,      //!< resource limits, environment and folder only
};

/*! "default", "auto", "required", "off". */
QString sandboxIsolationName(SandboxIsolation isolation);

/*!
 * \brief Resource limits of a sandboxed process. 0 means "no limit" for
 * each of them. The isolation settings travel with them, so whoever builds
 * the limits of a renderer run (e.g. RenderJobOptions) also sets those.
 */
struct SandboxLimits
{
    std::chrono::seconds cpuTime{60};              //!< RLIMIT_CPU: SIGXCPU, then SIGKILL a second later
    qint64 addressSpaceBytes = 2LL << 30;          //!< RLIMIT_AS: allocations beyond it fail
    qint64 fileSizeBytes = 512LL << 20;            //!< RLIMIT_FSIZE: a larger write gets SIGXFSZ
    int openFiles = 256;                           //!< RLIMIT_NOFILE
    std::chrono::milliseconds wallTimeout{120000}; //!< then the whole process group is killed
    qint64 outputCapBytes = 1LL << 20;             //!< per stream (stdout, stderr); the rest is discarded
    qint64 tmpBytes = 64LL << 20;                  //!< isolated: size of /tmp, a RAM-backed tmpfs (TMPDIR is on disk)
    SandboxIsolation isolation = SandboxIsolation::Default;
    QString bwrapPath;                             //!< default: `bwrap` on PATH, else /usr/bin/bwrap
    QStringList readOnlyPaths;                     //!< more host files or folders the renderer may read (isolated runs)
};

/*!
 * \brief What to run.
 *
 * The process starts in a fresh private folder (mode 0700, removed
 * afterwards) that is its working directory, HOME and TMPDIR, holding only
 * the \c inputs copied in. In \c arguments, `{work}` is replaced by that
 * folder's path. The environment is empty except HOME, TMPDIR,
 * LANG=C.UTF-8, QT_QPA_PLATFORM=offscreen and \c environment (and PWD,
 * which bubblewrap sets, when isolated). Isolated, the folder keeps its
 * path inside the sandbox, so `{work}` and HOME mean the same there.
 */
struct SandboxRequest
{
    QString program;                               //!< absolute path of the executable
    QStringList arguments;
    QList<QPair<QString, QString>> inputs;         //!< (source path, file name inside the folder)
    QList<QPair<QString, QString>> environment;    //!< extra variables (name, value)
    QStringList outputs;                           //!< file names the process writes into its folder…
    QString outputDirectory;                       //!< …moved here after it exits (when set)
    QString tempRoot;                              //!< where the private folder is made; default QDir::tempPath()
    SandboxLimits limits;
    const std::atomic<bool> *cancel = nullptr;     //!< when it turns true the process group is killed (≤ 50 ms)
};

/*!
 * \brief How a sandboxed run ended.
 */
struct SandboxResult
{
    enum class Outcome {
        Exited,        //!< the process exited by itself (see exitCode)
        Crashed,       //!< killed by a signal it did not get from us (see signal)
        TimedOut,      //!< wall-clock timeout: the process group was killed
        Cancelled,     //!< the cancel flag turned true: the process group was killed
        CpuLimit,      //!< RLIMIT_CPU reached
        FileSizeLimit, //!< RLIMIT_FSIZE reached (SIGXFSZ)
        MemoryLimit,   //!< died after an allocation failed under RLIMIT_AS (from its exit and stderr)
        StartFailed,   //!< could not start (folder, inputs, fork or exec failed)
    };
    Outcome outcome = Outcome::StartFailed;
    int exitCode = -1;          //!< when Exited
    int signal = 0;             //!< when killed by a signal
    QByteArray standardOutput;  //!< up to the cap
    QByteArray standardError;   //!< up to the cap
    bool outputTruncated = false;
    std::chrono::milliseconds wallTime{0};
    std::chrono::milliseconds cpuTime{0};
    qint64 maxRssKiB = 0;
    QStringList missingOutputs; //!< requested outputs the process did not write
    QString error;              //!< a clear sentence when !ok(), for last_error and logs
    bool isolated = false;      //!< ran inside bubblewrap

    /*! Exited with status 0 and every requested output present. */
    bool ok() const { return outcome == Outcome::Exited && exitCode == 0 && missingOutputs.isEmpty(); }
};

/*! "exited", "crashed", "timed-out", … */
QString sandboxOutcomeName(SandboxResult::Outcome outcome);

/*!
 * \brief What a run with given limits would get: Default resolved, and
 * whether bubblewrap works here (probed once per process and bwrap path by
 * running `bwrap … /usr/bin/true` with the sandbox's own options).
 */
struct SandboxIsolationStatus
{
    SandboxIsolation mode = SandboxIsolation::Auto; //!< never Default
    bool isolated = false;                          //!< runs go through bubblewrap
    bool userNamespacesBlocked = false;             //!< …bwrap ≥ 0.8: no user namespaces inside, /tmp capped
    QString bwrapPath;
    QString problem; //!< why not isolated (empty when isolated or off); a bad variable value is one
};

/*!
 * \brief Runs a program (slidespec-cli) in a sandbox: its own session and
 * process group, setrlimit limits (CPU, address space, file size, open
 * files, no core dumps), an empty environment, a private 0700 folder,
 * stdin from /dev/null, stdout/stderr captured up to a cap, every other
 * file descriptor closed, a wall-clock timeout and a cancel flag (both kill
 * the whole process group), and PR_SET_PDEATHSIG so it dies with the
 * thread that started it. With isolation (SandboxLimits::isolation) the
 * program runs under bubblewrap, which hides the rest of the filesystem and
 * the network; the limits are set before bwrap starts and inherited.
 * Blocking; call it from a worker thread. Never throws.
 */
class Sandbox
{
public:
    static SandboxResult run(const SandboxRequest &request);

    /*! Resolves the isolation mode of \a limits and probes bubblewrap (cached). */
    static SandboxIsolationStatus isolationStatus(const SandboxLimits &limits = {});
};

} // namespace slidespec::server
