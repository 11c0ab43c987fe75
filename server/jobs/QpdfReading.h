#pragma once
#include <cstddef>
#include <functional>
#include <string>

class QIODevice;
class QPDF;

/// One reading of a PDF by qpdf within bounds: it holds a PdfPageTree::ReadSlot, opens the document on
/// a device and runs the caller's work on it under an AllocationBudget, and destroys qpdf's objects
/// after the budget's scope has ended (a destructor must not meet a spent budget).
class QpdfReading
{
public:
    /// How a reading went.
    struct Outcome
    {
        bool exceeded = false;    ///< the budget was spent (the work may have ended early, or not at all)
        bool outOfMemory = false; ///< ... by memory (else by CPU time)
        bool locked = false;      ///< qpdf cannot open the document without a password
        std::string error;        ///< what qpdf (or the work) threw, if it threw
    };

    /// Opens the PDF on `device` (open, readable, seekable; the document starts at offset 0), with qpdf's
    /// warnings suppressed and recovery on, and calls `work` with it; all of it within `memoryLimit`
    /// bytes of heap and `cpuSeconds` of the thread's CPU time. Moves the device position. Never throws.
    static Outcome run(QIODevice* device, std::size_t memoryLimit, double cpuSeconds,
                       const std::function<void(QPDF&)>& work);
};
