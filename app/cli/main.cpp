// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/specjson.h"

#include <QGuiApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    const auto result = slidespec::SpecJson::readDeckFile(args.at(1));
    QTextStream err(stderr);
    if (!result.ok()) {
        err << result.errorString() << '\n';
        return 2;
    }
    QTextStream(stdout) << result.value->slides.size() << " slides\n";
    return 0;
}
