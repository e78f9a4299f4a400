// nn-host's C ABI over OpenVINO GenAI's C++ `LLMPipeline`.
//
// The PyPI wheel ships GenAI as a C++ library only, without headers. This file
// declares the few GenAI entities it uses (below, in namespace ov::genai) so
// that their mangled names are those the library exports; OpenVINO's own types
// (ov::Any, ov::AnyMap) come from the headers of the same pinned `openvino`
// wheel. It is built into a shared object with unresolved GenAI and OpenVINO
// symbols, which `dlopen` resolves against libraries nn-host has already
// loaded (see host/src/genai/library.rs and docs/host.md for the ABI risks and
// how they are contained).
//
// What is relied on from GenAI 2026.4.1, and why it is stable enough:
// - LLMPipeline's and Tokenizer's member functions used here are out of
//   line: only their signatures matter. The objects are opaque here and
//   given more room than they need.
// - TokenizedInputs is destroyed by the library's own (exported) destructor;
//   only its first member (input_ids, an ov::Tensor) is read.
// - DecodedResults is destroyed by the library's own (exported) destructor;
//   only its first three members (texts, scores, finish_reasons: standard
//   vectors) and the offset of perf_metrics after them are read, and the
//   three sizes are checked before anything is read.
// - Options travel as an AnyMap of GenerationConfig's field names, read by
//   the library itself; the streamer is wrapped by the library's own
//   ov::genai::streamer helper. No GenerationConfig is constructed here (its
//   layout differs between GenAI releases).

#include <openvino/core/any.hpp>
#include <openvino/runtime/tensor.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <new>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ov {
namespace genai {

enum class StreamingStatus { RUNNING = 0, STOP = 1, CANCEL = 2 };
enum class GenerationFinishReason { NONE = 0, STOP = 1, LENGTH = 2 };

class StreamerBase;
using StreamerVariant =
    std::variant<std::function<StreamingStatus(std::string)>, std::shared_ptr<StreamerBase>, std::monostate>;
using StringInputs = std::variant<std::string, std::vector<std::string>>;

std::pair<std::string, ov::Any> streamer(StreamerVariant func);

struct PerfMetrics {
    size_t get_num_generated_tokens();
    size_t get_num_input_tokens();
};

class DecodedResults {
public:
    ~DecodedResults();

    std::vector<std::string> texts;
    std::vector<float> scores;
    std::vector<GenerationFinishReason> finish_reasons;
    // perf_metrics, extended_perf_metrics and parsed follow; the room is
    // generous (their size in 2026.4.1 is well under a kilobyte).
    alignas(8) unsigned char rest[8192];

    PerfMetrics& perf_metrics() { return *reinterpret_cast<PerfMetrics*>(rest); }
};

struct TokenizedInputs {
    ~TokenizedInputs();

    ov::Tensor input_ids;
    // attention_mask and what follows.
    alignas(8) unsigned char rest[1024];
};

class Tokenizer {
public:
    ~Tokenizer();
    TokenizedInputs encode(const std::string& prompt, const ov::AnyMap& tokenization_params);

private:
    // A shared_ptr in 2026.4.1 (16 bytes).
    alignas(16) unsigned char storage[256];
};

class LLMPipeline {
public:
    LLMPipeline(const std::filesystem::path& models_path, const std::string& device, const ov::AnyMap& properties);
    ~LLMPipeline();
    DecodedResults generate(StringInputs inputs, const ov::AnyMap& config_map);
    Tokenizer get_tokenizer();

private:
    // std::string m_device and a unique_ptr in 2026.4.1 (40 bytes).
    alignas(16) unsigned char storage[256];
};

}  // namespace genai
}  // namespace ov

namespace {

// A copy of `text` in malloc'd memory, NUL-terminated, for the caller to
// release with nn_genai_free; nullptr when out of memory.
char* copy_out(const std::string& text) {
    char* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (copy != nullptr) {
        std::memcpy(copy, text.data(), text.size());
        copy[text.size()] = '\0';
    }
    return copy;
}

template <typename F>
char* guarded(F&& body) {
    try {
        body();
        return nullptr;
    } catch (const std::exception& error) {
        return copy_out(error.what());
    } catch (...) {
        return copy_out("OpenVINO GenAI threw an exception that is not a std::exception");
    }
}

}  // namespace

extern "C" {

struct nn_genai_pipeline {
    ov::genai::LLMPipeline pipeline;
    // The pipeline's tokenizer, constructed after it (see nn_genai_open).
    ov::genai::Tokenizer tokenizer;
};

// What one generation is asked to do. Sampling fields are read only when
// do_sample is set; stop (stop_len bytes) is a stop string kept in the
// output, none when stop_len is 0; on_piece, when not null, receives each
// decoded piece as GenAI's streamer forms it, and stops the generation by
// returning non-zero.
struct nn_genai_request {
    const char* prompt;
    size_t prompt_len;
    size_t max_new_tokens;
    int do_sample;
    float temperature;
    float top_p;
    size_t top_k;
    float repetition_penalty;
    float presence_penalty;
    float frequency_penalty;
    uint64_t seed;
    int ignore_eos;
    const char* stop;
    size_t stop_len;
    int (*on_piece)(void* user, const char* piece, size_t len);
    void* user;
};

// The outcome: text (text_len bytes, malloc'd, NUL-terminated), the token
// counts GenAI measured, and whether max_new_tokens ended the generation.
struct nn_genai_result {
    char* text;
    size_t text_len;
    size_t input_tokens;
    size_t output_tokens;
    int stopped_by_length;
};

// Each function returns nullptr on success, else a malloc'd message.

char* nn_genai_open(const char* path, nn_genai_pipeline** out) {
    *out = nullptr;
    return guarded([&] {
        auto* opened = static_cast<nn_genai_pipeline*>(::operator new(sizeof(nn_genai_pipeline)));
        try {
            new (&opened->pipeline) ov::genai::LLMPipeline(std::filesystem::path(path), "CPU", ov::AnyMap{});
        } catch (...) {
            ::operator delete(opened);
            throw;
        }
        try {
            new (&opened->tokenizer) ov::genai::Tokenizer(opened->pipeline.get_tokenizer());
        } catch (...) {
            opened->pipeline.~LLMPipeline();
            ::operator delete(opened);
            throw;
        }
        *out = opened;
    });
}

void nn_genai_close(nn_genai_pipeline* pipeline) {
    if (pipeline != nullptr) {
        pipeline->tokenizer.~Tokenizer();
        pipeline->pipeline.~LLMPipeline();
        ::operator delete(pipeline);
    }
}

// The number of tokens `generate` makes of the prompt (GenAI encodes it with
// its special tokens when no chat template is applied).
char* nn_genai_count_tokens(nn_genai_pipeline* pipeline, const char* prompt, size_t prompt_len, size_t* count) {
    *count = 0;
    return guarded([&] {
        auto* encoded = static_cast<ov::genai::TokenizedInputs*>(::operator new(sizeof(ov::genai::TokenizedInputs)));
        std::unique_ptr<void, void (*)(void*)> storage(encoded, [](void* p) { ::operator delete(p); });
        new (encoded) ov::genai::TokenizedInputs(
            pipeline->tokenizer.encode(std::string(prompt, prompt_len), ov::AnyMap{{"add_special_tokens", true}}));
        struct Destroy {
            ov::genai::TokenizedInputs* encoded;
            ~Destroy() { encoded->~TokenizedInputs(); }
        } destroy{encoded};
        ov::Shape shape = encoded->input_ids.get_shape();
        if (shape.size() != 2 || shape[0] != 1) {
            throw std::runtime_error("OpenVINO GenAI's tokenizer returned input_ids of an unexpected shape " +
                                     shape.to_string() + " (expected [1,N])");
        }
        *count = shape[1];
    });
}

char* nn_genai_generate(nn_genai_pipeline* pipeline, const nn_genai_request* request, nn_genai_result* out) {
    *out = nn_genai_result{};
    return guarded([&] {
        ov::AnyMap options{
            {"apply_chat_template", false},
            {"max_new_tokens", request->max_new_tokens},
            {"do_sample", request->do_sample != 0},
            {"repetition_penalty", request->repetition_penalty},
            {"presence_penalty", request->presence_penalty},
            {"frequency_penalty", request->frequency_penalty},
            {"ignore_eos", request->ignore_eos != 0},
        };
        if (request->do_sample) {
            options.emplace("temperature", request->temperature);
            options.emplace("top_p", request->top_p);
            options.emplace("top_k", request->top_k);
            options.emplace("rng_seed", static_cast<size_t>(request->seed));
        }
        if (request->stop_len > 0) {
            options.emplace("stop_strings", std::set<std::string>{std::string(request->stop, request->stop_len)});
            options.emplace("include_stop_str_in_output", true);
        }
        if (request->on_piece != nullptr) {
            auto on_piece = request->on_piece;
            void* user = request->user;
            options.insert(ov::genai::streamer(ov::genai::StreamerVariant{
                std::function<ov::genai::StreamingStatus(std::string)>([on_piece, user](std::string piece) {
                    return on_piece(user, piece.data(), piece.size()) == 0 ? ov::genai::StreamingStatus::RUNNING
                                                                           : ov::genai::StreamingStatus::STOP;
                })}));
        }
        auto* results = static_cast<ov::genai::DecodedResults*>(::operator new(sizeof(ov::genai::DecodedResults)));
        std::unique_ptr<void, void (*)(void*)> storage(results, [](void* p) { ::operator delete(p); });
        new (results) ov::genai::DecodedResults(pipeline->pipeline.generate(
            ov::genai::StringInputs{std::string(request->prompt, request->prompt_len)}, options));
        struct Destroy {
            ov::genai::DecodedResults* results;
            ~Destroy() { results->~DecodedResults(); }
        } destroy{results};
        if (results->texts.size() != 1 || results->scores.size() != 1 || results->finish_reasons.size() != 1) {
            throw std::runtime_error(
                "OpenVINO GenAI returned results of a layout this nn-host was not built for "
                "(expected the DecodedResults of GenAI 2026.4.1)");
        }
        const std::string& text = results->texts[0];
        out->text = copy_out(text);
        if (out->text == nullptr) {
            throw std::bad_alloc();
        }
        out->text_len = text.size();
        out->input_tokens = results->perf_metrics().get_num_input_tokens();
        out->output_tokens = results->perf_metrics().get_num_generated_tokens();
        out->stopped_by_length = results->finish_reasons[0] == ov::genai::GenerationFinishReason::LENGTH;
    });
}

void nn_genai_free(char* text) {
    std::free(text);
}

}  // extern "C"
