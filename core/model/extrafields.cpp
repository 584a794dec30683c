// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/extrafields.h"

#include <nlohmann/json.hpp>

namespace slidespec {

ExtraFields::ExtraFields(nlohmann::json object)
{
    if (object.is_object() && !object.empty())
        m_object = std::make_shared<const nlohmann::json>(std::move(object));
}

bool ExtraFields::operator==(const ExtraFields &other) const
{
    if (!m_object || !other.m_object)
        return !m_object && !other.m_object;
    return m_object == other.m_object || *m_object == *other.m_object;
}

} // namespace slidespec
