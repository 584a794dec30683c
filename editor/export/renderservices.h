// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/assetstore.h"
#include "text/fontresolver.h"
#include "text/textlayout.h"

#include <QString>

#include <memory>

namespace slidespec {

class ComponentLibrary;

/*!
 * \brief The services a renderer or writer needs, owned together so a
 * worker thread can hold them (through a shared pointer) for as long as it
 * runs, whatever the UI does to its own DocumentController meanwhile.
 *
 * Components come from ComponentLibrary::builtin(); images are resolved
 * relative to \a baseDir, the deck file's folder.
 */
struct RenderServices
{
    explicit RenderServices(const QString &baseDir);

    const ComponentLibrary &components;
    FontResolver fonts;
    TextLayoutEngine text;
    AssetStore assets;

    static std::shared_ptr<RenderServices> create(const QString &baseDir)
    {
        return std::make_shared<RenderServices>(baseDir);
    }
};

} // namespace slidespec
