// SPDX-License-Identifier: GPL-3.0-or-later
// The renderer sandbox against a real misbehaving program
// (queue_helpers/sandbox_probe) and the real slidespec-cli.
#include "sandbox/sandbox.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <thread>

#include <sys/types.h>
#include <unistd.h>

using namespace slidespec::server;
using Outcome = SandboxResult::Outcome;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(SandboxResult::Outcome)

namespace {

SandboxRequest probe(const QStringList &arguments)
{
    SandboxRequest r;
    r.program = QStringLiteral(SANDBOX_PROBE_PATH);
    r.arguments = arguments;
    r.limits.wallTimeout = 10s;
    r.limits.cpuTime = 10s;
    r.limits.addressSpaceBytes = 256LL << 20;
    r.limits.fileSizeBytes = 8LL << 20;
    return r;
}

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
    void timeoutKillsTheProcessGroup();
    void memoryHogIsStoppedAtTheLimit();
    void environmentIsEmptyAndFolderPrivate();
    void onlyTheInputsAndStandardStreams();
    void cancelKillsWithinASecond();
    void outputIsCapped();
    void outputsAreMovedOut();
    void badRequestsFailClearly_data();
    void badRequestsFailClearly();
    void realCliRendersInTheSandbox();
};

void TstSandbox::outcomes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("errorMentions");

    QTest::newRow("exit 0 is ok") << QStringList{"exit", "0"} << Outcome::Exited << 0 << 0 << QString();
    QTest::newRow("exit 3 is an error naming the status")
        << QStringList{"exit", "3"} << Outcome::Exited << 3 << 0 << QStringLiteral("exited with status 3");
    QTest::newRow("SIGSEGV is a crash naming the signal")
        << QStringList{"crash"} << Outcome::Crashed << -1 << int(SIGSEGV) << QStringLiteral("crashed (signal 11");
    QTest::newRow("a hang hits the wall-clock timeout")
        << QStringList{"hang"} << Outcome::TimedOut << -1 << int(SIGKILL) << QStringLiteral("did not finish within");
    QTest::newRow("a busy loop hits the CPU limit")
        << QStringList{"spin"} << Outcome::CpuLimit << -1 << -1 << QStringLiteral("CPU time");
    QTest::newRow("a 64 MiB file hits the 8 MiB file-size limit")
        << QStringList{"write", "64"} << Outcome::FileSizeLimit << -1 << int(SIGXFSZ)
        << QStringLiteral("larger than 8 MiB");
}

void TstSandbox::outcomes()
{
    QFETCH(QStringList, arguments);
    QFETCH(Outcome, outcome);
    QFETCH(int, exitCode);
    QFETCH(int, signal);
    QFETCH(QString, errorMentions);

    auto request = probe(arguments);
    // The hang gets a short wall clock; the others have room (the CPU
    // limit counts CPU seconds, which a loaded machine hands out slowly).
    request.limits.wallTimeout = arguments.first() == QLatin1String("hang") ? 1500ms : 20000ms;
    request.limits.cpuTime = 1s;
    QElapsedTimer timer;
    timer.start();
    const auto result = Sandbox::run(request);
    QCOMPARE(sandboxOutcomeName(result.outcome), sandboxOutcomeName(outcome));
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
}

void TstSandbox::timeoutKillsTheProcessGroup()
{
    // The probe forks a grandchild that sleeps forever and prints its pid:
    // the timeout must take it too.
    auto request = probe({QStringLiteral("fork-hang")});
    request.limits.wallTimeout = 500ms;
    const auto result = Sandbox::run(request);
    QCOMPARE(sandboxOutcomeName(result.outcome), sandboxOutcomeName(Outcome::TimedOut));
    const pid_t grandchild = pid_t(result.standardOutput.trimmed().toInt());
    QVERIFY2(grandchild > 0, result.standardOutput.constData());
    // Killed at once; reaped by init shortly after.
    QTRY_VERIFY_WITH_TIMEOUT(::kill(grandchild, 0) != 0, 2000);
}

void TstSandbox::memoryHogIsStoppedAtTheLimit()
{
    auto request = probe({QStringLiteral("alloc"), QStringLiteral("2048")});
    request.limits.addressSpaceBytes = 256LL << 20;
    const auto result = Sandbox::run(request);
    QCOMPARE(sandboxOutcomeName(result.outcome), sandboxOutcomeName(Outcome::MemoryLimit));
    QVERIFY2(result.error.contains(QStringLiteral("256 MiB")), qPrintable(result.error));
    QVERIFY2(!result.standardOutput.contains("allocated"), "the allocation must not have succeeded");
    QVERIFY2(result.maxRssKiB < 300 * 1024, qPrintable(QString::number(result.maxRssKiB)));

    // The same program under a limit it fits in succeeds.
    auto fits = probe({QStringLiteral("alloc"), QStringLiteral("64")});
    fits.limits.addressSpaceBytes = 256LL << 20;
    const auto ok = Sandbox::run(fits);
    QVERIFY2(ok.ok(), qPrintable(ok.error));
}

void TstSandbox::environmentIsEmptyAndFolderPrivate()
{
    auto request = probe({QStringLiteral("env")});
    request.environment = {{QStringLiteral("SLIDESPEC_JOB"), QStringLiteral("42")}};
    qputenv("SLIDESPEC_SECRET_FOR_TEST", "must-not-leak");
    const auto result = Sandbox::run(request);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QMap<QString, QString> env;
    for (const auto &line : lines(result.standardOutput))
        env.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
    const QString cwd = env.take(QStringLiteral("CWD"));
    QCOMPARE(QSet<QString>(env.keyBegin(), env.keyEnd()),
             (QSet<QString>{"HOME", "TMPDIR", "LANG", "QT_QPA_PLATFORM", "SLIDESPEC_JOB"}));
    QCOMPARE(env.value("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QCOMPARE(env.value("SLIDESPEC_JOB"), QStringLiteral("42"));
    QCOMPARE(env.value("HOME"), cwd);
    QCOMPARE(env.value("TMPDIR"), cwd + QStringLiteral("/tmp"));
    QVERIFY2(QFileInfo(cwd).fileName().startsWith(QStringLiteral("slidespec-sandbox-")), qPrintable(cwd));
    QVERIFY2(!QFileInfo::exists(cwd), "the private folder is removed afterwards");

    const auto mode = Sandbox::run(probe({QStringLiteral("mode")}));
    QCOMPARE(mode.standardOutput.trimmed(), QByteArray("700"));
}

void TstSandbox::onlyTheInputsAndStandardStreams()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile input(dir.filePath(QStringLiteral("source.json")));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write("{\"deck\": true}\n");
    input.close();
    QFile other(dir.filePath(QStringLiteral("other-secret.txt")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();

    auto ls = probe({QStringLiteral("ls")});
    ls.inputs = {{input.fileName(), QStringLiteral("deck.json")}};
    const auto listing = Sandbox::run(ls);
    QVERIFY2(listing.ok(), qPrintable(listing.error));
    auto names = lines(listing.standardOutput);
    names.sort();
    QCOMPARE(names, (QStringList{"deck.json", "tmp"}));

    auto cat = probe({QStringLiteral("cat"), QStringLiteral("{work}/deck.json")});
    cat.inputs = ls.inputs;
    QCOMPARE(Sandbox::run(cat).standardOutput, QByteArray("{\"deck\": true}\n"));

    // Only stdin, stdout and stderr are open in the child, whatever the parent has open.
    QFile held(input.fileName());
    QVERIFY(held.open(QIODevice::ReadOnly));
    const auto fds = Sandbox::run(probe({QStringLiteral("fds")}));
    auto open = lines(fds.standardOutput);
    open.sort();
    QCOMPARE(open, (QStringList{"0", "1", "2"}));
}

void TstSandbox::cancelKillsWithinASecond()
{
    std::atomic<bool> cancel{false};
    auto request = probe({QStringLiteral("hang")});
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
    auto request = probe({QStringLiteral("spam"), QStringLiteral("20")});
    request.limits.outputCapBytes = 64 * 1024;
    const auto result = Sandbox::run(request);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.standardOutput.size(), 64 * 1024);
    QVERIFY(result.outputTruncated);
}

void TstSandbox::outputsAreMovedOut()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    auto request = probe({QStringLiteral("make"), QStringLiteral("result.txt")});
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

void TstSandbox::realCliRendersInTheSandbox()
{
    // The renderer the workers will run, with the default limits, an empty
    // environment and only the deck: a PNG comes out.
    QTemporaryDir out;
    QVERIFY(out.isValid());
    SandboxRequest request;
    request.program = QStringLiteral(SLIDESPEC_CLI_PATH);
    request.inputs = {{QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/format/minimal-deck.json"), QStringLiteral("deck.json")}};
    request.arguments = {QStringLiteral("render"), QStringLiteral("deck.json"), QStringLiteral("slide.png"),
                         QStringLiteral("--slide"), QStringLiteral("1"), QStringLiteral("--width"),
                         QStringLiteral("320")};
    request.outputs = {QStringLiteral("slide.png")};
    request.outputDirectory = out.path();
    const auto result = Sandbox::run(request);
    QVERIFY2(result.ok(), qPrintable(result.error + QLatin1Char('\n') + QString::fromUtf8(result.standardError)));
    QFile png(out.filePath(QStringLiteral("slide.png")));
    QVERIFY(png.open(QIODevice::ReadOnly));
    QVERIFY(png.read(8).startsWith("\x89PNG"));
    qInfo("slidespec-cli render in the sandbox: %lld ms wall, %lld ms CPU, %lld MiB peak RSS",
          static_cast<long long>(result.wallTime.count()), static_cast<long long>(result.cpuTime.count()),
          static_cast<long long>(result.maxRssKiB / 1024));
}

QTEST_GUILESS_MAIN(TstSandbox)
#include "tst_sandbox.moc"
