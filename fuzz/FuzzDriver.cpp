// Standalone driver for the fuzz harnesses in the default (non-libFuzzer) build: runs every file named
// on the command line, or every file under each directory named, through LLVMFuzzerTestOneInput once.
// This is what `make test` runs; the real fuzzing uses libFuzzer's own main (MPS_FUZZ=ON, clang). As
// libFuzzer does by default, it fails an input after which the process's peak RSS is over 2048 MB.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/resource.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

/// Optional: a harness whose set-up runs background threads (the IPP harness's JobService renders
/// thumbnails on its own thread) tears it down here, before static destruction has removed what those
/// threads use (Poppler's and fontconfig's globals).
extern "C" __attribute__((weak)) void MpsFuzzCleanup();

namespace {

/// libFuzzer's default -rss_limit_mb: an input that takes the process past it is a finding there too.
constexpr long RssLimitMb = 2048;

long peakRssMb()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

bool runFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return false;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A copy of exactly the input's size, so that AddressSanitizer (MPS_SANITIZE) sees overreads.
    std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
    static bool over = false; // the peak stays: only the input that took it over is named
    if (const long peak = peakRssMb(); !over && peak > RssLimitMb) {
        over = true;
        std::fprintf(stderr,
                     "%s: the process's peak RSS is %ld MB, over libFuzzer's default limit of %ld MB\n",
                     path.c_str(), peak, RssLimitMb);
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path p(argv[i]);
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(p, ec))
                if (e.is_regular_file() && e.path().filename().string().rfind('.', 0) != 0)
                    files.push_back(e.path());
        } else if (std::filesystem::exists(p, ec)) {
            files.push_back(p);
        }
    }
    std::sort(files.begin(), files.end());
    int failed = 0;
    for (const auto& f : files)
        if (!runFile(f))
            ++failed;
    if (MpsFuzzCleanup)
        MpsFuzzCleanup();
    std::printf("%s: ran %zu inputs\n", argc > 0 ? argv[0] : "fuzz", files.size());
    return failed == 0 && !files.empty() ? 0 : 1;
}
