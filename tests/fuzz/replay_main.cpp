// Runs a fuzz target over stored inputs, for builds without libFuzzer (ctest runs it on the
// seed corpus and on every crash input kept as a regression). Each argument is a file or a
// directory of files; a missing directory holds none. The name of each input is printed
// before it runs, so that a crash names its input.
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

namespace {

std::vector<std::string> inputs(int argc, char** argv) {
  std::vector<std::string> out;
  for (int i = 1; i < argc; ++i) {
    if (fs::is_directory(argv[i])) {
      for (const auto& e : fs::directory_iterator(argv[i]))
        if (e.is_regular_file() && e.path().filename().string()[0] != '.') out.push_back(e.path().string());
    } else if (fs::exists(argv[i])) {
      out.push_back(argv[i]);
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const auto files = inputs(argc, argv);
  for (const auto& path : files) {
    std::printf("%s\n", path.c_str());
    std::fflush(stdout);
    std::ifstream in(path, std::ios::binary);
    const std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    try {
      LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    } catch (const std::exception& e) {
      std::printf("FAILED: %s: uncaught exception: %s\n", path.c_str(), e.what());
      return 1;
    }
  }
  std::printf("%zu inputs ran cleanly\n", files.size());
  return 0;
}
