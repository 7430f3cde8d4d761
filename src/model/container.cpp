#include "model/container.h"

#include <cstdio>
#include <cstring>
#include <set>

#include "base/error.h"
#include "nn/weights_file.h"

namespace inkmath {

namespace {

constexpr char kMagic[4] = {'I', 'N', 'K', 'C'};

uint32_t u32_at(const std::vector<uint8_t>& b, size_t at) {
  uint32_t v;
  std::memcpy(&v, b.data() + at, 4);
  return v;
}

void put_u32(std::vector<uint8_t>& b, uint32_t v) {
  const auto* p = reinterpret_cast<const uint8_t*>(&v);
  b.insert(b.end(), p, p + 4);
}

}  // namespace

const ModelPart* ModelFile::find(const std::string& name) const {
  for (const ModelPart& p : parts)
    if (p.name() == name) return &p;
  return nullptr;
}

bool is_model_file(const std::vector<uint8_t>& bytes) {
  return bytes.size() >= 4 && std::memcmp(bytes.data(), kMagic, 4) == 0;
}

ModelFile read_model_file(const std::vector<uint8_t>& bytes) {
  if (!is_model_file(bytes)) throw Error("model: not an inkmath model file");
  if (bytes.size() < 16) throw Error("model: file is truncated");
  const uint32_t version = u32_at(bytes, 4);
  if (version != kModelVersion) throw Error("model: version " + std::to_string(version) + " not supported");
  const size_t end = bytes.size() - 4;
  if (crc32(bytes.data(), end) != u32_at(bytes, end)) throw Error("model: checksum mismatch (file is corrupted or truncated)");
  const size_t manifest_size = u32_at(bytes, 8);
  if (manifest_size > end - 12) throw Error("model: file is truncated");
  const auto manifest = nlohmann::json::parse(bytes.begin() + 12, bytes.begin() + 12 + long(manifest_size), nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object() || !manifest.contains("parts") || !manifest["parts"].is_array())
    throw Error("model: bad manifest");
  ModelFile file;
  std::set<std::string> names;
  size_t at = 12 + manifest_size;
  for (const auto& info : manifest["parts"]) {
    if (!info.is_object() || !info.contains("name") || !info["name"].is_string() || !info.contains("size") ||
        !info["size"].is_number_unsigned())
      throw Error("model: each part in the manifest needs a name and a size");
    const std::string name = info["name"].get<std::string>();
    if (!names.insert(name).second) throw Error("model: part '" + name + "' appears twice");
    const uint64_t size = info["size"].get<uint64_t>();
    if (size > end - at) throw Error("model: file is truncated");
    ModelPart part;
    part.info = info;
    part.bytes.assign(bytes.begin() + long(at), bytes.begin() + long(at + size));
    at += size;
    file.parts.push_back(std::move(part));
  }
  if (at != end) throw Error("model: the parts do not fill the file");
  return file;
}

std::vector<uint8_t> write_model_file(const ModelFile& file) {
  nlohmann::json parts = nlohmann::json::array();
  for (const ModelPart& p : file.parts) {
    nlohmann::json info = p.info;
    info["size"] = p.bytes.size();
    parts.push_back(info);
  }
  const std::string manifest = nlohmann::json{{"format", "inkmath model"}, {"parts", parts}}.dump(1);
  std::vector<uint8_t> out(kMagic, kMagic + 4);
  put_u32(out, kModelVersion);
  put_u32(out, uint32_t(manifest.size()));
  out.insert(out.end(), manifest.begin(), manifest.end());
  for (const ModelPart& p : file.parts) out.insert(out.end(), p.bytes.begin(), p.bytes.end());
  put_u32(out, crc32(out.data(), out.size()));
  return out;
}

std::string checksum_text(const std::vector<uint8_t>& bytes) {
  char text[9];
  std::snprintf(text, sizeof text, "%08x", crc32(bytes.data(), bytes.size() >= 4 ? bytes.size() - 4 : 0));
  return text;
}

}  // namespace inkmath
