// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/renderservices.h"

#include "components/componentlibrary.h"

namespace slidespec {

RenderServices::RenderServices(const QString &baseDir)
    : components(ComponentLibrary::builtin())
    , text(&fonts)
    , assets(baseDir)
{
}

} // namespace slidespec
