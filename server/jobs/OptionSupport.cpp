#include "OptionSupport.h"

#include "PrinterClient.h"

#include <QJsonArray>

namespace {

const char* English(const QString& option)
{
    if (option == QLatin1String("sides"))
        return "two-sided printing";
    if (option == QLatin1String("colorMode"))
        return "colour printing";
    return "that many copies";
}

OptionRefusal make(const QString& option, const QJsonValue& value, const QString& printer,
                   const QJsonValue& supported)
{
    OptionRefusal r{option, value, printer, supported, {}};
    r.message = option == QLatin1String("copies")
                    ? QStringLiteral("%1 prints at most %2 copies at a time. The job is still held.")
                          .arg(printer)
                          .arg(supported.toInt())
                    : QStringLiteral("%1 cannot do %2 (%3). Choose other options or another printer; the "
                                     "job is still held.")
                          .arg(printer, QLatin1String(English(option)), value.toString());
    return r;
}

} // namespace

QJsonObject OptionRefusal::fields() const
{
    return {{QStringLiteral("option"), option},
            {QStringLiteral("value"), value},
            {QStringLiteral("printer"), printer},
            {QStringLiteral("supported"), supported}};
}

StateReason OptionRefusal::reason() const
{
    return {QStringLiteral("option-unsupported"), fields(), message};
}

std::optional<OptionRefusal> OptionSupport::check(const PrintOptions& options, const PrinterStatus& status,
                                                  const QString& printer, bool colourAsked)
{
    if (!status.capabilitiesKnown)
        return std::nullopt;
    if (!status.sides.contains(options.sides))
        return make(QStringLiteral("sides"), options.sides, printer,
                    QJsonArray::fromStringList(status.sides));
    if (colourAsked && options.colorMode == QLatin1String("color") && !status.printsColor()) {
        QStringList modes = status.colorModes;
        if (modes.isEmpty())
            modes << QStringLiteral("monochrome");
        return make(QStringLiteral("colorMode"), options.colorMode, printer,
                    QJsonArray::fromStringList(modes));
    }
    if (options.copies > status.copiesMax)
        return make(QStringLiteral("copies"), options.copies, printer, status.copiesMax);
    return std::nullopt;
}

std::optional<OptionRefusal> OptionSupport::fromUnsupported(const QStringList& unsupported,
                                                            const PrintOptions& options,
                                                            const PrinterStatus& status,
                                                            const QString& printer)
{
    const auto supportedOr = [&](const QStringList& list, const QString& fallback) {
        return QJsonArray::fromStringList(list.isEmpty() ? QStringList{fallback} : list);
    };
    if (unsupported.contains(QLatin1String("sides")))
        return make(QStringLiteral("sides"), options.sides, printer,
                    supportedOr(status.capabilitiesKnown ? status.sides : QStringList{},
                                QStringLiteral("one-sided")));
    if (unsupported.contains(QLatin1String("print-color-mode")))
        return make(QStringLiteral("colorMode"), options.colorMode, printer,
                    supportedOr(status.capabilitiesKnown ? status.colorModes : QStringList{},
                                QStringLiteral("monochrome")));
    if (unsupported.contains(QLatin1String("copies")))
        return make(QStringLiteral("copies"), options.copies, printer,
                    status.capabilitiesKnown ? status.copiesMax : 1);
    return std::nullopt;
}
