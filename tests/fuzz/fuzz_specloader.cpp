// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the spec loader must answer any input with a deck or a
// clear error — never a crash, hang or unbounded allocation. A loaded deck
// must also survive a save → load round trip unchanged.
#include "format/specjson.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto first = slidespec::SpecJson::readDeck(input, QStringLiteral("fuzz.json"), QStringLiteral("/nonexistent"));
    if (first.ok() != first.errors.isEmpty())
        std::abort(); // a result is a value or errors, never both or neither
    if (!first.ok())
        return 0;
    const QByteArray saved = slidespec::SpecJson::writeDeck(*first.value);
    const auto second = slidespec::SpecJson::readDeck(saved, QStringLiteral("fuzz.json"), QStringLiteral("/nonexistent"));
    if (!second.ok() || !(*second.value == *first.value))
        std::abort();
    if (slidespec::SpecJson::writeDeck(*second.value) != saved)
        std::abort();
    return 0;
}
