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
 * \brief Resource limits of a sandboxed process. 0 means "no limit" for
 * each of them.
 */
struct SandboxLimits
{
    std::chrono::seconds cpuTime{60};              //!< RLIMIT_CPU: SIGXCPU, then SIGKILL a second later
    qint64 addressSpaceBytes = 2LL << 30;          //!< RLIMIT_AS: allocations beyond it fail
    qint64 fileSizeBytes = 512LL << 20;            //!< RLIMIT_FSIZE: a larger write gets SIGXFSZ
    int openFiles = 256;                           //!< RLIMIT_NOFILE
    std::chrono::milliseconds wallTimeout{120000}; //!< then the whole process group is killed
    qint64 outputCapBytes = 1LL << 20;             //!< per stream (stdout, stderr); the rest is discarded
};

/*!
 * \brief What to run.
 *
 * The process starts in a fresh private folder (mode 0700, removed
 * afterwards) that is its working directory, HOME and TMPDIR, holding only
 * the \c inputs copied in. In \c arguments, `{work}` is replaced by that
 * folder's path. The environment is empty except HOME, TMPDIR,
 * LANG=C.UTF-8, QT_QPA_PLATFORM=offscreen and \c environment.
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

    /*! Exited with status 0 and every requested output present. */
    bool ok() const { return outcome == Outcome::Exited && exitCode == 0 && missingOutputs.isEmpty(); }
};

/*! "exited", "crashed", "timed-out", … */
QString sandboxOutcomeName(SandboxResult::Outcome outcome);

/*!
 * \brief Runs a program (slidespec-cli) in a sandbox: its own session and
 * process group, setrlimit limits (CPU, address space, file size, open
 * files, no core dumps), an empty environment, a private 0700 folder,
 * stdin from /dev/null, stdout/stderr captured up to a cap, every other
 * file descriptor closed, a wall-clock timeout and a cancel flag (both kill
 * the whole process group), and PR_SET_PDEATHSIG so it dies with the
 * thread that started it. Blocking; call it from a worker thread. Never
 * throws.
 */
class Sandbox
{
public:
    static SandboxResult run(const SandboxRequest &request);
};

} // namespace slidespec::server
