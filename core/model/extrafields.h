// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <memory>

namespace slidespec {

/*!
 * \brief JSON members this build does not know, kept verbatim so that a file
 * written by a newer Slidespec loses nothing when an older one saves it.
 *
 * Shared and immutable: copying a model object copies a pointer.
 */
class ExtraFields
{
public:
    ExtraFields() = default;
    explicit ExtraFields(nlohmann::json object);

    bool isEmpty() const { return !m_object; }
    /*! The unknown members as a JSON object; only valid when !isEmpty(). */
    const nlohmann::json &object() const { return *m_object; }

    bool operator==(const ExtraFields &other) const;

private:
    std::shared_ptr<const nlohmann::json> m_object;
};

} // namespace slidespec
