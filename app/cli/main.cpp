// SPDX-License-Identifier: GPL-3.0-or-later
//
// slidespec-cli: validate, render, export and inspect slide specs from the
// command line. A thin layer over Slidespec::Core; see `slidespec-cli help`.
//
// Exit codes: 0 fine, 1 validation errors found, 2 bad input or usage,
// 3 the output could not be written (or the user cancelled).

#include "components/componentlibrary.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "pptx/pptxwriter.h"
#include "render/deckexport.h"
#include "render/sliderenderer.h"
#include "text/fontresolver.h"
#include "text/textlayout.h"
#include "validation/validator.h"

#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <optional>

using namespace slidespec;

namespace {

enum ExitCode { ExitOk = 0, ExitIssues = 1, ExitBadInput = 2, ExitOutputFailed = 3 };

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

struct Command
{
    const char *name;
    const char *synopsis;
    const char *summary;
};

const Command kCommands[] = {
    {"validate", "validate DECK.json [--slide N] [--format text|json] [--fix OUT.json]",
     "Checks a deck: overlaps, off-slide and safe margins, text overflow, contrast (WCAG 2.x, APCA as information),\n"
     "minimum font size, alt text, slide titles, brand colours and fonts. Exit code 1 when errors are found."},
    {"render", "render DECK.json OUT [--width PX] [--slide N] [--overwrite]",
     "Renders slides to PNG. OUT is a folder (files DECK-01.png, …) or a file name ending in .png for one slide."},
    {"export", "export DECK.json OUT.pptx|OUT.pdf [--overwrite]",
     "Exports the deck to PowerPoint or PDF, chosen by OUT's extension. Text that overflows its box is shrunk to fit."},
    {"info", "info DECK.json [--format text|json]",
     "Prints the deck's title, size, brand kit, slides and element counts."},
    {"schema", "schema",
     "Prints the JSON Schema of the spec format (version 1)."},
};

void printUsage(QTextStream &s)
{
    s << "Usage: slidespec-cli COMMAND [OPTIONS]\n\nCommands:\n";
    for (const Command &c : kCommands)
        s << "  " << QString::fromLatin1(c.synopsis) << '\n';
    s << "  help [COMMAND]\n\n"
         "Run 'slidespec-cli help COMMAND' for details.\n"
         "Exit codes: 0 fine, 1 validation errors found, 2 bad input or usage, 3 output not written.\n";
}

/*! The shared machinery every command uses. */
struct Core
{
    explicit Core(const QString &baseDir)
        : text(&fonts), assets(baseDir)
    {}

    FontResolver fonts;
    TextLayoutEngine text;
    AssetStore assets;
    const ComponentLibrary &components = ComponentLibrary::builtin();
};

class Cli
{
public:
    explicit Cli(QStringList args)
        : m_args(std::move(args))
    {}

    int run()
    {
        if (m_args.size() < 2) {
            printUsage(err());
            return ExitBadInput;
        }
        const QString command = m_args.at(1);
        if (command == QLatin1String("help") || command == QLatin1String("--help") || command == QLatin1String("-h")) {
            if (m_args.size() > 2)
                return help(m_args.at(2));
            printUsage(out());
            return ExitOk;
        }
        if (command == QLatin1String("--version")) {
            out() << "slidespec-cli " << QStringLiteral(SLIDESPEC_VERSION) << '\n';
            return ExitOk;
        }
        const Command *c = find(command);
        if (!c) {
            err() << "slidespec-cli: unknown command '" << command << "'\n\n";
            printUsage(err());
            return ExitBadInput;
        }
        QCommandLineParser parser;
        parser.setApplicationDescription(QString::fromLatin1(c->summary));
        parser.addHelpOption();
        parser.addOption({QStringLiteral("format"), QStringLiteral("Output format: text or json."), QStringLiteral("format"), QStringLiteral("text")});
        parser.addOption({QStringLiteral("slide"), QStringLiteral("Only slide N (1-based)."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("width"), QStringLiteral("PNG width in pixels (default 1280)."), QStringLiteral("px"), QStringLiteral("1280")});
        parser.addOption({{QStringLiteral("overwrite"), QStringLiteral("f")}, QStringLiteral("Replace existing output files.")});
        parser.addOption({QStringLiteral("fix"), QStringLiteral("Apply every automatic fix and write the fixed deck to FILE."), QStringLiteral("file")});
        parser.addOption({{QStringLiteral("quiet"), QStringLiteral("q")}, QStringLiteral("No progress on stderr.")});
        QStringList args = m_args;
        args.removeAt(1);
        if (!parser.parse(args)) {
            err() << "slidespec-cli " << command << ": " << parser.errorText() << '\n';
            return ExitBadInput;
        }
        if (parser.isSet(QStringLiteral("help")))
            return help(command);
        const QString format = parser.value(QStringLiteral("format"));
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            err() << "slidespec-cli: --format is 'text' or 'json', not '" << format << "'\n";
            return ExitBadInput;
        }
        m_json = format == QLatin1String("json");
        m_quiet = parser.isSet(QStringLiteral("quiet"));
        m_overwrite = parser.isSet(QStringLiteral("overwrite"));
        const QStringList positional = parser.positionalArguments();

        if (command == QLatin1String("schema"))
            return schema();
        const int needed = (command == QLatin1String("render") || command == QLatin1String("export")) ? 2 : 1;
        if (positional.size() != needed) {
            err() << "slidespec-cli " << command << ": expected " << needed
                  << (needed == 1 ? " argument" : " arguments") << "\nUsage: slidespec-cli "
                  << QString::fromLatin1(c->synopsis) << '\n';
            return ExitBadInput;
        }
        if (!loadDeck(positional.at(0)))
            return ExitBadInput;
        if (parser.isSet(QStringLiteral("slide"))) {
            bool ok = false;
            const int n = parser.value(QStringLiteral("slide")).toInt(&ok);
            if (!ok || n < 1 || n > m_deck->slides.size()) {
                err() << "slidespec-cli: --slide must be from 1 to " << m_deck->slides.size() << '\n';
                return ExitBadInput;
            }
            m_slide = n - 1;
        }
        if (command == QLatin1String("validate"))
            return validate(parser.value(QStringLiteral("fix")));
        if (command == QLatin1String("info"))
            return info();
        if (command == QLatin1String("render")) {
            bool ok = false;
            const int width = parser.value(QStringLiteral("width")).toInt(&ok);
            if (!ok || width < 16 || width > 16384) {
                err() << "slidespec-cli: --width must be from 16 to 16384 pixels\n";
                return ExitBadInput;
            }
            return render(positional.at(1), width);
        }
        return exportDeck(positional.at(1));
    }

private:
    static const Command *find(const QString &name)
    {
        for (const Command &c : kCommands) {
            if (name == QLatin1String(c.name))
                return &c;
        }
        return nullptr;
    }

    int help(const QString &name)
    {
        const Command *c = find(name);
        if (!c) {
            err() << "slidespec-cli: no help for unknown command '" << name << "'\n";
            return ExitBadInput;
        }
        out() << "Usage: slidespec-cli " << QString::fromLatin1(c->synopsis) << "\n\n" << QString::fromLatin1(c->summary) << "\n\n";
        out() << "Options:\n"
                 "  --format text|json  output format (validate, info)\n"
                 "  --slide N           only slide N, 1-based (validate, render)\n"
                 "  --width PX          PNG width in pixels, default 1280 (render)\n"
                 "  --overwrite, -f     replace existing output files (render, export)\n"
                 "  --fix FILE          apply automatic fixes, write the fixed deck to FILE (validate)\n"
                 "  --quiet, -q         no progress on stderr\n\n"
                 "Exit codes: 0 fine, 1 validation errors found, 2 bad input or usage, 3 output not written.\n";
        return ExitOk;
    }

    bool loadDeck(const QString &fileName)
    {
        SpecResult<Deck> result = SpecJson::readDeckFile(fileName);
        for (const SpecError &w : result.warnings)
            err() << "warning: " << w.toString() << '\n';
        if (!result.ok()) {
            if (m_json) {
                nlohmann::json errors = nlohmann::json::array();
                for (const SpecError &e : result.errors) {
                    errors.push_back({{"file", e.file.toStdString()}, {"line", e.line}, {"column", e.column},
                                      {"path", e.path.toStdString()}, {"message", e.message.toStdString()}});
                }
                out() << QString::fromUtf8(SpecJson::dump(nlohmann::json{{"errors", errors}}));
            }
            err() << result.errorString() << '\n';
            err() << "The deck was not loaded. Fix the problems above (file:line:column or JSON path) and run again.\n";
            return false;
        }
        m_deck = std::move(result.value);
        m_deckFile = fileName;
        m_core = std::make_unique<Core>(QFileInfo(fileName).absolutePath());
        return true;
    }

    ExportProgress progress(const QString &what)
    {
        if (m_quiet)
            return {};
        return [what](int done, int total) {
            if (total >= 10 || done == total)
                err() << "\r" << what << ' ' << done << '/' << total << (done == total ? "\n" : "") << Qt::flush;
            return true;
        };
    }

    bool mayWrite(const QString &fileName)
    {
        if (!m_overwrite && QFileInfo::exists(fileName)) {
            err() << "slidespec-cli: " << fileName << " exists; pass --overwrite to replace it\n";
            return false;
        }
        return true;
    }

    int validate(const QString &fixFile)
    {
        const Validator validator(m_core->components, m_core->text, m_core->assets);
        QVector<Issue> issues = m_slide >= 0 ? validator.validateSlide(*m_deck, m_slide) : validator.validateDeck(*m_deck);

        if (!fixFile.isEmpty()) {
            if (!mayWrite(fixFile))
                return ExitOutputFailed;
            Deck fixed = *m_deck;
            int applied = 0;
            // Fixes can move things; apply one at a time and validate again.
            for (int round = 0; round < 8; ++round) {
                const QVector<Issue> current = validator.validateDeck(fixed);
                bool changed = false;
                for (const Issue &issue : current) {
                    if (issue.fix && applyFix(fixed, issue)) {
                        ++applied;
                        changed = true;
                    }
                }
                if (!changed)
                    break;
            }
            QString error;
            if (!SpecJson::writeFileAtomically(fixFile, SpecJson::writeDeck(fixed), &error)) {
                err() << error << '\n';
                return ExitOutputFailed;
            }
            err() << "applied " << applied << " fixes; wrote " << fixFile << '\n';
            issues = m_slide >= 0 ? validator.validateSlide(fixed, m_slide) : validator.validateDeck(fixed);
        }

        int errors = 0, warnings = 0, infos = 0;
        for (const Issue &i : issues) {
            errors += i.severity == Severity::Error;
            warnings += i.severity == Severity::Warning;
            infos += i.severity == Severity::Info;
        }
        if (m_json) {
            out() << issuesToJson(issues);
        } else {
            for (const Issue &i : issues) {
                if (i.severity == Severity::Info)
                    continue;
                out() << "slide " << (i.slideIndex + 1) << " (" << i.slideId << ") " << severityName(i.severity)
                      << " [" << i.ruleId << "]";
                if (!i.elementIds.isEmpty())
                    out() << " " << i.elementIds.join(QStringLiteral(", "));
                out() << ": " << i.message;
                if (i.fix)
                    out() << " (fix: " << i.fix->description << ")";
                out() << '\n';
            }
            out() << errors << " errors, " << warnings << " warnings, " << infos << " notes\n";
        }
        return errors > 0 ? ExitIssues : ExitOk;
    }

    int info()
    {
        const Deck &d = *m_deck;
        int elements = 0;
        for (const Slide &s : d.slides)
            elements += int(s.elements.size());
        if (m_json) {
            nlohmann::json slides = nlohmann::json::array();
            for (const Slide &s : d.slides) {
                slides.push_back({{"id", s.id.toStdString()}, {"title", s.title().toStdString()},
                                  {"layout", s.layout.toStdString()}, {"elements", s.elements.size()},
                                  {"hidden", s.hidden}, {"hasNotes", !s.notes.isEmpty()}});
            }
            const nlohmann::json j = {{"id", d.id.toStdString()}, {"title", d.title.toStdString()},
                                      {"width", d.size.width()}, {"height", d.size.height()},
                                      {"brand", d.brand.name.isEmpty() ? d.brand.id.toStdString() : d.brand.name.toStdString()},
                                      {"slides", slides}, {"elements", elements}, {"assets", d.assets.size()}};
            out() << QString::fromUtf8(SpecJson::dump(j));
            return ExitOk;
        }
        out() << "title:   " << d.title << '\n'
              << "id:      " << d.id << '\n'
              << "size:    " << d.size.width() << " x " << d.size.height() << " pt\n"
              << "brand:   " << (d.brand.name.isEmpty() ? d.brand.id : d.brand.name)
              << (d.brandRef.isEmpty() ? QString() : QStringLiteral(" (") + d.brandRef + u')') << '\n'
              << "slides:  " << d.slides.size() << " (" << elements << " elements, " << d.assets.size() << " assets)\n";
        for (int i = 0; i < d.slides.size(); ++i) {
            const Slide &s = d.slides.at(i);
            out() << QStringLiteral("  %1. %2").arg(i + 1, 2).arg(s.title().isEmpty() ? QStringLiteral("(no title)") : s.title())
                  << "  [" << s.id << (s.layout.isEmpty() ? QString() : u", " + s.layout) << ", " << s.elements.size()
                  << " elements" << (s.hidden ? ", hidden" : "") << "]\n";
        }
        return ExitOk;
    }

    int render(const QString &target, int width)
    {
        const SlideRenderer renderer(m_core->components, m_core->text, m_core->assets);
        RenderOptions options;
        options.fitOverflowingText = true;
        const bool fileTarget = target.endsWith(QLatin1String(".png"), Qt::CaseInsensitive);
        if (fileTarget && m_slide < 0 && m_deck->slides.size() != 1) {
            err() << "slidespec-cli render: a .png target takes one slide: pass --slide N, or give a folder\n";
            return ExitBadInput;
        }
        if (!fileTarget && !QDir().mkpath(target)) {
            err() << "slidespec-cli: cannot create the folder " << target << '\n';
            return ExitOutputFailed;
        }
        // Files in a folder are named after the deck file: DECK-01.png, DECK-02.png, …
        const QString pattern = QDir(target).filePath(QFileInfo(m_deckFile).completeBaseName() + QStringLiteral(".png"));
        if (fileTarget || m_slide >= 0) {
            const int index = std::max(0, m_slide);
            const QString fileName = fileTarget ? target : pngFileNames(*m_deck, pattern).value(index);
            if (!mayWrite(fileName))
                return ExitOutputFailed;
            const QImage image = renderer.renderSlide(*m_deck, index, width, options);
            QSaveFile file(fileName);
            if (image.isNull() || !file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
                err() << "slidespec-cli: cannot write " << fileName << ": " << file.errorString() << '\n';
                return ExitOutputFailed;
            }
            out() << fileName << '\n';
            return ExitOk;
        }
        if (!m_overwrite) {
            for (const QString &f : pngFileNames(*m_deck, pattern)) {
                if (!mayWrite(f))
                    return ExitOutputFailed;
            }
        }
        QString error;
        QStringList written;
        if (!exportPngs(renderer, *m_deck, pattern, width, &error, progress(QStringLiteral("rendering")), &written)) {
            err() << "slidespec-cli: " << error << '\n';
            return ExitOutputFailed;
        }
        for (const QString &f : written)
            out() << f << '\n';
        return ExitOk;
    }

    int exportDeck(const QString &target)
    {
        const QString suffix = QFileInfo(target).suffix().toLower();
        if (suffix != QLatin1String("pptx") && suffix != QLatin1String("pdf")) {
            err() << "slidespec-cli export: the target must end in .pptx or .pdf, not '" << target << "'\n";
            return ExitBadInput;
        }
        if (!mayWrite(target))
            return ExitOutputFailed;
        QString error;
        QElapsedTimer timer;
        timer.start();
        bool ok = false;
        if (suffix == QLatin1String("pptx")) {
            const PptxWriter writer(m_core->components, m_core->text, m_core->assets);
            QStringList warnings;
            ok = writer.writeFile(*m_deck, target, &error, progress(QStringLiteral("exporting")), &warnings);
            for (const QString &w : warnings)
                err() << "warning: " << w << '\n';
        } else {
            const SlideRenderer renderer(m_core->components, m_core->text, m_core->assets);
            ok = exportPdf(renderer, *m_deck, target, &error, progress(QStringLiteral("exporting")));
        }
        if (!ok) {
            err() << "slidespec-cli: " << error << '\n';
            return ExitOutputFailed;
        }
        if (!m_quiet)
            err() << "wrote " << target << " (" << m_deck->slides.size() << " slides, " << QFileInfo(target).size()
                  << " bytes) in " << timer.elapsed() << " ms\n";
        out() << target << '\n';
        return ExitOk;
    }

    int schema()
    {
        QFile file(QStringLiteral(":/slidespec/schema/slidespec.schema.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            err() << "slidespec-cli: the schema is not built into this binary\n";
            return ExitBadInput;
        }
        out() << QString::fromUtf8(file.readAll());
        return ExitOk;
    }

    QStringList m_args;
    std::optional<Deck> m_deck;
    QString m_deckFile;
    std::unique_ptr<Core> m_core;
    int m_slide = -1;
    bool m_json = false;
    bool m_quiet = false;
    bool m_overwrite = false;
};

/*! Drops Qt's note about XDG_RUNTIME_DIR on headless machines: noise for a
 *  command-line tool that never uses a runtime directory. */
void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
        return;
    err() << qFormatLogMessage(type, context, message) << '\n' << Qt::flush;
}

} // namespace

int main(int argc, char **argv)
{
    qInstallMessageHandler(messageHandler);
    // The CLI never needs a display: fonts and painting work offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("slidespec-cli"));
    QGuiApplication::setApplicationVersion(QStringLiteral(SLIDESPEC_VERSION));
    const int code = Cli(QGuiApplication::arguments()).run();
    out().flush();
    err().flush();
    return code;
}
