// SPDX-License-Identifier: GPL-3.0-or-later
// The renderer sandbox against a real misbehaving program
// (queue_helpers/sandbox_probe) and the real slidespec-cli, each case with
// and without bubblewrap isolation ("in bubblewrap" rows skip, saying why,
// where bwrap cannot create namespaces).
#include "sandbox/sandbox.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <QUuid>

#include <algorithm>
#include <csignal>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

using namespace slidespec::server;
using Outcome = SandboxResult::Outcome;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(SandboxResult::Outcome)
Q_DECLARE_METATYPE(SandboxIsolation)

namespace {

SandboxRequest probe(const QStringList &arguments, bool isolated = false)
{
    SandboxRequest r;
    r.program = QStringLiteral(SANDBOX_PROBE_PATH);
    r.arguments = arguments;
    r.limits.wallTimeout = 10s;
    r.limits.cpuTime = 10s;
    r.limits.addressSpaceBytes = 256LL << 20;
    r.limits.fileSizeBytes = 8LL << 20;
    r.limits.isolation = isolated ? SandboxIsolation::Required : SandboxIsolation::Off;
    return r;
}

// Why bubblewrap cannot run here (empty when it can).
QString bwrapProblem()
{
    SandboxLimits limits;
    limits.isolation = SandboxIsolation::Required;
    const auto status = Sandbox::isolationStatus(limits);
    return status.isolated ? QString() : status.problem;
}

void addIsolationRows()
{
    QTest::addColumn<bool>("isolated");
    QTest::newRow("without isolation") << false;
    QTest::newRow("in bubblewrap") << true;
}

#define SKIP_IF_NO_BWRAP(isolated)                                                                   \
    do {                                                                                             \
        if ((isolated) && !bwrapProblem().isEmpty())                                                 \
            QSKIP(qPrintable(QStringLiteral("bubblewrap cannot run here: ") + bwrapProblem()));      \
    } while (false)

// Host processes whose command line contains marker.
int processesWith(const QByteArray &marker)
{
    int count = 0;
    const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        entry.toInt(&numeric);
        if (!numeric)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(marker))
            ++count;
    }
    return count;
}

// A TCP socket listening on 127.0.0.1 (port in port), closed with it.
struct Listener
{
    int fd = -1;
    int port = 0;
    Listener()
    {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(fd, 8) != 0
            || ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        port = ntohs(address.sin_port);
    }
    ~Listener()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

QStringList lines(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TstSandbox : public QObject
{
    Q_OBJECT

private slots:
    void outcomes_data();
    void outcomes();
    void timeoutKillsTheProcessGroup_data() { addIsolationRows(); }
    void timeoutKillsTheProcessGroup();
    void memoryHogIsStoppedAtTheLimit_data() { addIsolationRows(); }
    void memoryHogIsStoppedAtTheLimit();
    void environmentIsEmptyAndFolderPrivate_data() { addIsolationRows(); }
    void environmentIsEmptyAndFolderPrivate();
    void onlyTheInputsAndStandardStreams_data() { addIsolationRows(); }
    void onlyTheInputsAndStandardStreams();
    void cancelKillsWithinASecond_data() { addIsolationRows(); }
    void cancelKillsWithinASecond();
    void outputIsCapped_data() { addIsolationRows(); }
    void outputIsCapped();
    void outputsAreMovedOut_data() { addIsolationRows(); }
    void outputsAreMovedOut();
    void badRequestsFailClearly_data();
    void badRequestsFailClearly();
    void isolationHidesTheHost_data();
    void isolationHidesTheHost();
    void isolatedSystemFilesAreReadOnly();
    void isolatedTmpIsCapped();
    void isolationCutsTheNetwork_data() { addIsolationRows(); }
    void isolationCutsTheNetwork();
    void isolationBlocksNewUserNamespaces_data() { addIsolationRows(); }
    void isolationBlocksNewUserNamespaces();
    void isolationSettings_data();
    void isolationSettings();
    void bwrapIsProbedOncePerProcess();
    void bwrapFailuresAreStartFailures();
    void isolationOverhead();
    void realCliRendersInTheSandbox_data() { addIsolationRows(); }
    void realCliRendersInTheSandbox();
};

void TstSandbox::outcomes_data()
{
    QTest::addColumn<bool>("isolated");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("errorMentions");

    // bwrap reports the renderer's signal as an exit status 128 + N: the
    // bubblewrap rows prove it is told apart from a real exit again.
    for (const bool isolated : {false, true}) {
        const QString mode = isolated ? QStringLiteral("in bubblewrap: ") : QStringLiteral("without isolation: ");
        auto row = [&](const char *name) -> QTestData & { return QTest::newRow(qPrintable(mode + QLatin1String(name))) << isolated; };
        row("exit 0 is ok") << QStringList{"exit", "0"} << Outcome::Exited << 0 << 0 << QString();
        row("exit 1 is the renderer's error, not a start failure")
            << QStringList{"exit", "1"} << Outcome::Exited << 1 << 0 << QStringLiteral("exited with status 1");
        row("exit 3 is an error naming the status")
            << QStringList{"exit", "3"} << Outcome::Exited << 3 << 0 << QStringLiteral("exited with status 3");
        row("SIGSEGV is a crash naming the signal")
            << QStringList{"crash"} << Outcome::Crashed << -1 << int(SIGSEGV) << QStringLiteral("crashed (signal 11");
        row("a hang hits the wall-clock timeout")
            << QStringList{"hang"} << Outcome::TimedOut << -1 << int(SIGKILL) << QStringLiteral("did not finish within");
        row("a busy loop hits the CPU limit")
            << QStringList{"spin"} << Outcome::CpuLimit << -1 << -1 << QStringLiteral("CPU time");
        row("a 64 MiB file hits the 8 MiB file-size limit")
            << QStringList{"write", "64"} << Outcome::FileSizeLimit << -1 << int(SIGXFSZ)
            << QStringLiteral("larger than 8 MiB");
    }
}

void TstSandbox::outcomes()
{
    QFETCH(bool, isolated);
    SKIP_IF_NO_BWRAP(isolated);
    QFETCH(QStringList, arguments);
    QFETCH(Outcome, outcome);
    QFETCH(int, exitCode);
    QFETCH(int, signal);
    QFETCH(QString, errorMentions);

    auto request = probe(arguments, isolated);
    // The hang gets a short wall clock; the others have room (the CPU
    // limit counts CPU seconds, which a loaded machine hands out slowly).
    request.limits.wallTimeout = arguments.first() == QLatin1String("hang") ? 1500ms : 20000ms;
    request.limits.cpuTime = 1s;
    QElapsedTimer timer;
    timer.start();
    const auto result = Sandbox::run(request);
    QCOMPARE(sandboxOutcomeName(result.outcome), sandboxOutcomeName(outcome));
    QCOMPARE(result.isolated, isolated);
    if (exitCode >= 0)
        QCOMPARE(result.exitCode, exitCode);
    if (signal >= 0)
        QCOMPARE(result.signal, signal);
    QCOMPARE(result.ok(), outcome == Outcome::Exited && exitCode == 0);
    if (errorMentions.isEmpty())
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    else
        QVERIFY2(result.error.contains(errorMentions), qPrintable(result.error));
    QVERIFY2(timer.elapsed() < 20000, "every misbehaviour ends within its limits");
    // The renderer's CPU time is reported, through bwrap too (its PID
    // namespace's init is reaped, see runChild; unreaped it reads ~2 ms).
    // rusage samples ticks, so it can read less than the 1 s the limit saw.
    if (outcome == Outcome::CpuLimit)
        QVERIFY2(result.cpuTime >= 500ms, qPrintable(QString::number(result.cpuTime.count())));
}

void TstSandbox::timeoutKillsTheProcessGroup()
{
    QFETCH(bool, isolated);
    SKIP_IF_NO_BWRAP(isolated);
    // The probe forks a grandchild that sleeps forever: the timeout must
    // take it too. Both carry a marker in their command line, so the host's
    // /proc shows them (in bubblewrap their printed pids are the sandbox's).
    const QByteArray marker = "slidespec-sandbox-test-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    auto request = probe({QStringLiteral("fork-hang"), QString::fromLatin1(marker)}, isolated);
    request.limits.wallTimeout = 1500ms;
    std::atomic<int> mostSeen{0};
    std::atomic<bool> done{false};
    std::thread watcher([&] {
        while (!done) {
            mostSeen = std::max(mostSeen.load(), processesWith(marker));
            std::this_thread::sleep_for(50ms);
        }
    });
    const auto result = Sandbox::run(request);
    done = true;
    watcher.join();
    QCOMPARE(sandboxOutcomeName(result.outcome), sandboxOutcomeName(Outcome::TimedOut));
    QVERIFY2(result.standardOutput.trimmed().toInt() > 0, result.standardOutput.constData());
    // The probe and its grandchild (and bwrap's processes when isolated) were running…
    QVERIFY2(mostSeen >= 2, qPrintable(QString::number(mostSeen.load())));
    // …and are killed at once, reaped shortly after.
    QTRY_COMPARE_WITH_TIMEOUT(processesWith(marker), 0, 2000);
}

void TstSandbox::memoryHogIsStoppedAtTheLimit()
{
    QFETCH(bool, isolated);
    SKIP_IF_NO_BWRAP(isolated);
    auto request = probe({QStringLiteral("alloc"), QStringLiteral("2048")}, isolated);
    request.limits.addressSpaceBytes = 256LL << 20;
    const auto result = Sandbox::run(request);
    QCOMPARE(sandboxOutcomeName(result.outcome), sandboxOutcomeName(Outcome::MemoryLimit));
    QVERIFY2(result.error.contains(QStringLiteral("256 MiB")), qPrintable(result.error));
    QVERIFY2(!result.standardOutput.contains("allocated"), "the allocation must not have succeeded");
    QVERIFY2(result.maxRssKiB < 300 * 1024, qPrintable(QString::number(result.maxRssKiB)));

    // The same program under a limit it fits in succeeds.
    auto fits = probe({QStringLiteral("alloc"), QStringLiteral("64")}, isolated);
    fits.limits.addressSpaceBytes = 256LL << 20;
    const auto ok = Sandbox::run(fits);
    QVERIFY2(ok.ok(), qPrintable(ok.error));
    // Its peak RSS is reported (through bwrap too): the 64 MiB it touched.
    QVERIFY2(ok.maxRssKiB >= 64 * 1024, qPrintable(QString::number(ok.maxRssKiB)));
}

void TstSandbox::environmentIsEmptyAndFolderPrivate()
{
    QFETCH(bool, isolated);
    SKIP_IF_NO_BWRAP(isolated);
    auto request = probe({QStringLiteral("env")}, isolated);
    request.environment = {{QStringLiteral("SLIDESPEC_JOB"), QStringLiteral("42")}};
    qputenv("SLIDESPEC_SECRET_FOR_TEST", "must-not-leak");
    const auto result = Sandbox::run(request);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QMap<QString, QString> env;
    for (const auto &line : lines(result.standardOutput))
        env.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
    const QString cwd = env.take(QStringLiteral("CWD"));
    // bwrap sets PWD after changing into the folder: the only addition.
    if (isolated)
        QCOMPARE(env.take(QStringLiteral("PWD")), cwd);
    QCOMPARE(QSet<QString>(env.keyBegin(), env.keyEnd()),
             (QSet<QString>{"HOME", "TMPDIR", "LANG", "QT_QPA_PLATFORM", "SLIDESPEC_JOB"}));
    QCOMPARE(env.value("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QCOMPARE(env.value("SLIDESPEC_JOB"), QStringLiteral("42"));
    QCOMPARE(env.value("HOME"), cwd);
    QCOMPARE(env.value("TMPDIR"), cwd + QStringLiteral("/tmp"));
    QVERIFY2(QFileInfo(cwd).fileName().startsWith(QStringLiteral("slidespec-sandbox-")), qPrintable(cwd));
    QVERIFY2(!QFileInfo::exists(cwd), "the private folder is removed afterwards");

    const auto mode = Sandbox::run(probe({QStringLiteral("mode")}, isolated));
    QCOMPARE(mode.standardOutput.trimmed(), QByteArray("700"));
}

void TstSandbox::onlyTheInputsAndStandardStreams()
{
    QFETCH(bool, isolated);
    SKIP_IF_NO_BWRAP(isolated);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile input(dir.filePath(QStringLiteral("source.json")));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write("{\"deck\": true}\n");
    input.close();
    QFile other(dir.filePath(QStringLiteral("other-secret.txt")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();

    auto ls = probe({QStringLiteral("ls")}, isolated);
    ls.inputs = {{input.fileName(), QStringLiteral("deck.json")}};
    const auto listing = Sandbox::run(ls);
    QVERIFY2(listing.ok(), qPrintable(listing.error));
    auto names = lines(listing.standardOutput);
    names.sort();
    QCOMPARE(names, (QStringList{"deck.json", "tmp"}));

    auto cat = probe({QStringLiteral("cat"), QStringLiteral("{work}/deck.json")}, isolated);
    cat.inputs = ls.inputs;
    QCOMPARE(Sandbox::run(cat).standardOutput, QByteArray("{\"deck\": true}\n"));

    // Only stdin, stdout and stderr are open in the child, whatever the parent has open.
    QFile held(input.fileName());
    QVERIFY(held.open(QIODevice::ReadOnly));
    const auto fds = Sandbox::run(probe({QStringLiteral("fds")}, isolated));
    auto open = lines(fds.standardOutput);
    open.sort();
    QCOMPARE(open, (QStringList{"0", "1", "2"}));
}

void TstSandbox::cancelKillsWithinASecond()
{
    QFETCH(bool, isolated);
    SKIP_IF_NO_BWRAP(isolated);
    std::atomic<bool> cancel{false};
    auto request = probe({QStringLiteral("hang")}, isolated);
    request.cancel = &cancel;
    QElapsedTimer sinceCancel;
    std::thread canceller([&] {
        std::this_thread::sleep_for(300ms);
        sinceCancel.start();
        cancel = true;
    });
    const auto result = Sandbox::run(request);
    const qint64 reaction = sinceCancel.elapsed();
    canceller.join();
    QCOMPARE(sandboxOutcomeName(result.outcome), sandboxOutcomeName(Outcome::Cancelled));
    QCOMPARE(result.signal, int(SIGKILL));
    QVERIFY2(reaction < 1000, qPrintable(QStringLiteral("killed %1 ms after the cancel").arg(reaction)));
    qInfo("cancel → killed in %lld ms", static_cast<long long>(reaction));
}

void TstSandbox::outputIsCapped()
{
    QFETCH(bool, isolated);
    SKIP_IF_NO_BWRAP(isolated);
    auto request = probe({QStringLiteral("spam"), QStringLiteral("20")}, isolated);
    request.limits.outputCapBytes = 64 * 1024;
    const auto result = Sandbox::run(request);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.standardOutput.size(), 64 * 1024);
    QVERIFY(result.outputTruncated);
}

void TstSandbox::outputsAreMovedOut()
{
    QFETCH(bool, isolated);
    SKIP_IF_NO_BWRAP(isolated);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    auto request = probe({QStringLiteral("make"), QStringLiteral("result.txt")}, isolated);
    request.outputs = {QStringLiteral("result.txt")};
    request.outputDirectory = out.path();
    const auto result = Sandbox::run(request);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QFile made(out.filePath(QStringLiteral("result.txt")));
    QVERIFY(made.open(QIODevice::ReadOnly));
    QCOMPARE(made.readAll(), QByteArray("made in the sandbox\n"));

    request.outputs = {QStringLiteral("result.txt"), QStringLiteral("never-written.pptx")};
    const auto missing = Sandbox::run(request);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.missingOutputs, QStringList{QStringLiteral("never-written.pptx")});
    QVERIFY2(missing.error.contains(QStringLiteral("did not write never-written.pptx")), qPrintable(missing.error));
}

void TstSandbox::badRequestsFailClearly_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("inputName");
    QTest::addColumn<QString>("errorMentions");
    QTest::newRow("relative program path") << QStringLiteral("sandbox_probe") << QString()
                                           << QStringLiteral("absolute path");
    QTest::newRow("missing program") << QStringLiteral("/nonexistent/slidespec-cli") << QString()
                                     << QStringLiteral("not an executable");
    QTest::newRow("input name escaping the folder")
        << QStringLiteral(SANDBOX_PROBE_PATH) << QStringLiteral("../deck.json") << QStringLiteral("plain file name");
}

void TstSandbox::badRequestsFailClearly()
{
    QFETCH(QString, program);
    QFETCH(QString, inputName);
    QFETCH(QString, errorMentions);
    SandboxRequest request = probe({QStringLiteral("exit"), QStringLiteral("0")});
    request.program = program;
    if (!inputName.isEmpty())
        request.inputs = {{QStringLiteral(SANDBOX_PROBE_PATH), inputName}};
    const auto result = Sandbox::run(request);
    QCOMPARE(sandboxOutcomeName(result.outcome), sandboxOutcomeName(Outcome::StartFailed));
    QVERIFY2(result.error.contains(errorMentions), qPrintable(result.error));
}

void TstSandbox::isolationHidesTheHost_data()
{
    QTest::addColumn<bool>("isolated");
    QTest::addColumn<QString>("path"); // {secret}: a file in another private temporary folder
    QTest::addColumn<bool>("readable");

    QTest::newRow("without isolation a secret in another temporary folder is readable (what bubblewrap closes)")
        << false << QStringLiteral("{secret}") << true;
    QTest::newRow("in bubblewrap a secret in another temporary folder is not there")
        << true << QStringLiteral("{secret}") << false;
    QTest::newRow("in bubblewrap /etc/passwd is not there") << true << QStringLiteral("/etc/passwd") << false;
    QTest::newRow("in bubblewrap the source tree is not there")
        << true << QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/format/minimal-deck.json") << false;
    QTest::newRow("in bubblewrap the folder next to the program is not there")
        << true << QStringLiteral(SANDBOX_PROBE_PATH).section(QLatin1Char('/'), 0, -2) + QStringLiteral("/CMakeFiles")
        << false;
    QTest::newRow("in bubblewrap the font configuration is readable")
        << true << QStringLiteral("/etc/fonts/fonts.conf") << true;
    QTest::newRow("in bubblewrap /usr is readable") << true << QStringLiteral("/usr/share/fonts") << true;
}

void TstSandbox::isolationHidesTheHost()
{
    QFETCH(bool, isolated);
    QFETCH(QString, path);
    QFETCH(bool, readable);
    SKIP_IF_NO_BWRAP(isolated);
    QTemporaryDir other;
    QVERIFY(other.isValid());
    QFile secret(other.filePath(QStringLiteral("secret.txt")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("the other org's deck\n");
    secret.close();
    path.replace(QStringLiteral("{secret}"), secret.fileName());
    QVERIFY2(QFileInfo::exists(path), qPrintable(path + QStringLiteral(" must exist on the host for this row")));

    // A folder opens too (fopen "rb" of a folder succeeds on Linux; reading it fails).
    const auto result = Sandbox::run(probe({QStringLiteral("open"), path}, isolated));
    QCOMPARE(result.isolated, isolated);
    if (readable) {
        QVERIFY2(result.ok(), qPrintable(result.error + QLatin1Char(' ') + QString::fromUtf8(result.standardOutput)));
        QVERIFY(result.standardOutput.startsWith("opened\n"));
    } else {
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.standardOutput.trimmed(), QByteArray("No such file or directory"));
    }
}

void TstSandbox::isolatedSystemFilesAreReadOnly()
{
    SKIP_IF_NO_BWRAP(true);
    // Even a renderer running as root (as these tests may) cannot change
    // what it sees of the system; only its own folder is writable.
    // Nor fill memory through the sandbox's own root or /dev (tmpfs both).
    for (const QString &path : {QStringLiteral("/usr/slidespec-sandbox-test"), QStringLiteral("/etc/fonts/injected.conf"),
                                QStringLiteral("/injected"), QStringLiteral("/dev/injected"),
                                QStringLiteral("/dev/shm/injected")}) {
        const auto result = Sandbox::run(probe({QStringLiteral("make"), path}, true));
        QVERIFY2(result.exitCode == 3, qPrintable(path + QStringLiteral(": ") + result.error));
        QVERIFY(!QFileInfo::exists(path));
    }
    const auto own = Sandbox::run(probe({QStringLiteral("make"), QStringLiteral("{work}/mine.txt")}, true));
    QVERIFY2(own.ok(), qPrintable(own.error));
}

void TstSandbox::isolatedTmpIsCapped()
{
    SKIP_IF_NO_BWRAP(true);
    SandboxLimits limits;
    limits.isolation = SandboxIsolation::Required;
    if (!Sandbox::isolationStatus(limits).userNamespacesBlocked)
        QSKIP("this bubblewrap cannot size its /tmp (--size needs a recent bwrap)");
    // /tmp is RAM: capped at tmpBytes (the 8 MiB file-size limit stays above it here).
    auto fits = probe({QStringLiteral("fill"), QStringLiteral("/tmp/scratch"), QStringLiteral("2")}, true);
    fits.limits.tmpBytes = 4LL << 20;
    const auto ok = Sandbox::run(fits);
    QVERIFY2(ok.ok(), qPrintable(ok.error + QLatin1Char(' ') + QString::fromUtf8(ok.standardOutput)));
    auto overflows = probe({QStringLiteral("fill"), QStringLiteral("/tmp/scratch"), QStringLiteral("6")}, true);
    overflows.limits.tmpBytes = 4LL << 20;
    const auto full = Sandbox::run(overflows);
    QCOMPARE(full.exitCode, 4);
    QCOMPARE(full.standardOutput.trimmed(), QByteArray("No space left on device"));
}

void TstSandbox::isolationCutsTheNetwork()
{
    QFETCH(bool, isolated);
    SKIP_IF_NO_BWRAP(isolated);
    Listener listener;
    QVERIFY2(listener.port > 0, "cannot listen on 127.0.0.1");
    const auto result = Sandbox::run(probe({QStringLiteral("connect"), QString::number(listener.port)}, isolated));
    QCOMPARE(result.isolated, isolated);
    if (isolated) {
        // Its own network namespace has only a loopback of its own.
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.standardOutput.trimmed(), QByteArray("Connection refused"));
    } else {
        QVERIFY2(result.ok(), qPrintable(result.error + QLatin1Char(' ') + QString::fromUtf8(result.standardOutput)));
        QCOMPARE(result.standardOutput.trimmed(), QByteArray("connected"));
    }
}

void TstSandbox::isolationBlocksNewUserNamespaces()
{
    QFETCH(bool, isolated);
    SKIP_IF_NO_BWRAP(isolated);
    if (isolated) {
        SandboxLimits limits;
        limits.isolation = SandboxIsolation::Required;
        if (!Sandbox::isolationStatus(limits).userNamespacesBlocked)
            QSKIP("this bubblewrap cannot block user namespaces (--disable-userns needs bwrap 0.8)");
    }
    const auto result = Sandbox::run(probe({QStringLiteral("unshare-user")}, isolated));
    QCOMPARE(result.isolated, isolated);
    if (isolated) {
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(!result.standardOutput.contains("unshared"), result.standardOutput.constData());
    } else {
        // Where the host allows it (the control: the probe can do it at all).
        if (!result.ok())
            QSKIP(qPrintable(QStringLiteral("this host refuses user namespaces anyway: ")
                             + QString::fromUtf8(result.standardOutput.trimmed())));
        QCOMPARE(result.standardOutput.trimmed(), QByteArray("unshared"));
    }
}

void TstSandbox::isolationSettings_data()
{
    QTest::addColumn<SandboxIsolation>("isolation");
    QTest::addColumn<QByteArray>("variable"); // SLIDESPEC_SANDBOX_ISOLATION; "-": unset
    QTest::addColumn<QString>("bwrapPath");   // empty: the default
    QTest::addColumn<bool>("needsBwrap");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<bool>("isolated");
    QTest::addColumn<QString>("errorMentions");

    const QString missing = QStringLiteral("/nonexistent/bwrap");
    QTest::newRow("required without bubblewrap refuses to run, naming the path")
        << SandboxIsolation::Required << QByteArray("-") << missing << false << Outcome::StartFailed << false
        << QStringLiteral("requires bubblewrap isolation and cannot run without it: bubblewrap was not found at "
                          "/nonexistent/bwrap");
    QTest::newRow("auto without bubblewrap runs unisolated")
        << SandboxIsolation::Auto << QByteArray("-") << missing << false << Outcome::Exited << false << QString();
    QTest::newRow("off runs unisolated") << SandboxIsolation::Off << QByteArray("-") << QString() << false
                                         << Outcome::Exited << false << QString();
    QTest::newRow("required runs in bubblewrap") << SandboxIsolation::Required << QByteArray("-") << QString() << true
                                                 << Outcome::Exited << true << QString();
    QTest::newRow("default with the variable unset is auto: bubblewrap")
        << SandboxIsolation::Default << QByteArray("-") << QString() << true << Outcome::Exited << true << QString();
    QTest::newRow("default takes off from the variable")
        << SandboxIsolation::Default << QByteArray("off") << QString() << false << Outcome::Exited << false << QString();
    QTest::newRow("default takes required from the variable")
        << SandboxIsolation::Default << QByteArray("Required") << missing << false << Outcome::StartFailed << false
        << QStringLiteral("bubblewrap was not found");
    QTest::newRow("default with a misspelt variable refuses to run, saying what to set")
        << SandboxIsolation::Default << QByteArray("of") << QString() << false << Outcome::StartFailed << false
        << QStringLiteral("SLIDESPEC_SANDBOX_ISOLATION is 'of': set it to auto, required or off");
    QTest::newRow("an explicit mode wins over the variable")
        << SandboxIsolation::Off << QByteArray("required") << missing << false << Outcome::Exited << false << QString();
}

void TstSandbox::isolationSettings()
{
    QFETCH(SandboxIsolation, isolation);
    QFETCH(QByteArray, variable);
    QFETCH(QString, bwrapPath);
    QFETCH(bool, needsBwrap);
    QFETCH(Outcome, outcome);
    QFETCH(bool, isolated);
    QFETCH(QString, errorMentions);
    SKIP_IF_NO_BWRAP(needsBwrap);
    const QByteArray saved = qgetenv("SLIDESPEC_SANDBOX_ISOLATION");
    const bool wasSet = qEnvironmentVariableIsSet("SLIDESPEC_SANDBOX_ISOLATION");
    if (variable == "-")
        qunsetenv("SLIDESPEC_SANDBOX_ISOLATION");
    else
        qputenv("SLIDESPEC_SANDBOX_ISOLATION", variable);
    auto request = probe({QStringLiteral("exit"), QStringLiteral("0")});
    request.limits.isolation = isolation;
    request.limits.bwrapPath = bwrapPath;
    const auto result = Sandbox::run(request);
    if (wasSet)
        qputenv("SLIDESPEC_SANDBOX_ISOLATION", saved);
    else
        qunsetenv("SLIDESPEC_SANDBOX_ISOLATION");
    QCOMPARE(sandboxOutcomeName(result.outcome), sandboxOutcomeName(outcome));
    QCOMPARE(result.isolated, isolated);
    if (errorMentions.isEmpty())
        QVERIFY2(result.ok(), qPrintable(result.error));
    else
        QVERIFY2(result.error.contains(errorMentions), qPrintable(result.error));
}

void TstSandbox::bwrapIsProbedOncePerProcess()
{
    SKIP_IF_NO_BWRAP(true);
    // Each probe starts bwrap (several ms); the answer is remembered.
    SandboxLimits limits;
    limits.isolation = SandboxIsolation::Required;
    QVERIFY(Sandbox::isolationStatus(limits).isolated);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 50; ++i)
        QVERIFY(Sandbox::isolationStatus(limits).isolated);
    QVERIFY2(timer.elapsed() < 100, qPrintable(QStringLiteral("50 status calls took %1 ms").arg(timer.elapsed())));
}

void TstSandbox::bwrapFailuresAreStartFailures()
{
    SKIP_IF_NO_BWRAP(true);
    // bwrap exits 1 with "bwrap: …" when it cannot build the sandbox: a
    // start failure with its sentence, not "the renderer exited with 1".
    auto request = probe({QStringLiteral("exit"), QStringLiteral("0")}, true);
    request.limits.readOnlyPaths = {QStringLiteral("/nonexistent/fonts")};
    const auto result = Sandbox::run(request);
    QCOMPARE(sandboxOutcomeName(result.outcome), sandboxOutcomeName(Outcome::StartFailed));
    QVERIFY2(result.error.contains(QStringLiteral("could not be started in the bubblewrap sandbox: bwrap: "))
                 && result.error.contains(QStringLiteral("/nonexistent/fonts")),
             qPrintable(result.error));

    // An extra read-only path the renderer needs is visible (and read-only).
    QTemporaryDir extra;
    QVERIFY(extra.isValid());
    QFile shared(extra.filePath(QStringLiteral("shared.txt")));
    QVERIFY(shared.open(QIODevice::WriteOnly));
    shared.write("shared read-only\n");
    shared.close();
    auto reads = probe({QStringLiteral("open"), shared.fileName()}, true);
    reads.limits.readOnlyPaths = {extra.path()};
    const auto read = Sandbox::run(reads);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(read.standardOutput, QByteArray("opened\nshared read-only\n"));
    auto writes = probe({QStringLiteral("make"), extra.filePath(QStringLiteral("new.txt"))}, true);
    writes.limits.readOnlyPaths = {extra.path()};
    QCOMPARE(Sandbox::run(writes).exitCode, 3);
}

namespace {

// slidespec-cli renders slide 1 of the minimal deck (Inter text) to a
// 320 px PNG in the sandbox: the PNG's bytes (empty if none) and the result.
QByteArray renderMinimalDeck(bool isolated, SandboxResult *result)
{
    QTemporaryDir out;
    SandboxRequest request;
    request.program = QStringLiteral(SLIDESPEC_CLI_PATH);
    request.inputs = {{QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/format/minimal-deck.json"), QStringLiteral("deck.json")}};
    request.arguments = {QStringLiteral("render"), QStringLiteral("deck.json"), QStringLiteral("slide.png"),
                         QStringLiteral("--slide"), QStringLiteral("1"), QStringLiteral("--width"),
                         QStringLiteral("320")};
    request.outputs = {QStringLiteral("slide.png")};
    request.outputDirectory = out.path();
    request.limits.isolation = isolated ? SandboxIsolation::Required : SandboxIsolation::Off;
    *result = Sandbox::run(request);
    QFile png(out.filePath(QStringLiteral("slide.png")));
    return png.open(QIODevice::ReadOnly) ? png.readAll() : QByteArray();
}

} // namespace

void TstSandbox::isolationOverhead()
{
    SKIP_IF_NO_BWRAP(true);
    // What bubblewrap adds to a trivial run and to a real one-slide render
    // (docs/queue.md, "The sandbox"): medians, runs alternating.
    auto median = [](QList<qint64> times) {
        std::sort(times.begin(), times.end());
        return double(times.at(times.size() / 2)) / 1000.0;
    };
    for (const bool cli : {false, true}) {
        const int runs = cli ? 11 : 31;
        QList<qint64> times[2];
        for (int i = 0; i < runs; ++i) {
            for (const bool isolated : {false, true}) {
                QElapsedTimer timer;
                timer.start();
                SandboxResult result;
                if (cli)
                    renderMinimalDeck(isolated, &result);
                else
                    result = Sandbox::run(probe({QStringLiteral("exit"), QStringLiteral("0")}, isolated));
                times[isolated ? 1 : 0].append(timer.nsecsElapsed() / 1000);
                QVERIFY2(result.ok(), qPrintable(result.error));
            }
        }
        const double plain = median(times[0]);
        const double bwrap = median(times[1]);
        qInfo("%s, median of %d: %.1f ms without isolation, %.1f ms in bubblewrap (+%.1f ms)",
              cli ? "slidespec-cli render of one slide" : "trivial probe", runs, plain, bwrap, bwrap - plain);
    }
}


void TstSandbox::realCliRendersInTheSandbox()
{
    QFETCH(bool, isolated);
    SKIP_IF_NO_BWRAP(isolated);
    // The renderer the workers will run, with the default limits, an empty
    // environment and only the deck: a PNG comes out.
    SandboxResult result;
    const QByteArray png = renderMinimalDeck(isolated, &result);
    QVERIFY2(result.ok(), qPrintable(result.error + QLatin1Char('\n') + QString::fromUtf8(result.standardError)));
    QCOMPARE(result.isolated, isolated);
    QVERIFY(png.startsWith("\x89PNG"));
    QVERIFY2(!result.standardError.contains("ontconfig"), result.standardError.constData());
    qInfo("slidespec-cli render in the sandbox (%s): %lld ms wall, %lld ms CPU, %lld MiB peak RSS",
          isolated ? "bubblewrap" : "no isolation", static_cast<long long>(result.wallTime.count()),
          static_cast<long long>(result.cpuTime.count()),
          static_cast<long long>(result.maxRssKiB / 1024));
    if (isolated) {
        // Same fonts, same pixels: what bubblewrap shows of the system is
        // all the renderer needs.
        SandboxResult plain;
        QCOMPARE(renderMinimalDeck(false, &plain), png);
    }
}

QTEST_GUILESS_MAIN(TstSandbox)
#include "tst_sandbox.moc"
