// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "format/specjson.h"
#include "model/deck.h"

#include <QSizeF>
#include <QString>
#include <QVector>

#include <memory>

namespace slidespec {

/*! \brief One parameter of a component (text, colour, image, …). */
struct ComponentParam
{
    QString name;          //!< key in Element::params
    QString label;         //!< shown in the inspector
    QString type;          //!< "text", "multiline", "color", "image", "font"
    QString defaultValue;  //!< used when the instance does not set it
};

/*! \brief A component definition loaded from `resources/components/ID.json`. */
struct ComponentDef
{
    QString id;
    QString name;
    QString description;
    QString category;
    QSizeF defaultSize;
    QVector<ComponentParam> params;
    QString defaultRole;   //!< role given to new instances, e.g. "title"
    QString titleParam;    //!< the parameter that holds the slide title, if any

    const ComponentParam *param(const QString &name) const;

private:
    friend class ComponentLibrary;
    std::shared_ptr<const void> m_template; //!< parsed parts, private to the library
};

/*!
 * \brief The component library: definitions as data, expanded to primitives.
 *
 * A component instance (ElementKind::Component) stays one element in the
 * document; expand() turns it into text, shape and image primitives for the
 * renderer, the validator and the exporters. Parts' geometry is relative to
 * the instance frame, so a resized card lays out its parts again; colours
 * and fonts default to brand tokens, so the kit restyles them.
 */
class ComponentLibrary
{
public:
    ComponentLibrary();
    ~ComponentLibrary();
    ComponentLibrary(ComponentLibrary &&) noexcept;
    ComponentLibrary &operator=(ComponentLibrary &&) noexcept;

    /*! The library built into the core (resources/components, via Qt resources). */
    static const ComponentLibrary &builtin();

    /*! Loads every `*.json` in \a dir; errors name the file and JSON path. */
    static SpecResult<ComponentLibrary> loadDirectory(const QString &dir);

    const ComponentDef *find(const QString &id) const;
    const QVector<ComponentDef> &components() const { return m_components; }

    /*!
     * The primitives of \a instance in slide coordinates, in paint order, ids
     * `INSTANCE/PART`. The instance's rotation is not applied: callers rotate
     * the parts as one about the instance's centre, as for a group.
     * An unknown component yields no parts and sets \a error. A parameter
     * value that does not suit its type (a colour that is not a colour, an
     * image that is not `asset:`/`data:`) is replaced by the default: the
     * parts are still returned and \a error names the value (a warning).
     */
    QVector<Element> expand(const Element &instance, QString *error = nullptr) const;

    /*! A new instance of \a componentId with default parameters, role and size,
     *  its top-left at \a topLeft. */
    std::optional<Element> instantiate(const QString &componentId, const QString &elementId,
                                       QPointF topLeft = {}) const;

private:
    /*! Loads every valid file of \a dir; \a errors collects the others. */
    static ComponentLibrary loadLenient(const QString &dir, QVector<SpecError> &errors);

    QVector<ComponentDef> m_components;
};

/*! All errors of a component load, one per line. */
template<>
QString SpecResult<ComponentLibrary>::errorString() const;

} // namespace slidespec
