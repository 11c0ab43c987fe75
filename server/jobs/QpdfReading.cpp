#include "QpdfReading.h"

#include "AllocationBudget.h"
#include "PdfPageTree.h"
#include "QpdfDeviceSource.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>

#include <cstring>
#include <optional>

QpdfReading::Outcome QpdfReading::run(QIODevice* device, std::size_t memoryLimit, double cpuSeconds,
                                      const std::function<void(QPDF&)>& work)
{
    const PdfPageTree::ReadSlot slot;
    AllocationBudget budget(memoryLimit, cpuSeconds);
    Outcome outcome;
    char why[256] = {};      // copied while the budget may be spent; a std::string is made after
    std::optional<QPDF> pdf; // destroyed after the scope
    {
        const AllocationBudget::Scope scope(budget);
        try {
            pdf.emplace();
            pdf->setSuppressWarnings(true);
            pdf->setAttemptRecovery(true);
            pdf->processInputSource(std::make_shared<QpdfDeviceSource>(device));
            work(*pdf);
        } catch (const QPDFExc& e) {
            outcome.locked = e.getErrorCode() == qpdf_e_password;
            std::strncpy(why, e.what(), sizeof why - 1);
        } catch (const std::exception& e) {
            std::strncpy(why, e.what(), sizeof why - 1);
        }
    }
    pdf.reset();
    outcome.exceeded = budget.exceeded();
    outcome.outOfMemory = budget.outOfMemory();
    outcome.error = why;
    return outcome;
}
