#pragma once
#include <QImage>
#include <sodium.h>
#include <utility>

/// Wipes a QImage's pixels now, unless another QImage still shares them.
inline void wipeImage(QImage& image)
{
    if (!image.isNull() && image.isDetached())
        sodium_memzero(image.bits(), static_cast<std::size_t>(image.sizeInBytes()));
}

/// Replaces `image` with `next` (a converted or scaled copy of it), wiping the pixels it leaves.
inline void replaceWiping(QImage& image, QImage next)
{
    wipeImage(image);
    image = std::move(next);
}

/// Wipes a QImage's pixels when the scope ends (however it ends), unless another QImage still shares them
/// (wiping would then detach and wipe a copy). A page Poppler renders is its own bitmap, handed over
/// without a copy: wiping it leaves no picture of the document in the free heap. Declare it after the
/// image, so that it runs first.
class WipeImageOnExit
{
public:
    explicit WipeImageOnExit(QImage& image) : m_image(image) {}
    ~WipeImageOnExit() { wipeImage(m_image); }
    WipeImageOnExit(const WipeImageOnExit&) = delete;
    WipeImageOnExit& operator=(const WipeImageOnExit&) = delete;

private:
    QImage& m_image;
};
